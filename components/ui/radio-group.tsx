"use client";

import { clsx } from "clsx";
import type { ReactNode } from "react";
import { ErrorLines } from "./error-lines";

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

/**
 * Radios in a fieldset whose legend is the question, with its hint and its errors. The fieldset carries
 * `id` (default: the field's name) and is focusable, so a link of the error summary lands on the group.
 * Layouts: `stack` (one per line), `chips` (bordered choices that wrap), `cards` (two columns from the
 * small breakpoint, bold label and hint).
 */
export function RadioGroup({
  id,
  name,
  legend,
  hint,
  options,
  defaultValue,
  error,
  errors,
  required = false,
  layout = "stack",
  onChange,
}: {
  id?: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly RadioOption[];
  defaultValue?: string;
  error?: string;
  errors?: readonly string[];
  required?: boolean;
  layout?: "stack" | "chips" | "cards";
  onChange?: (value: string) => void;
}) {
  const groupId = id ?? name;
  const messages = errors ?? (error ? [error] : []);
  const hintId = hint ? `${groupId}-hint` : undefined;
  const errorId = messages.length > 0 ? `${groupId}-error` : undefined;
  return (
    <fieldset
      id={groupId}
      tabIndex={-1}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      className={clsx("flex min-w-0 flex-col gap-2 outline-none", messages.length > 0 && "border-l-2 border-error pl-3")}
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
      <div
        className={clsx(
          layout === "stack" && "flex flex-col gap-2",
          layout === "chips" && "flex flex-wrap gap-2",
          layout === "cards" && "grid gap-2 sm:grid-cols-2",
        )}
      >
        {options.map((o) => {
          const inputId = `${groupId}-${o.value}`;
          return (
            <div
              key={o.value}
              className={clsx(
                "flex gap-3",
                layout === "stack"
                  ? "items-center"
                  : "rounded-sm border border-border has-[:checked]:border-primary has-[:checked]:bg-info-light",
                layout === "chips" && "items-center gap-2 px-3 py-2",
                layout === "cards" && "items-start p-3",
              )}
            >
              <input
                id={inputId}
                type="radio"
                name={name}
                value={o.value}
                defaultChecked={defaultValue === o.value}
                onChange={onChange ? (e) => onChange(e.target.value) : undefined}
                className={clsx("shrink-0 accent-primary", layout === "chips" ? "size-5" : "size-6", layout === "cards" && "mt-0.5")}
              />
              <label htmlFor={inputId} className={clsx(layout === "cards" && "flex flex-col")}>
                <span className={clsx(layout === "cards" && "font-bold")}>{o.label}</span>
                {o.hint ? <span className="block text-sm text-ink-2">{o.hint}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
      {errorId ? <ErrorLines id={errorId} messages={messages} /> : null}
    </fieldset>
  );
}
