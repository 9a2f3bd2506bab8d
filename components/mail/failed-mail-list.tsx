import { Badge } from "@/components/ui/badge";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime, formatShortDate, formatTime } from "@/lib/format/fr";
import type { FailedMailRow } from "@/lib/mail/queries";
import { MAIL_STATUT_LABELS } from "@/lib/mail/statuts";
import { RelaunchMailButton } from "./relaunch-button";

/** The structure's e-mails that did not leave (letters of rights requests…), with "Relancer". */
export function FailedMailList({ rows, admin, canRetry }: { rows: FailedMailRow[]; admin: boolean; canRetry: boolean }) {
  return (
    <section aria-labelledby="courriels-non-envoyes" className="mb-8">
      <h2 id="courriels-non-envoyes" className="mb-2 text-xl font-bold">
        Courriels non envoyés
      </h2>
      <p className="mb-3 text-ink-2">
        Ces courriels n&apos;ont pas pu partir : le service d&apos;envoi réessaie de lui-même, puis abandonne après plusieurs échecs.
        Vérifiez l&apos;adresse ou la configuration de l&apos;envoi, puis relancez ; sinon, remettez le courrier à la personne.
      </p>
      <Table caption="Courriels non envoyés, les plus récents d'abord" captionHidden className="text-sm">
        <THead>
          <Tr>
            <Th>Date</Th>
            <Th>Courriel</Th>
            <Th>Destinataire</Th>
            <Th>Statut</Th>
            <Th>Tentatives et dernière erreur</Th>
            {canRetry ? <Th>Action</Th> : null}
          </Tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={r.id}>
              <Td className="whitespace-nowrap">
                {formatShortDate(r.createdAt)}
                <span className="block text-ink-2">{formatTime(r.createdAt)}</span>
              </Td>
              <Td>
                {r.kindLabel}
                {admin ? <span className="block text-ink-2">{r.structureName}</span> : null}
              </Td>
              <Td>{r.recipient}</Td>
              <Td>
                <Badge tone={r.status === "abandonne" ? "error" : "warning"}>{MAIL_STATUT_LABELS[r.status]}</Badge>
                {r.status === "echec_temporaire" && r.nextAttemptAt ? (
                  <span className="mt-1 block">Prochain essai le {formatDateTime(r.nextAttemptAt)}</span>
                ) : null}
              </Td>
              <Td>
                {r.attempts}
                {r.lastError ? <span className="block max-w-48 break-words text-ink-2">Dernière erreur : {r.lastError}</span> : null}
              </Td>
              {canRetry ? (
                <Td>
                  <RelaunchMailButton
                    mailId={r.id}
                    label={`Relancer le courriel « ${r.kindLabel} » à ${r.recipient} du ${formatShortDate(r.createdAt)}`}
                  />
                </Td>
              ) : null}
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}
