"use client";

import { useActionState, type ReactNode } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { ActionForm } from "./action-form";
import { Button } from "./button";
import { FormFeedback } from "./form-feedback";
import type { ButtonVariant } from "./tones";

/**
 * A form of a `useActionState` action: its hidden fields, what the action said (focused after
 * submit), the fields, then the submit button ("Enregistrement…" while pending) and whatever goes
 * beside it.
 */
export function FeedbackForm({
  action,
  state,
  pending,
  fields,
  hidden,
  submit,
  variant = "primary",
  idFor,
  summaryId,
  className,
  buttonsClassName,
  besideSubmit,
  children,
}: {
  action: (formData: FormData) => void;
  state: FormState<unknown>;
  pending: boolean;
  /** The field names, in display order, for the error summary. */
  fields: readonly string[];
  hidden: Record<string, string | number>;
  submit: string;
  variant?: ButtonVariant;
  /** A field's element id from its name (the name itself by default). */
  idFor?: (name: string) => string;
  /** Needed when two forms of one page may show their errors at once. */
  summaryId?: string;
  className?: string;
  buttonsClassName?: string;
  besideSubmit?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ActionForm action={action} className={className}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormFeedback state={state} fields={fields} idFor={idFor} summaryId={summaryId} />
      {children}
      <div className={buttonsClassName}>
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? "Enregistrement…" : submit}
        </Button>
        {besideSubmit}
      </div>
    </ActionForm>
  );
}

/**
 * A titled box (a region named by its h2) with its form, its messages (focused after submit) and its
 * button. Element ids start with `prefix`, so several boxes can share a page.
 */
export function FormSection<R>({
  action,
  prefix,
  title,
  description,
  fields,
  hidden,
  submit,
  variant = "primary",
  children,
}: {
  action: (state: FormState<R>, formData: FormData) => Promise<FormState<R>>;
  prefix: string;
  title: string;
  description?: ReactNode;
  fields: readonly string[];
  hidden: Record<string, string | number>;
  submit: string;
  variant?: ButtonVariant;
  children: (state: FormState<R>, id: (name: string) => string) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState<FormState<R>, FormData>(action, IDLE);
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <section aria-labelledby={id("titre")} className="rounded-sm border border-border p-4 sm:p-6">
      <h2 id={id("titre")} className="mb-2 text-xl">
        {title}
      </h2>
      {description ? <div className="mb-4 text-ink-2">{description}</div> : null}
      <FeedbackForm
        action={formAction}
        state={state}
        pending={pending}
        fields={fields}
        hidden={hidden}
        submit={submit}
        variant={variant}
        idFor={id}
        summaryId={id("erreurs")}
        className="flex flex-col gap-4"
      >
        {children(state, id)}
      </FeedbackForm>
    </section>
  );
}
