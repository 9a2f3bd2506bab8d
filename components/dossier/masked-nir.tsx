import { Missing } from "./info-list";

/** The masked NIR: bullets are hidden from screen readers, which hear the visible digits and "suite masquée". */
export function MaskedNir({ masked }: { masked: string | null }) {
  if (!masked) return <Missing />;
  const visible = masked.replace(/[•\s]+$/u, "").trim();
  return (
    <>
      <span aria-hidden="true" className="font-mono tracking-wide whitespace-nowrap">
        {masked}
      </span>
      <span className="sr-only">{visible && !visible.includes("•") ? `${visible}, suite masquée` : "numéro masqué"}</span>
    </>
  );
}
