"use client";

import { clsx } from "clsx";
import type { ReactNode } from "react";
import { FeedbackForm } from "@/components/ui/form-section";
import { ErrorLines } from "@/components/ui/error-lines";
import { TextLink } from "@/components/ui/link";
import { RadioGroup as SharedRadioGroup } from "@/components/ui/radio-group";
import type { FormState } from "@/lib/actions/form-state";

/** A required radio group of the pathway forms: choices as cards, the fieldset's id is the field's name. */
export function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
  errors?: string[];
  hint?: ReactNode;
  onChange?: (value: string) => void;
}) {
  return <SharedRadioGroup {...props} required layout="cards" />;
}

export function Checkbox({
  name,
  label,
  hint,
  defaultChecked,
  errors = [],
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  defaultChecked?: boolean;
  errors?: string[];
}) {
  const describedBy = [hint ? `${name}-hint` : null, errors.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={clsx("flex flex-col gap-2", errors.length > 0 && "border-l-2 border-error pl-3")}>
      <div className="flex items-start gap-3">
        <input
          id={name}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          aria-describedby={describedBy}
          aria-invalid={errors.length > 0 ? true : undefined}
          className="mt-0.5 size-6 shrink-0 accent-primary"
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={name} className="font-medium">
            {label}
          </label>
          {hint ? (
            <p id={`${name}-hint`} className="text-sm text-ink-2">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      {errors.length > 0 ? <ErrorLines id={`${name}-error`} messages={errors} /> : null}
    </div>
  );
}

export function errorsOf(state: FormState<unknown>, name: string): string[] {
  return state.status === "error" ? (state.fieldErrors[name] ?? []) : [];
}

/** A form of the pathway: feedback on top (focused), the fields, the submit button and a way back. */
export function ParcoursForm({
  cancelHref,
  children,
  ...form
}: {
  action: (formData: FormData) => void;
  state: FormState<unknown>;
  pending: boolean;
  fields: readonly string[];
  submit: string;
  cancelHref: string;
  variant?: "primary" | "danger";
  hidden: Record<string, string | number>;
  /** Needed when two forms of one page may show their errors at once. */
  summaryId?: string;
  children: ReactNode;
}) {
  return (
    <FeedbackForm
      {...form}
      className="flex max-w-3xl flex-col gap-6"
      buttonsClassName="flex flex-wrap items-center gap-4"
      besideSubmit={<TextLink href={cancelHref}>Annuler et revenir au parcours</TextLink>}
    >
      {children}
    </FeedbackForm>
  );
}
