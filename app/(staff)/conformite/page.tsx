import type { Metadata } from "next";
import Link from "next/link";
import { FigureLink, KeyFigure } from "@/components/pilotage/figure-link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { loadConformite, WATCHED_TRANSMISSION_STATUTS } from "@/lib/conformite/queries";
import { MOTIF_LABELS } from "@/lib/consultations/motifs";
import { RECIPIENTS, type RecipientId } from "@/lib/data-map/recipients";
import { STATUT_LABELS } from "@/lib/droits/labels";
import { formatDateTime, formatNumber } from "@/lib/format/fr";
import { STATUS_LABELS } from "@/lib/transmissions/labels";

export const metadata: Metadata = { title: "Conformité" };

const RUN_STATUS = {
  en_cours: { tone: "info", text: "En cours" },
  termine: { tone: "success", text: "Terminée" },
  echec: { tone: "error", text: "Échec" },
} as const;

export default async function ConformitePage() {
  const user = await requireCapability("conformite.read");
  const data = await loadConformite(user, todayInParis(new Date()));
  const { droits, transmissions, consultations, ledger, retention } = data;
  const readOnly = user.role !== "dpo";

  return (
    <>
      <PageHeader
        title={`Conformité — ${user.structureName ?? ""}`}
        description={
          <>
            Les délais des demandes de droits, les transmissions à surveiller, les ouvertures de dossiers hors portefeuille,
            l&apos;intégrité du registre des transmissions et les dernières purges de conservation.
            {readOnly ? " Vous consultez ce tableau de bord en lecture : le délégué à la protection des données traite les demandes." : ""}
          </>
        }
      />

      <section aria-labelledby="droits" className="mb-10">
        <h2 id="droits" className="mb-4">
          Demandes d&apos;exercice de droits
        </h2>
        <dl className="mb-6 grid gap-4 sm:grid-cols-3">
          <KeyFigure title="Demandes ouvertes" value={formatNumber(droits.ouvertes.value)} href={droits.ouvertes.href} />
          <KeyFigure
            title="En retard (échéance dépassée)"
            value={
              droits.enRetard.value > 0 ? (
                <Badge tone="error" className="text-2xl">
                  {formatNumber(droits.enRetard.value)} en retard
                </Badge>
              ) : (
                formatNumber(0)
              )
            }
            href={droits.enRetard.href}
          />
          <KeyFigure
            title="Échéance dans les 7 jours"
            value={
              droits.bientot > 0 ? (
                <Badge tone="warning" className="text-2xl">{`${formatNumber(droits.bientot)} à traiter`}</Badge>
              ) : (
                formatNumber(0)
              )
            }
          >
            Parmi les demandes ouvertes, triées par échéance dans la <TextLink href={droits.ouvertes.href}>file des demandes</TextLink>.
          </KeyFigure>
        </dl>
        <Table caption="Demandes par état" className="text-sm">
          <THead>
            <Tr>
              <Th>État</Th>
              <Th className="text-right">Demandes</Th>
            </Tr>
          </THead>
          <TBody>
            {droits.parStatut.map((s) => (
              <Tr key={s.statut}>
                <Th scope="row" className="font-normal">
                  {STATUT_LABELS[s.statut]}
                </Th>
                <Td className="text-right">
                  <FigureLink value={s.value} href={s.href} label={`demandes, ${STATUT_LABELS[s.statut]}`} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>

      <section aria-labelledby="transmissions" className="mb-10">
        <h2 id="transmissions" className="mb-4">
          Transmissions par destinataire
        </h2>
        {transmissions.parDestinataire.length === 0 ? (
          <p className="text-ink-2">Aucune transmission pour l&apos;instant.</p>
        ) : (
          <Table caption="Transmissions à surveiller, par destinataire et par statut" className="text-sm">
            <THead>
              <Tr>
                <Th>Destinataire</Th>
                {WATCHED_TRANSMISSION_STATUTS.map((s) => (
                  <Th key={s} className="text-right">
                    {STATUS_LABELS[s].text}
                  </Th>
                ))}
                <Th className="text-right">Toutes</Th>
              </Tr>
            </THead>
            <TBody>
              {transmissions.parDestinataire.map((r) => {
                const name = RECIPIENTS[r.recipient as RecipientId]?.name ?? r.recipient;
                return (
                  <Tr key={r.recipient}>
                    <Th scope="row" className="font-normal">
                      {name}
                    </Th>
                    {WATCHED_TRANSMISSION_STATUTS.map((s) => (
                      <Td key={s} className="text-right">
                        <FigureLink value={r.statuts[s].value} href={r.statuts[s].href} label={`${STATUS_LABELS[s].text}, ${name}`} />
                      </Td>
                    ))}
                    <Td className="text-right">
                      <FigureLink value={r.total.value} href={r.total.href} label={`transmissions, ${name}`} />
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="consultations" className="mb-10">
        <h2 id="consultations" className="mb-2">
          Consultations hors portefeuille
        </h2>
        <p className="mb-4 text-ink-2">
          <FigureLink
            value={consultations.horsPortefeuille.value}
            href={consultations.horsPortefeuille.href}
            label="consultations hors portefeuille"
          />{" "}
          ouvertures de dossiers hors du portefeuille de la personne, depuis le début, par motif déclaré.
        </p>
        <Table caption="Consultations hors portefeuille par motif" className="text-sm">
          <THead>
            <Tr>
              <Th>Motif</Th>
              <Th className="text-right">Consultations</Th>
            </Tr>
          </THead>
          <TBody>
            {consultations.parMotif.map((m) => (
              <Tr key={m.motif}>
                <Th scope="row" className="font-normal">
                  {MOTIF_LABELS[m.motif]}
                </Th>
                <Td className="text-right">
                  <FigureLink value={m.value} href={m.href} label={`consultations, ${MOTIF_LABELS[m.motif]}`} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>

      <section aria-labelledby="registre" className="mb-10">
        <h2 id="registre" className="mb-4">
          Intégrité du registre des transmissions
        </h2>
        {ledger === null ? (
          <Alert tone="warning" title="Jamais vérifié">
            Le service d&apos;arrière-plan vérifie la chaîne d&apos;empreintes une fois par jour ; la commande{" "}
            <code>npm run ledger:verify</code> le fait à la demande.
          </Alert>
        ) : ledger.ok === true ? (
          <Alert tone="success" title="Registre intègre">
            Dernière vérification le {formatDateTime(ledger.startedAt)} : {formatNumber(ledger.entriesChecked)} entrées, la chaîne est
            continue.
          </Alert>
        ) : ledger.ok === false ? (
          <Alert tone="error" title="Registre altéré">
            Vérification du {formatDateTime(ledger.startedAt)} : l&apos;entrée n° {ledger.firstBadSeq} ne suit pas la chaîne (
            {formatNumber(ledger.entriesChecked)} entrées vérifiées avant elle). Prévenez le responsable technique et conservez une copie de
            la base.
          </Alert>
        ) : (
          <Alert tone="warning" title={ledger.finishedAt ? "Vérification impossible" : "Vérification en cours ou interrompue"}>
            Commencée le {formatDateTime(ledger.startedAt)}
            {ledger.error ? ` (erreur : ${ledger.error})` : ""}. Elle sera relancée au prochain passage du service.
          </Alert>
        )}
      </section>

      <section aria-labelledby="conservation" className="mb-10">
        <h2 id="conservation" className="mb-2">
          Conservation
        </h2>
        <p className="mb-4 text-ink-2">
          Les dernières exécutions des règles de conservation (anonymisation et purge).{" "}
          <Link href="/conformite/conservation" className="text-primary underline hover:text-primary-hover">
            Voir toutes les exécutions et lancer une simulation
          </Link>
        </p>
        {retention.length === 0 ? (
          <p className="text-ink-2">Aucune exécution enregistrée.</p>
        ) : (
          <Table caption="Dernières exécutions de la conservation" className="text-sm">
            <THead>
              <Tr>
                <Th>Début</Th>
                <Th>Type</Th>
                <Th>État</Th>
                <Th>Par règle (traités / examinés, ignorés)</Th>
              </Tr>
            </THead>
            <TBody>
              {retention.map((r) => (
                <Tr key={r.id}>
                  <Th scope="row" className="font-normal whitespace-nowrap">
                    {formatDateTime(r.startedAt)}
                  </Th>
                  <Td>{r.dryRun ? "Simulation" : "Exécution"}</Td>
                  <Td>
                    <Badge tone={RUN_STATUS[r.status].tone}>{RUN_STATUS[r.status].text}</Badge>
                    {r.status === "en_cours" && r.progress.total > 0 ? (
                      <span className="block text-ink-2">
                        {formatNumber(r.progress.done)} sur {formatNumber(r.progress.total)}
                      </span>
                    ) : null}
                  </Td>
                  <Td>
                    {Object.keys(r.counts).length === 0 ? (
                      "—"
                    ) : (
                      <ul>
                        {Object.entries(r.counts).map(([rule, c]) => (
                          <li key={rule}>
                            {rule} : {formatNumber(c.done)} / {formatNumber(c.examined)}, {formatNumber(c.skipped)} ignorés
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
