"use client";

import { clsx } from "clsx";
import { AlertBadges } from "@/components/portefeuille/alert-badges";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { PersonName } from "@/components/ui/person-name";
import { Td, Th, Tr } from "@/components/ui/table";
import type { AlertBadge } from "@/lib/jeunes/alerts";
import type { BadgeTone } from "@/lib/ui/tones";
import { PORTEFEUILLE_CELL } from "@/components/portefeuille/cells";

/** One row of the portfolio, its words already written by the server: what the table shows, nothing more. */
export interface PortefeuilleRowView {
  id: string;
  name: string;
  /** "Archivé le 12/03/2026", or null for an active file. */
  archived: string | null;
  age: number;
  birthDate: string;
  dispositif: { label: string; tone: BadgeTone } | null;
  antenne: string | null;
  /** The titular counsellor's name (director's view only); null: no titular counsellor. */
  conseiller: string | null;
  alertes: AlertBadge[];
}

/**
 * The portfolio's rows. A client component so that the page's payload carries the rows' data (a few
 * hundred bytes each) instead of their elements: the server renders the HTML from it all the same,
 * and the browser builds the same rows from the same data.
 */
export function PortefeuilleRows({ rows, directeur }: { rows: PortefeuilleRowView[]; directeur: boolean }) {
  return rows.map((j) => (
    <Tr key={j.id}>
      <Th scope="row" className={clsx(PORTEFEUILLE_CELL, "font-normal")}>
        <TextLink href={`/jeunes/${j.id}`} className="font-bold">
          <PersonName>{j.name}</PersonName>
        </TextLink>
        {j.archived ? <span className="block text-sm text-ink-2">{j.archived}</span> : null}
        {/* On phones the alerts column is hidden: the alerts come under the name. */}
        {j.alertes.length > 0 ? (
          <div className="mt-2 md:hidden">
            <AlertBadges alertes={j.alertes} />
          </div>
        ) : null}
      </Th>
      <Td className={clsx(PORTEFEUILLE_CELL, "whitespace-nowrap")}>
        {j.age} ans
        {/* Secondary on phones: the age is enough there, and the three columns fit the screen. */}
        <span className="block text-sm text-ink-2 max-sm:hidden">
          <span className="sr-only">Date de naissance : </span>
          {j.birthDate}
        </span>
      </Td>
      <Td className={PORTEFEUILLE_CELL}>
        {j.dispositif ? <Badge tone={j.dispositif.tone}>{j.dispositif.label}</Badge> : <span className="text-ink-2">Aucun</span>}
      </Td>
      <Td className="hidden md:table-cell">{j.antenne ?? "—"}</Td>
      {directeur ? (
        <Td className="hidden lg:table-cell">{j.conseiller ? <PersonName>{j.conseiller}</PersonName> : "Sans conseiller"}</Td>
      ) : null}
      <Td className="hidden md:table-cell">
        <AlertBadges alertes={j.alertes} />
      </Td>
    </Tr>
  ));
}
