import type { ComponentProps } from "react";
import { RadioGroup as SharedRadioGroup } from "@/components/ui/radio-group";

/** A required radio group of the allowance and sanction forms, one choice per line. */
export function RadioGroup(props: Omit<ComponentProps<typeof SharedRadioGroup>, "required" | "layout"> & { id: string; legend: string }) {
  return <SharedRadioGroup {...props} required layout="stack" />;
}
