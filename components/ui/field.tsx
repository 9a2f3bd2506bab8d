import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";
import { StatusIcon } from "./icons";
import { errorTextTone, hintTone } from "./tones";

/** Attributes Field hands to its control so label, hint and error are tied to it. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
};

export type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | string[];
  required?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/** Shared look of text-like controls; the error state adds a thicker red border. */
export function controlClasses(invalid: boolean, className?: string): string {
  return clsx(
    "block min-h-11 w-full rounded-sm bg-white px-3 py-2 text-base text-ink",
    invalid ? "border-2 border-error" : "border border-ink-2",
    className,
  );
}

function toList(error: string | string[] | undefined): string[] {
  if (error === undefined) return [];
  return (Array.isArray(error) ? error : [error]).filter((message) => message !== "");
}

/**
 * Label, optional hint, the control, then the error message(s).
 * "(obligatoire)" is written in the label: the requirement is never shown by colour or a star alone.
 */
export function Field({ id, label, hint, error, required, className, children }: FieldProps) {
  const errors = toList(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={clsx("flex flex-col gap-2", errors.length > 0 && "border-l-2 border-error pl-3", className)}>
      <label htmlFor={id} className="font-medium">
        {label}
        {required && " (obligatoire)"}
      </label>
      {hint && (
        <p id={hintId} className={clsx("text-sm", hintTone)}>
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-describedby": describedBy,
        "aria-invalid": errors.length > 0 ? true : undefined,
        required,
      })}
      {errorId && (
        <div id={errorId} className={clsx("flex flex-col gap-1 text-sm font-medium", errorTextTone)}>
          {errors.map((message, index) => (
            <p key={index} className="flex items-start gap-2">
              <StatusIcon tone="error" className="mt-0.5" />
              <span>
                <span className="sr-only">Erreur : </span>
                {message}
              </span>
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

type LabelledProps = {
  name: string;
  /** Defaults to `name`; ErrorSummary links point to it. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | string[];
};

export type TextInputProps = LabelledProps & Omit<ComponentProps<"input">, "id" | "name" | "children">;

/** A labelled `<input>`; every other input attribute (type, autoComplete, inputMode…) passes through. */
export function TextInput({ name, id = name, label, hint, error, required, className, type = "text", ...props }: TextInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <input {...props} {...control} name={name} type={type} className={controlClasses(control["aria-invalid"] === true, className)} />
      )}
    </Field>
  );
}

export type TextareaProps = LabelledProps & Omit<ComponentProps<"textarea">, "id" | "name" | "children">;

/** A labelled `<textarea>`, 4 rows by default. */
export function Textarea({ name, id = name, label, hint, error, required, className, rows = 4, ...props }: TextareaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <textarea {...props} {...control} name={name} rows={rows} className={controlClasses(control["aria-invalid"] === true, className)} />
      )}
    </Field>
  );
}
