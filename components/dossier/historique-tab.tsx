import { clsx } from "clsx";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/link";
import { Pagination } from "@/components/ui/pagination";
import { auditActionLabel, auditFieldLabels } from "@/lib/audit-labels";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { MOTIF_LABELS } from "@/lib/consultations/motifs";
import { consultedLabel, dossierHref } from "@/lib/consultations/onglets";
import { formatDate, formatNumber, formatTime } from "@/lib/format/fr";
import type { HistoriqueEntry, HistoriqueFiltre, listHistorique } from "@/lib/jeunes/historique";
import { PersonName } from "@/components/ui/person-name";

type Historique = Awaited<ReturnType<typeof listHistorique>>;

const FILTRES: { value: HistoriqueFiltre; label: string; count: (c: Historique["counts"]) => number }[] = [
  { value: "tout", label: "Tout", count: (c) => c.modifications + c.consultations },
  { value: "modifications", label: "Modifications", count: (c) => c.modifications },
  { value: "consultations", label: "Consultations", count: (c) => c.consultations },
];

function hrefFor(jeuneId: string, filtre: HistoriqueFiltre, page = 1): string {
  return dossierHref(jeuneId, "historique", { quoi: filtre === "tout" ? undefined : filtre, page });
}

function Actor({ name, role }: { name: string | null; role: Role | null }) {
  return (
    <p className="text-ink-2">
      par{" "}
      <span className="font-medium text-ink">
        {name ? <PersonName>{name}</PersonName> : role ? "un compte supprimé" : "Sillage (traitement automatique)"}
      </span>
      {role ? ` · ${ROLE_LABELS[role]}` : null}
    </p>
  );
}

function Entry({ entry }: { entry: HistoriqueEntry }) {
  if (entry.kind === "modification") {
    const fields = auditFieldLabels(entry.action, entry.fields);
    return (
      <>
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone="new">Modification</Badge>
          <span className="font-bold">{auditActionLabel(entry.action)}</span>
        </p>
        <Actor name={entry.actorName} role={entry.actorRole} />
        {fields.length > 0 ? (
          <p className="text-sm">
            <span className="text-ink-2">{fields.length > 1 ? "Champs concernés" : "Champ concerné"} : </span>
            {fields.join(", ")}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">Consultation</Badge>
        <span className="font-bold">
          {entry.motif ? "Motif donné pour ouvrir le dossier" : "Dossier ouvert"} : {consultedLabel(entry.onglet)}
        </span>
        {entry.horsPortefeuille ? <Badge tone="warning">Hors portefeuille</Badge> : null}
      </p>
      <Actor name={entry.actorName} role={entry.actorRole} />
      {entry.motif ? (
        <p className="text-sm">
          <span className="text-ink-2">Motif : </span>
          {MOTIF_LABELS[entry.motif]}
          {entry.motifDetail ? <span className="block whitespace-pre-line">« {entry.motifDetail} »</span> : null}
        </p>
      ) : null}
    </>
  );
}

/** Entries grouped under their day (Europe/Paris), keeping the newest-first order. */
function byDay(entries: HistoriqueEntry[]): { day: string; entries: HistoriqueEntry[] }[] {
  const groups: { day: string; entries: HistoriqueEntry[] }[] = [];
  for (const entry of entries) {
    const day = formatDate(entry.at);
    const last = groups.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}

export function HistoriqueTab({
  jeuneId,
  historique,
  page,
  filtre,
}: {
  jeuneId: string;
  historique: Historique;
  page: number;
  filtre: HistoriqueFiltre;
}) {
  const { entries, total, counts, pageCount } = historique;
  return (
    <div className="flex flex-col gap-6">
      <p className="text-ink-2">
        Chaque modification du dossier (les champs concernés, jamais leur contenu) et chaque ouverture, avec son motif quand elle a lieu
        hors portefeuille. Le jeune peut voir qui a consulté son dossier.
      </p>
      <nav aria-label="Filtrer l'historique">
        <ul className="flex flex-wrap gap-2">
          {FILTRES.map((f) => (
            <li key={f.value}>
              <Link
                href={hrefFor(jeuneId, f.value)}
                prefetch={false}
                scroll={false}
                aria-current={f.value === filtre ? "page" : undefined}
                className={clsx(
                  "inline-flex min-h-11 items-center gap-1 rounded-sm border px-3 py-1",
                  f.value === filtre
                    ? "border-primary bg-primary font-bold text-white"
                    : "border-border bg-white text-primary hover:bg-alt",
                )}
              >
                {f.label}
                <span>({formatNumber(f.count(counts))})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {entries.length === 0 ? (
        <EmptyState
          titleAs="h3"
          title={total === 0 ? "Rien à afficher" : "Cette page de l'historique est vide"}
          action={total === 0 ? undefined : <TextLink href={hrefFor(jeuneId, filtre)}>Revenir à la première page</TextLink>}
        >
          {total === 0 ? "Aucune entrée ne correspond à ce filtre pour l'instant." : "L'historique compte moins de pages."}
        </EmptyState>
      ) : (
        <>
          <ol className="flex flex-col gap-6">
            {byDay(entries).map((group) => (
              <li key={group.day}>
                <h3 className="mb-2 border-b border-border pb-1 first-letter:uppercase">{group.day}</h3>
                <ol className="flex flex-col">
                  {group.entries.map((entry) => (
                    <li key={`${entry.kind}-${entry.id}`} className="flex gap-4 border-b border-border py-3 last:border-b-0">
                      <time dateTime={entry.at.toISOString()} className="w-20 shrink-0 font-bold whitespace-nowrap tabular-nums">
                        {formatTime(entry.at)}
                      </time>
                      <div className="flex min-w-0 flex-col gap-1">
                        <Entry entry={entry} />
                      </div>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
          <Pagination
            label="Pages de l'historique"
            page={Math.min(page, pageCount)}
            pageCount={pageCount}
            hrefFor={(p) => hrefFor(jeuneId, filtre, p)}
          />
        </>
      )}
    </div>
  );
}
