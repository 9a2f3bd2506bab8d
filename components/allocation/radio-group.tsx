import { clsx } from "clsx";

/** A radio group: fieldset + legend (the question), one label per choice, the error under it, focusable for the error summary. */
export function RadioGroup({
  id,
  name,
  legend,
  options,
  defaultValue,
  error,
  hint,
}: {
  id: string;
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  hint?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy} className={clsx("flex flex-col gap-2", error && "border-l-2 border-error pl-3")}>
      <legend className="mb-1 font-medium">{legend} (obligatoire)</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-2">
          {hint}
        </p>
      ) : null}
      {options.map((o) => (
        <div key={o.value} className="flex items-center gap-3">
          <input id={`${id}-${o.value}`} type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} className="size-6 shrink-0 accent-primary" />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-error">
          <span className="sr-only">Erreur : </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
