import type { ComponentProps, ReactNode } from "react";
import { Field, controlClasses } from "./field";

export type SelectOption = { value: string; label: string };

export type SelectFieldProps = {
  name: string;
  /** Defaults to `name`; ErrorSummary links point to it. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | string[];
  options: readonly SelectOption[];
  /** First, empty option (value ""), e.g. "Sélectionnez une structure". */
  placeholder?: string;
} & Omit<ComponentProps<"select">, "id" | "name" | "children">;

/** A labelled native `<select>`. */
export function SelectField({
  name,
  id = name,
  label,
  hint,
  error,
  required,
  options,
  placeholder,
  defaultValue,
  className,
  ...props
}: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select
          {...props}
          {...control}
          name={name}
          // Start on the placeholder unless a value is given (controlled selects keep their `value`).
          defaultValue={props.value === undefined ? (defaultValue ?? (placeholder !== undefined ? "" : undefined)) : undefined}
          className={controlClasses(control["aria-invalid"] === true, className)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
