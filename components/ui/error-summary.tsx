import { clsx } from "clsx";
import type { Ref } from "react";
import { StatusIcon } from "./icons";
import { errorTextTone } from "./tones";

export type FieldError = { fieldId: string; message: string };

export type ErrorSummaryProps = {
  errors: readonly FieldError[];
  /** Lets the form move focus here after a failed submit (role="alert" also announces it). */
  ref?: Ref<HTMLDivElement>;
  id?: string;
  className?: string;
};

/** Box at the top of a form listing its errors; each links to its field (`#fieldId`). */
export function ErrorSummary({ errors, ref, id = "error-summary", className }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  const count = errors.length;
  const titleId = `${id}-title`;

  return (
    <div
      ref={ref}
      id={id}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      className={clsx("flex flex-col gap-3 rounded-sm border-2 border-l-8 border-error bg-white p-4", className)}
    >
      <h2 id={titleId} className="flex items-center gap-2 text-lg">
        <StatusIcon tone="error" size="md" className={errorTextTone} />
        Le formulaire contient {count} {count > 1 ? "erreurs" : "erreur"}
      </h2>
      <ul className="flex list-disc flex-col gap-1 pl-6">
        {errors.map((error, index) => (
          <li key={`${error.fieldId}-${index}`}>
            <a href={`#${error.fieldId}`} className={clsx(errorTextTone, "font-medium underline underline-offset-4 hover:decoration-2")}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
