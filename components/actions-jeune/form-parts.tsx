"use client";

import type { ComponentProps } from "react";
import { RadioGroup as SharedRadioGroup } from "@/components/ui/radio-group";

export type { RadioOption } from "@/components/ui/radio-group";

/** A radio group of the action forms: choices as chips that wrap. */
export function RadioGroup(props: Omit<ComponentProps<typeof SharedRadioGroup>, "layout"> & { id: string }) {
  return <SharedRadioGroup {...props} layout="chips" />;
}
