"use server";

import { formAction } from "@/lib/actions/form";
import { decideSanction, liftSuspension, recordFailure, recordResponse } from "./writes";

// Each step lands on the sanction's page, which says what was recorded (?etape=…).
const to = (etape: string) => ({
  successMessage: "",
  redirectTo: (d: { id: string; jeuneId: string }) => `/jeunes/${d.jeuneId}/sanctions/${d.id}?etape=${etape}`,
});

export const recordFailureAction = formAction(recordFailure, to("proposee"));
export const recordResponseAction = formAction(recordResponse, to("contradictoire"));
export const decideSanctionAction = formAction(decideSanction, to("decision"));
export const liftSuspensionAction = formAction(liftSuspension, to("levee"));
