import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { FINALITIES } from "@/lib/data-map/finalities";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { formatDateTime, formatShortDate, formatTime } from "@/lib/format/fr";
import { displayName } from "@/lib/jeunes/labels";
import type { TransmissionListRow } from "@/lib/transmissions/admin-queries";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/transmissions/labels";
import { isRetryable } from "@/lib/transmissions/retry-writes";
import { RetryButton, SendNowButton } from "./retry-button";
import { isWaiting } from "@/lib/transmissions/send-now-writes";
import { PersonName } from "@/components/ui/person-name";

function jeuneName(r: TransmissionListRow): string | null {
  return r.anonymisedAt ? null : displayName({ nomNaissance: r.nomNaissance, nomUsage: r.nomUsage, prenoms: r.prenoms });
}

function JeuneCell({ r, admin }: { r: TransmissionListRow; admin: boolean }) {
  const name = jeuneName(r);
  return (
    <>
      {name ? (
        <TextLink href={`/jeunes/${r.jeuneId}?onglet=donnees-partagees`} className="inline-block min-h-6 py-0.5 font-bold">
          <PersonName>{name}</PersonName>
        </TextLink>
      ) : (
        <span>Dossier anonymisé</span>
      )}
      {admin ? <span className="block text-sm text-ink-2">{r.structureName}</span> : null}
    </>
  );
}

function StatusCell({ r }: { r: TransmissionListRow }) {
  return (
    <>
      <Badge tone={STATUS_LABELS[r.status].tone}>{STATUS_LABELS[r.status].text}</Badge>
      {r.status === "echec_temporaire" && r.nextAttemptAt ? (
        <span className="mt-1 block text-sm">Prochain essai le {formatDateTime(r.nextAttemptAt)}</span>
      ) : null}
    </>
  );
}

function AttemptsCell({ r, prefix }: { r: TransmissionListRow; prefix?: string }) {
  return (
    <>
      <span className="block">
        {prefix}
        {r.attempts === 0 ? "Aucune" : r.attempts}
      </span>
      {r.lastError && r.status !== "accusee" ? (
        <span className="block max-w-48 text-sm break-words text-ink-2">Dernière erreur : {r.lastError}</span>
      ) : null}
    </>
  );
}

function RetryCell({ r, retour }: { r: TransmissionListRow; retour: string }) {
  if (isWaiting(r.status) && !r.anonymisedAt && !r.limitationDepuis) {
    return (
      <SendNowButton
        transmissionId={r.id}
        retour={retour}
        label={`Envoyer maintenant la transmission à ${RECIPIENTS[r.recipient].name} pour ${jeuneName(r) ?? "dossier anonymisé"} du ${formatShortDate(r.createdAt)}`}
      />
    );
  }
  if (!isRetryable(r.status)) return null;
  if (r.anonymisedAt) return <span className="text-sm text-ink-2">Dossier anonymisé : rien ne peut partir.</span>;
  if (r.limitationDepuis) return <span className="text-sm text-ink-2">Limitation en cours : relance possible après sa levée.</span>;
  const who = jeuneName(r) ?? "dossier anonymisé";
  return (
    <RetryButton
      transmissionId={r.id}
      retour={retour}
      label={`Relancer la transmission à ${RECIPIENTS[r.recipient].name} pour ${who} du ${formatShortDate(r.createdAt)}`}
    />
  );
}

/** Phones and tablets: one card per transfer; from 1024 px: the table. */
export function TransmissionsList({
  rows,
  admin,
  canRetry,
  retour,
  caption,
}: {
  rows: TransmissionListRow[];
  admin: boolean;
  canRetry: boolean;
  retour: string;
  caption: string;
}) {
  return (
    <>
      <ul className="flex flex-col gap-3 lg:hidden" aria-label={caption}>
        {rows.map((r) => (
          <li key={r.id} className="flex flex-col gap-2 rounded-sm border border-border p-4">
            <p className="text-sm text-ink-2">{formatDateTime(r.createdAt)}</p>
            <p>
              <JeuneCell r={r} admin={admin} />
            </p>
            <p>
              <span className="font-bold">{RECIPIENTS[r.recipient].name}</span> · {KIND_LABELS[r.kind]}
              <span className="block text-sm">{FINALITIES[r.finality].name}</span>
            </p>
            <div>
              <StatusCell r={r} />
            </div>
            {r.acknowledgement ? <p className="text-sm">Accusé de réception n° {r.acknowledgement}</p> : null}
            <div className="text-sm">
              <AttemptsCell r={r} prefix="Tentatives : " />
            </div>
            {canRetry ? <RetryCell r={r} retour={retour} /> : null}
          </li>
        ))}
      </ul>
      <div className="hidden lg:block">
        <Table caption={caption} captionHidden className="text-sm">
          <THead>
            <Tr>
              <Th>Date</Th>
              <Th>Jeune</Th>
              <Th>Destinataire, nature et finalité</Th>
              <Th>Statut</Th>
              <Th>Accusé de réception</Th>
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
                <Th scope="row" className="min-w-36 font-normal">
                  <JeuneCell r={r} admin={admin} />
                </Th>
                <Td className="min-w-56">
                  <span className="block font-bold">{RECIPIENTS[r.recipient].name}</span>
                  <span className="block">{KIND_LABELS[r.kind]}</span>
                  <span className="block text-ink-2">{FINALITIES[r.finality].name}</span>
                </Td>
                <Td className="min-w-40">
                  <StatusCell r={r} />
                </Td>
                <Td>{r.acknowledgement ?? <span className="text-ink-2">Aucun</span>}</Td>
                <Td>
                  <AttemptsCell r={r} />
                </Td>
                {canRetry ? (
                  <Td>
                    <RetryCell r={r} retour={retour} />
                  </Td>
                ) : null}
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
