import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import type { SessionUser } from "@/lib/auth/session-user";
import { FINALITIES } from "@/lib/data-map/finalities";
import { FLOW_LIST, type Flow } from "@/lib/data-map/flows";
import { legalBasisLabel } from "@/lib/data-map/legal-bases";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { formatDateTime } from "@/lib/format/fr";
import type { DossierView } from "@/lib/jeunes/dossier";
import { KIND_LABELS, STATUS_LABELS, fieldLabels } from "@/lib/transmissions/labels";
import { listTransmissionsOfJeune } from "@/lib/transmissions/queries";

/** Flows that the data map foresees for this young person's programme (what may leave next, and why). */
function expectedFlows(dispositif: DossierView["jeune"]["dispositif"]): Flow[] {
  const finalities = dispositif === "CEJ" ? ["cej", "c2s", "allocation"] : dispositif === "PACEA" ? ["pacea"] : [];
  return FLOW_LIST.filter((f) => finalities.includes(f.finality));
}

const PENDING = new Set(["a_envoyer", "envoyee", "echec_temporaire", "retenue"]);

export async function DonneesPartageesTab({ user, dossier }: { user: SessionUser; dossier: DossierView }) {
  const rows = await listTransmissionsOfJeune(user, dossier.jeune.id);
  const pending = rows.filter((r) => PENDING.has(r.status));
  const flows = expectedFlows(dossier.jeune.dispositif);

  return (
    <div className="flex flex-col gap-8">
      {dossier.jeune.limitationDepuis ? (
        <Alert tone="warning" title="Limitation en cours">
          Depuis le {formatDateTime(dossier.jeune.limitationDepuis)}, aucune transmission ne part pour ce jeune : elles sont retenues et
          partiront, dans l&apos;ordre, quand la limitation sera levée.
        </Alert>
      ) : null}

      <section aria-labelledby="titre-prevues">
        <h3 id="titre-prevues" className="mb-3">
          Prochaines transmissions
        </h3>
        {pending.length === 0 && flows.length === 0 ? (
          <p className="text-ink-2">Aucune transmission n&apos;est prévue : ce jeune n&apos;est ni en PACEA ni en CEJ.</p>
        ) : null}
        {pending.length > 0 ? (
          <ul className="mb-4 flex flex-col gap-3">
            {pending.map((r) => (
              <li key={r.id} className="rounded-sm border border-border p-4">
                <p className="flex flex-wrap items-center gap-2 font-bold">
                  {RECIPIENTS[r.recipient].name} · {KIND_LABELS[r.kind]}
                  <Badge tone={STATUS_LABELS[r.status].tone}>{STATUS_LABELS[r.status].text}</Badge>
                </p>
                <p className="text-sm">
                  {r.status === "echec_temporaire" && r.nextAttemptAt
                    ? `Nouvelle tentative le ${formatDateTime(r.nextAttemptAt)} (tentative ${r.attempts + 1}).`
                    : `Créée le ${formatDateTime(r.createdAt)}.`}
                </p>
                <p className="text-sm text-ink-2">Données : {fieldLabels(r.fieldNames).join(", ")}</p>
              </li>
            ))}
          </ul>
        ) : null}
        {flows.length > 0 ? (
          <ul className="flex flex-col gap-3">
            {flows.map((f) => (
              <li key={f.id} className="rounded-sm bg-alt p-4">
                <p className="font-bold">
                  {RECIPIENTS[f.recipient].name} · {FINALITIES[f.finality].name}
                </p>
                <p className="text-sm">Quand : {f.trigger.staff}</p>
                <p className="text-sm">Données : {fieldLabels(f.fields).join(", ")}</p>
                <p className="text-sm text-ink-2">Base légale : {legalBasisLabel(f.legalBasis)}</p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="titre-historique-transmissions">
        <h3 id="titre-historique-transmissions" className="mb-3">
          Historique des transmissions
        </h3>
        {rows.length === 0 ? (
          <EmptyState titleAs="h4" title="Aucune donnée n'a encore été envoyée">
            Les envois apparaîtront ici avec leur destinataire, leur finalité, leur base légale et l&apos;accusé de réception.
          </EmptyState>
        ) : (
          <Table caption="Transmissions de ce jeune, les plus récentes d'abord" captionHidden>
            <THead>
              <Tr>
                <Th>Date</Th>
                <Th>Destinataire et finalité</Th>
                <Th>Données envoyées</Th>
                <Th>Statut</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(r.createdAt)}</Td>
                  <Th scope="row" className="font-normal">
                    <span className="block font-bold">{RECIPIENTS[r.recipient].name}</span>
                    <span className="block text-sm">
                      {KIND_LABELS[r.kind]} — {FINALITIES[r.finality].name}
                    </span>
                  </Th>
                  <Td className="text-sm">{fieldLabels(r.fieldNames).join(", ")}</Td>
                  <Td>
                    <Badge tone={STATUS_LABELS[r.status].tone}>{STATUS_LABELS[r.status].text}</Badge>
                    {r.acknowledgement ? <span className="block text-sm">Accusé n° {r.acknowledgement}</span> : null}
                    {r.lastError && r.status !== "accusee" ? <span className="block text-sm text-ink-2">Motif : {r.lastError}</span> : null}
                    <a
                      href={`/jeunes/${dossier.jeune.id}/droits/nouvelle?transmission=${r.id}`}
                      className="mt-1 block text-sm text-primary underline underline-offset-4 hover:decoration-2"
                    >
                      Question sur cette transmission
                    </a>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
