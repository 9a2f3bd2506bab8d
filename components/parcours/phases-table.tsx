import { Badge } from "@/components/ui/badge";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatShortDate } from "@/lib/format/fr";
import { PHASE_TYPE_LABELS } from "@/lib/parcours/labels";
import type { ContratView } from "@/lib/parcours/queries";

/** The phases of a PACEA in date order, with objectives and review; links to edit them while the contract runs. */
export function PhasesTable({ contrat, jeuneId, canWrite }: { contrat: ContratView; jeuneId: string; canWrite: boolean }) {
  const open = contrat.finReelle === null;
  const base = `/jeunes/${jeuneId}/contrats/${contrat.id}/phases`;
  return (
    <div className="flex flex-col gap-4">
      {contrat.phases.length === 0 ? (
        <div className="rounded-sm border border-border bg-alt p-4">
          <h5 className="font-bold">Phases du PACEA</h5>
          <p className="mt-1 text-ink-2">Aucune phase. Un PACEA commence par une phase de diagnostic : ajoutez-la avec ses objectifs.</p>
        </div>
      ) : (
        <>
          {/* Phones: one card per phase (a five-column table would be squeezed into very tall rows). */}
          <div className="sm:hidden">
            <h5 className="mb-3 text-lg font-bold">Phases du PACEA ({contrat.phases.length})</h5>
            <ol className="flex flex-col gap-3">
              {contrat.phases.map((p, i) => (
                <li key={p.id} className="rounded-sm border border-border p-3">
                  <p className="font-bold">
                    {i + 1}. {PHASE_TYPE_LABELS[p.type]}
                  </p>
                  <p className="text-sm text-ink-2">
                    du {formatShortDate(p.debut)} au {formatShortDate(p.fin)}
                  </p>
                  <p className="mt-2 whitespace-pre-line">
                    <span className="font-medium">Objectifs : </span>
                    {p.objectifs}
                  </p>
                  <div className="mt-2">
                    {p.bilan ? (
                      <p className="whitespace-pre-line">
                        <span className="font-medium">Bilan{p.bilanLe ? ` du ${formatShortDate(p.bilanLe)}` : ""} : </span>
                        {p.bilan}
                      </p>
                    ) : (
                      <Badge tone="neutral">Bilan à faire</Badge>
                    )}
                  </div>
                  {canWrite ? (
                    <p className="mt-2">
                      <TextLink href={`${base}/${p.id}`}>
                        {open ? "Modifier ou faire le bilan" : "Faire le bilan"}
                        <span className="sr-only"> de la phase {i + 1}</span>
                      </TextLink>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </div>
          <div className="hidden sm:block">
            <Table caption={`Phases du PACEA (${contrat.phases.length})`}>
              <THead>
                <Tr>
                  <Th>Phase</Th>
                  <Th>Dates</Th>
                  <Th>Objectifs</Th>
                  <Th>Bilan</Th>
                  {canWrite ? (
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  ) : null}
                </Tr>
              </THead>
              <TBody>
                {contrat.phases.map((p, i) => (
                  <Tr key={p.id}>
                    <Th scope="row" className="whitespace-nowrap">
                      {i + 1}. {PHASE_TYPE_LABELS[p.type]}
                    </Th>
                    <Td className="whitespace-nowrap">
                      du {formatShortDate(p.debut)}
                      <br />
                      au {formatShortDate(p.fin)}
                    </Td>
                    <Td className="whitespace-pre-line">{p.objectifs}</Td>
                    <Td>
                      {p.bilan ? (
                        <>
                          <span className="whitespace-pre-line">{p.bilan}</span>
                          {p.bilanLe ? <span className="block text-sm text-ink-2">le {formatShortDate(p.bilanLe)}</span> : null}
                        </>
                      ) : (
                        <Badge tone="neutral">Bilan à faire</Badge>
                      )}
                    </Td>
                    {canWrite ? (
                      <Td>
                        <TextLink href={`${base}/${p.id}`}>
                          {open ? "Modifier ou faire le bilan" : "Faire le bilan"}
                          <span className="sr-only"> de la phase {i + 1}</span>
                        </TextLink>
                      </Td>
                    ) : null}
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
        </>
      )}
      {canWrite && open ? (
        <div>
          <ButtonLink variant="secondary" size="sm" href={`${base}/nouvelle`}>
            Ajouter une phase
          </ButtonLink>
        </div>
      ) : null}
    </div>
  );
}
