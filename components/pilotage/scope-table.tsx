import { PersonName } from "@/components/ui/person-name";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ScopeFigures } from "@/lib/pilotage/queries";
import { FigureLink } from "./figure-link";

/** One row per antenne or counsellor; every count opens the portfolio filtered on it. */
export function ScopeTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  rowHeader: string;
  rows: ({ id: string; name: string } & ScopeFigures)[];
}) {
  return (
    <Table caption={caption} captionHidden className="text-sm">
      <THead>
        <Tr>
          <Th>{rowHeader}</Th>
          <Th className="text-right">Dossiers actifs</Th>
          <Th className="text-right">CEJ</Th>
          <Th className="text-right">PACEA</Th>
          <Th className="text-right">Fin sous 30 jours</Th>
          <Th className="text-right">CEJ sous 15 h</Th>
          <Th className="text-right">Allocations à décider</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.id}>
            <Th scope="row" className="font-normal">
              <PersonName>{r.name}</PersonName>
            </Th>
            <Td className="text-right">
              <FigureLink value={r.actifs.value} href={r.actifs.href} label={`dossiers actifs, ${r.name}`} />
            </Td>
            <Td className="text-right">
              <FigureLink value={r.cej.value} href={r.cej.href} label={`CEJ en cours, ${r.name}`} />
            </Td>
            <Td className="text-right">
              <FigureLink value={r.pacea.value} href={r.pacea.href} label={`PACEA en cours, ${r.name}`} />
            </Td>
            <Td className="text-right">
              <FigureLink
                value={r.alertes.contrat_fin.value}
                href={r.alertes.contrat_fin.href}
                label={`contrats se terminant sous 30 jours, ${r.name}`}
              />
            </Td>
            <Td className="text-right">
              <FigureLink value={r.alertes.cej_heures.value} href={r.alertes.cej_heures.href} label={`CEJ sous 15 h, ${r.name}`} />
            </Td>
            <Td className="text-right">
              <FigureLink
                value={r.alertes.allocation_a_decider.value}
                href={r.alertes.allocation_a_decider.href}
                label={`allocations à décider, ${r.name}`}
              />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
