"use server";

import { formAction } from "@/lib/actions/form";
import { previewAllocationDecision, recordAllocationDecision } from "./decision-writes";

/** Step 1: computes the amount and its explanation, writes nothing. */
export const previewAllocationDecisionAction = formAction(previewAllocationDecision, { successMessage: "" });

/** Step 2: recomputes, stores, and goes back to the Parcours tab which confirms it. */
export const recordAllocationDecisionAction = formAction(recordAllocationDecision, {
  successMessage: "",
  redirectTo: (d) => `/jeunes/${d.jeuneId}?onglet=parcours&allocation=${d.mois}`,
});
