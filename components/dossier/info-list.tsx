import type { ReactNode } from "react";

export type InfoItem = { label: string; value: ReactNode; wide?: boolean };

/** "Non renseigné" in secondary text, so an empty field is never mistaken for a value. */
export function Missing({ children = "Non renseigné" }: { children?: ReactNode }) {
  return <span className="text-ink-2 italic">{children}</span>;
}

/** A description list of label/value pairs, two columns from tablet width. */
export function InfoList({ items }: { items: InfoItem[] }) {
  return (
    <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label} className={item.wide ? "sm:col-span-2" : undefined}>
          <dt className="text-sm text-ink-2">{item.label}</dt>
          <dd className="font-medium break-words">{item.value ?? <Missing />}</dd>
        </div>
      ))}
    </dl>
  );
}
