import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/link";
import { PersonName } from "@/components/ui/person-name";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { auditActionLabel, auditFieldLabels } from "@/lib/audit-labels";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { HISTORY_LIMIT, listCompteHistory } from "@/lib/comptes/access-queries";
import { formatDateTime, formatNumber } from "@/lib/format/fr";

/** "Historique des accès": the latest journal entries about the account, who did it and when. */
export async function CompteHistorique({ user, compteId }: { user: SessionUser; compteId: string }) {
  const history = await listCompteHistory(user, compteId);
  if (!history) return null;
  return (
    <section aria-labelledby="historique-acces-titre" className="mt-10">
      <h2 id="historique-acces-titre" className="mb-3 text-lg">
        Historique des accès
      </h2>
      {history.rows.length === 0 ? (
        <EmptyState title="Aucune entrée pour ce compte">Les connexions et les changements de ce compte apparaîtront ici.</EmptyState>
      ) : (
        <>
          <p className="mb-3 text-ink-2">
            {history.total > HISTORY_LIMIT
              ? `Les ${HISTORY_LIMIT} entrées les plus récentes sur ${formatNumber(history.total)}.`
              : `${formatNumber(history.total)} ${history.total === 1 ? "entrée" : "entrées"}, les plus récentes d'abord.`}{" "}
            <TextLink href={history.journalHref}>Voir ces entrées dans le journal d'audit</TextLink>
          </p>
          <Table caption="Historique des accès de ce compte, les plus récents d'abord" captionHidden>
            <THead>
              <Tr>
                <Th>Date</Th>
                <Th>Action</Th>
                <Th>Par</Th>
                <Th>Détail</Th>
              </Tr>
            </THead>
            <TBody>
              {history.rows.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(r.at)}</Td>
                  <Td>{auditActionLabel(r.action)}</Td>
                  <Td>
                    {r.actorName ? <PersonName>{r.actorName}</PersonName> : "Système"}
                    {r.actorRole ? <span className="block text-sm text-ink-2">{ROLE_LABELS[r.actorRole]}</span> : null}
                  </Td>
                  <Td>{r.fields.length ? auditFieldLabels(r.action, r.fields).join(", ") : "—"}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </section>
  );
}
