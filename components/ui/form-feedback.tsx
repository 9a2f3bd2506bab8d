"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { Alert } from "./alert";
import { ErrorSummary } from "./error-summary";

/**
 * What a form says after its action ran, in one place: a success message, the list of field errors,
 * or a general error — focused so keyboard and screen-reader users land on it.
 * `fields` lists the form's field names in display order; `idFor` maps a name to its element id.
 */
export function FormFeedback({
  state,
  fields,
  idFor = (name) => name,
  summaryId,
}: {
  state: FormState<unknown>;
  fields: readonly string[];
  idFor?: (name: string) => string;
  /** Needed when several forms of one page may show their errors at once. */
  summaryId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") ref.current?.focus();
  }, [state]);

  if (state.status === "idle") return null;
  if (state.status === "success") {
    return (
      <div ref={ref} tabIndex={-1} className="outline-none">
        <Alert tone="success" live="polite">
          {state.message}
        </Alert>
      </div>
    );
  }
  const errors = fields.flatMap((f) => {
    const message = state.fieldErrors[f]?.[0];
    return message ? [{ fieldId: idFor(f), message }] : [];
  });
  if (errors.length > 0) return <ErrorSummary errors={errors} ref={ref} id={summaryId} />;
  return (
    <div ref={ref} tabIndex={-1} className="outline-none">
      <Alert tone="error" live="assertive">
        {state.message}
      </Alert>
    </div>
  );
}
