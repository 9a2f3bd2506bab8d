import { clsx } from "clsx";
import NextLink from "next/link";
import { StatusIcon } from "@/components/ui/icons";
import { formatNumber } from "@/lib/format/fr";
import { TRANSMISSION_STATUTS, transmissionsHref, type TransmissionFilters } from "@/lib/transmissions/admin-params";
import { STATUS_LABELS } from "@/lib/transmissions/labels";
import type { TransmissionStatut } from "@/lib/transmissions/queries";

/**
 * How many transfers of the selection are in each status (other filters kept), each a link that narrows the
 * list to it. Icon and word for every status; the current one is marked with aria-current.
 */
export function StatusCounts({ filters, counts }: { filters: TransmissionFilters; counts: Record<TransmissionStatut, number> }) {
  const all = TRANSMISSION_STATUTS.reduce((sum, s) => sum + counts[s], 0);
  const item = "inline-flex min-h-11 items-center gap-2 rounded-sm border px-3 py-1 text-sm underline-offset-4 hover:underline";
  return (
    <nav aria-label="Transmissions par statut" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        <li>
          <NextLink
            href={transmissionsHref(filters, { statut: null })}
            aria-current={filters.statut === null ? "true" : undefined}
            className={clsx(item, filters.statut === null ? "border-primary bg-primary text-white" : "border-border text-primary")}
          >
            Tous les statuts <strong>{formatNumber(all)}</strong>
          </NextLink>
        </li>
        {TRANSMISSION_STATUTS.map((s) => {
          const selected = filters.statut === s;
          return (
            // Phones: the empty statuses are left out, so the list stays short.
            <li key={s} className={counts[s] === 0 && !selected ? "hidden sm:list-item" : undefined}>
              <NextLink
                href={transmissionsHref(filters, { statut: s })}
                aria-current={selected ? "true" : undefined}
                className={clsx(
                  item,
                  selected ? "border-primary bg-primary text-white" : "border-border text-primary",
                  counts[s] === 0 && !selected && "text-ink-2",
                )}
              >
                <StatusIcon tone={STATUS_LABELS[s].tone} />
                {STATUS_LABELS[s].text} <strong>{formatNumber(counts[s])}</strong>
              </NextLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
