"use server";

import { formAction } from "@/lib/actions/form";
import { simulatePurge } from "./writes";

export const simulatePurgeAction = formAction(simulatePurge, {
  successMessage: "La simulation est lancée.",
  redirectTo: (data) => `/conformite/conservation/${data.runId}`,
});
