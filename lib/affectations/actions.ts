"use server";

import { formAction } from "@/lib/actions/form";
import { reassignJeunes } from "./writes";

export const reassignAction = formAction(reassignJeunes, {
  successMessage: ({ count }) => (count === 1 ? "1 jeune a été réaffecté." : `${count} jeunes ont été réaffectés.`),
});
