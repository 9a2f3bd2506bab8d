"use client";

import { type ReactNode, useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { type FormState, IDLE } from "@/lib/actions/form-state";

export type StepAction<R> = (state: FormState<R>, formData: FormData) => Promise<FormState<R>>;

/**
 * One act on a record among several on a page: a titled box, the record's hidden references, its fields,
 * its button; the messages are focused after submit. `prefix` keeps the ids of each form's fields apart.
 */
export function StepForm<R>({
  action,
  hidden,
  prefix,
  title,
  headingLevel = 3,
  description,
  fields,
  submit,
  variant = "primary",
  afterFeedback,
  children,
}: {
  action: StepAction<R>;
  /** The record and the version the form read (never trusted: the action re-checks them). */
  hidden: Record<string, string | number>;
  prefix: string;
  title: string;
  headingLevel?: 2 | 3;
  description?: ReactNode;
  fields: readonly string[];
  submit: string;
  variant?: "primary" | "secondary" | "danger";
  /** What the result adds under the messages (a link to act on the cause of a refusal…). */
  afterFeedback?: (state: FormState<R>) => ReactNode;
  children?: (state: FormState<R>, id: (name: string) => string) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState<FormState<R>, FormData>(action, IDLE);
  const headingId = `${prefix}-titre`;
  const id = (name: string) => `${prefix}-${name}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className="rounded-sm border border-border p-4 sm:p-6">
      <Heading id={headingId} className={headingLevel === 2 ? "mb-2 text-lg" : "mb-2"}>
        {title}
      </Heading>
      {description ? <div className="mb-4 text-ink-2">{description}</div> : null}
      <ActionForm action={formAction} className="flex flex-col gap-4">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormFeedback state={state} fields={fields} idFor={id} summaryId={id("erreurs")} />
        {afterFeedback?.(state)}
        {children?.(state, id)}
        <div>
          <Button type="submit" variant={variant} disabled={pending}>
            {pending ? "Enregistrement…" : submit}
          </Button>
        </div>
      </ActionForm>
    </section>
  );
}
