import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis } from "@/lib/calendar/civil-date";
import { TYPE_LABELS } from "@/lib/droits/labels";
import { listDemandesForJeune } from "@/lib/droits/queries";
import { formatDate, formatShortDate } from "@/lib/format/fr";
import { StatutBadge, UrgencyBadge } from "./status";

/**
 * The "Demandes de droits" tab of a dossier: this young person's requests, their status and deadline.
 * The dossier page has already checked access and recorded the consultation; the limitation comes from
 * the row its gate read.
 */
export async function DossierDroitsTab({
  user,
  jeuneId,
  limitationDepuis,
}: {
  user: SessionUser;
  jeuneId: string;
  limitationDepuis: Date | null;
}) {
  const today = todayInParis(new Date());
  const rows = await listDemandesForJeune(user, jeuneId);
  const canIntake = can(user.role, "droits.intake");
  const canRead = can(user.role, "droits.read");
  const newRequest = canIntake ? (
    <ButtonLink href={`/jeunes/${jeuneId}/droits/nouvelle`} variant="primary">
      Nouvelle demande
    </ButtonLink>
  ) : null;

  return (
    <div className="flex flex-col gap-6">
      {limitationDepuis ? (
        <Alert tone="warning" title={`Limitation en cours depuis le ${formatDate(limitationDepuis)}`}>
          Aucune transmission ne part pour ce jeune tant que le délégué à la protection des données ne l&apos;a pas levée.
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState titleAs="h3" title="Aucune demande d'exercice de droits" action={newRequest}>
          Si le jeune demande à voir, corriger, effacer ou geler ses données, ou s&apos;oppose à une utilisation, enregistrez sa demande :
          il recevra un accusé de réception daté et une réponse dans le délai légal d&apos;un mois.
        </EmptyState>
      ) : (
        <>
          {newRequest ? <div>{newRequest}</div> : null}
          <Table caption="Demandes d'exercice de droits du jeune, les plus récentes d'abord">
            <THead>
              <Tr>
                <Th>Demande</Th>
                <Th>Droit</Th>
                <Th>Reçue le</Th>
                <Th>Échéance</Th>
                <Th>Statut</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((d) => (
                <Tr key={d.id}>
                  <Th scope="row" className="font-normal">
                    {canRead ? (
                      <TextLink href={`/droits/${d.id}`}>n° {d.numero}</TextLink>
                    ) : (
                      <>
                        <span className="block">n° {d.numero}</span>
                        <a
                          href={`/jeunes/${jeuneId}/droits/${d.id}/accuse-reception.pdf`}
                          className="mt-1 block min-h-6 py-0.5 text-sm text-primary underline underline-offset-4 hover:decoration-2"
                        >
                          Accusé de réception (PDF)
                        </a>
                        {d.issue ? (
                          <a
                            href={`/jeunes/${jeuneId}/droits/${d.id}/reponse.pdf`}
                            className="mt-1 block min-h-6 py-0.5 text-sm text-primary underline underline-offset-4 hover:decoration-2"
                          >
                            Lettre de réponse (PDF)
                          </a>
                        ) : null}
                      </>
                    )}
                  </Th>
                  <Td>{TYPE_LABELS[d.type]}</Td>
                  <Td className="whitespace-nowrap">{formatShortDate(d.recueLe)}</Td>
                  <Td>
                    <span className="block whitespace-nowrap">{d.echeance ? formatShortDate(d.echeance) : "Suspendue"}</span>
                    {d.prolongeeLe ? <span className="block text-sm text-ink-2">prolongée</span> : null}
                    <UrgencyBadge statut={d.statut} echeance={d.echeance} today={today} />
                  </Td>
                  <Td>
                    <StatutBadge statut={d.statut} issue={d.issue} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </div>
  );
}
