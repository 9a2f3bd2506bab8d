"use client";

import { clsx } from "clsx";
import type { ReactNode } from "react";

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

/** A radio group in a fieldset with its legend, its hint and its error, like Field does for one control. */
export function RadioGroup({
  id,
  name,
  legend,
  hint,
  options,
  defaultValue,
  error,
  required,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly RadioOption[];
  defaultValue?: string;
  error?: string;
  required?: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      className={clsx("flex flex-col gap-2 outline-none", error && "border-l-2 border-error pl-3")}
    >
      <legend className="mb-1 font-medium">
        {legend}
        {required ? " (obligatoire)" : null}
      </legend>
      {hint ? (
        <p id={hintId} className="text-sm text-ink-2">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <div key={o.value} className="flex items-center gap-2 rounded-sm border border-border px-3 py-2 has-[:checked]:border-primary has-[:checked]:bg-info-light">
            <input id={`${id}-${o.value}`} type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} className="size-5 shrink-0 accent-primary" />
            <label htmlFor={`${id}-${o.value}`}>
              {o.label}
              {o.hint ? <span className="block text-sm text-ink-2">{o.hint}</span> : null}
            </label>
          </div>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-error">
          <span className="sr-only">Erreur : </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
