"use client";

import { useEffect, useRef, type ReactNode } from "react";
import type { FormState } from "@/lib/actions/form-state";

/** Moves focus to `ref` when the form succeeds (the success panel replaces the form). */
export function useFocusOnSuccess(state: FormState<unknown>) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "success") ref.current?.focus();
  }, [state]);
  return ref;
}

/** A labelled checkbox with an optional hint; a 24 px box so it is easy to tick on a phone. */
export function CheckboxField({
  id,
  name,
  label,
  hint,
  defaultChecked,
}: {
  id?: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  defaultChecked?: boolean;
}) {
  const inputId = id ?? name;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className="flex items-start gap-3">
      <input
        id={inputId}
        name={name}
        type="checkbox"
        defaultChecked={defaultChecked}
        aria-describedby={hintId}
        className="mt-0.5 size-6 shrink-0 accent-primary"
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="font-medium">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-sm text-ink-2">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
