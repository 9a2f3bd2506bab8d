"use server";

import { formAction } from "@/lib/actions/form";
import { createSetting } from "./writes";

export const createSettingAction = formAction(createSetting, {
  successMessage: "La nouvelle valeur est enregistrée. Elle s'appliquera à partir de sa date d'effet.",
});
