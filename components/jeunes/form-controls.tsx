import { clsx } from "clsx";
import type { ReactNode } from "react";
import { StatusIcon } from "@/components/ui/icons";
import { errorTextTone, hintTone } from "@/components/ui/tones";

// Checkbox and radio group in the look of components/ui/field.tsx (label, hint, error tied by ids).

function ErrorLine({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className={clsx("flex items-start gap-2 text-sm font-medium", errorTextTone)}>
      <StatusIcon tone="error" className="mt-0.5" />
      <span>
        <span className="sr-only">Erreur : </span>
        {message}
      </span>
    </p>
  );
}

const boxClasses = "mt-0.5 size-6 shrink-0 cursor-pointer accent-primary";

export function Checkbox({
  name,
  id = name,
  label,
  hint,
  error,
  defaultChecked,
}: {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultChecked?: boolean;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={clsx("flex flex-col gap-1", error && "border-l-2 border-error pl-3")}>
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={defaultChecked}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          aria-invalid={error ? true : undefined}
          className={boxClasses}
        />
        <label htmlFor={id} className="cursor-pointer">
          {label}
        </label>
      </div>
      {hint && (
        <p id={hintId} className={clsx("pl-9 text-sm", hintTone)}>
          {hint}
        </p>
      )}
      {errorId && error && <ErrorLine id={errorId} message={error} />}
    </div>
  );
}

/**
 * Radios in a fieldset whose legend is the question. The first radio carries `id = name` so an
 * error-summary link (#name) lands on the group.
 */
export function RadioGroup({
  name,
  legend,
  hint,
  error,
  options,
  defaultValue,
  required,
  inline,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string; hint?: string }[];
  defaultValue?: string;
  required?: boolean;
  inline?: boolean;
  onChange?: (value: string) => void;
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} className={clsx("flex min-w-0 flex-col gap-2", error && "border-l-2 border-error pl-3")}>
      <legend className="mb-2 font-medium">
        {legend}
        {required && " (obligatoire)"}
      </legend>
      {hint && (
        <p id={hintId} className={clsx("text-sm", hintTone)}>
          {hint}
        </p>
      )}
      <div className={clsx("flex gap-x-6 gap-y-2", inline ? "flex-row flex-wrap" : "flex-col")}>
        {options.map((option, index) => {
          const id = index === 0 ? name : `${name}-${option.value}`;
          const optionHintId = option.hint ? `${id}-hint` : undefined;
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                defaultChecked={defaultValue === option.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={optionHintId}
                onChange={onChange ? (e) => e.currentTarget.checked && onChange(option.value) : undefined}
                className={clsx(boxClasses, "rounded-full")}
              />
              <div className="flex flex-col">
                <label htmlFor={id} className="cursor-pointer">
                  {option.label}
                </label>
                {option.hint && (
                  <span id={optionHintId} className={clsx("text-sm", hintTone)}>
                    {option.hint}
                  </span>
                )}
              </div>
            </div>
          );
        })}
      </div>
      {errorId && error && <ErrorLine id={errorId} message={error} />}
    </fieldset>
  );
}
