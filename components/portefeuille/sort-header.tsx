import { clsx } from "clsx";
import NextLink from "next/link";
import { Th } from "@/components/ui/table";
import { linkTone } from "@/components/ui/tones";
import { portefeuilleHref, type PortefeuilleFilters, type Tri } from "@/lib/jeunes/portefeuille-params";

const ORDER_WORDS = { asc: "croissant", desc: "décroissant" } as const;

function SortIcon({ state }: { state: "asc" | "desc" | "none" }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-4 shrink-0"
    >
      {state === "asc" ? (
        <path d="m6 15 6-6 6 6" />
      ) : state === "desc" ? (
        <path d="m6 9 6 6 6-6" />
      ) : (
        <path d="m8 10 4-4 4 4M8 14l4 4 4-4" />
      )}
    </svg>
  );
}

export type SortHeaderProps = {
  tri: Tri;
  filters: PortefeuilleFilters;
  children: string;
  className?: string;
};

/**
 * A column header that sorts by its column: a link (the sorted view is a URL), `aria-sort` on the
 * header, and the next order spelled out for screen readers.
 */
export function SortHeader({ tri, filters, children, className }: SortHeaderProps) {
  const active = filters.tri === tri;
  const next = active && filters.ordre === "asc" ? "desc" : "asc";
  return (
    <Th aria-sort={active ? (filters.ordre === "asc" ? "ascending" : "descending") : undefined} className={className}>
      <NextLink
        href={portefeuilleHref(filters, { tri, ordre: next })}
        scroll={false}
        className={clsx(linkTone, "inline-flex items-center gap-1 underline-offset-4 hover:underline", active && "underline")}
      >
        {children}
        <SortIcon state={active ? filters.ordre : "none"} />
        <span className="sr-only">, trier par ordre {ORDER_WORDS[next]}</span>
      </NextLink>
    </Th>
  );
}
