import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { METHODE_OPTIONS } from "@/components/droits/intake-options";
import { StatutBadge, UrgencyBadge, identiteLabel } from "@/components/droits/status";
import {
  ApplyLimitationForm,
  AskComplementForm,
  CloseForm,
  ComplementReceivedForm,
  ErasureForm,
  ExtendForm,
  ForwardForm,
  FranceTravailAnswerForm,
  RectificationForm,
  LiftLimitationForm,
  RespondForm,
  VerifyIdentityForm,
  type DemandeRef,
} from "@/components/droits/transition-forms";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireCapability } from "@/lib/auth/session";
import { todayInParis } from "@/lib/calendar/civil-date";
import { etapeMessage, parseEtape } from "@/lib/droits/etapes";
import { finaliteLabel, rightAssessment } from "@/lib/droits/finalites";
import { CANAL_LABELS, ISSUE_LABELS, TYPE_LABELS } from "@/lib/droits/labels";
import { ART19_TYPES, getDemandeDetail, getTraitementContext } from "@/lib/droits/queries";
import { oppositionRule } from "@/lib/droits/traitement-rules";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { FINALITIES } from "@/lib/data-map/finalities";
import { Badge } from "@/components/ui/badge";
import { KIND_LABELS, STATUS_LABELS, fieldLabels } from "@/lib/transmissions/labels";
import { availableActions, clockOf, type DemandeAction } from "@/lib/droits/rules";
import { stateOf, toIdentityPauses } from "@/lib/droits/store";
import { isDomainError } from "@/lib/errors/domain-error";
import { formatDate, formatDateTime, formatShortDate } from "@/lib/format/fr";
import type { SearchParams } from "@/lib/http/search-params";
import { displayName } from "@/lib/jeunes/labels";
import { PersonName } from "@/components/ui/person-name";
import { DemandePieces } from "@/components/droits/demande-pieces";
import { listDemandeDocuments } from "@/lib/droits/document-queries";

export const metadata: Metadata = { title: "Demande de droits" };

function Item({ label, wide, children }: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-sm text-ink-2">{label}</dt>
      <dd className="font-medium break-words">{children}</dd>
    </div>
  );
}

export default async function DemandeDroitsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const user = await requireCapability("droits.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const query = await searchParams;
  const detail = await getDemandeDetail(user, id).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const { demande: d, jeune, pauses, evenements } = detail;
  const today = todayInParis(new Date());
  const clock = clockOf({ recueLe: d.recueLe, pauses: toIdentityPauses(pauses), prolongee: d.prolongeeLe !== null });
  const handles = can(user.role, "droits.handle");
  const actions: DemandeAction[] = handles ? availableActions(stateOf(d, pauses)) : [];
  const openPause = pauses.find((p) => p.recueLe === null);
  const refs: DemandeRef = { demandeId: d.id, version: d.version, today, earliest: openPause?.demandeeLe ?? d.recueLe };
  const etape = parseEtape(query.etape);
  const limitedByThis = jeune?.limitationDepuis && jeune.limitationDemandeId === d.id;
  const jeuneName = jeune ? displayName(jeune) : null;
  const assessment = rightAssessment(d.type, d.finalite);
  const [traitement, pieces] = await Promise.all([getTraitementContext(d, today), listDemandeDocuments(user, d.id)]);
  const awaitingFt = traitement.forward.state.kind === "en_attente";
  const isOpenRequest = d.statut !== "repondue" && d.statut !== "close";
  const verified = d.identiteVerifieeLe !== null;
  const rule = d.type === "opposition" ? oppositionRule(d.finalite) : null;
  const transmissionsCreated = Number(Array.isArray(query.transmissions) ? query.transmissions[0] : query.transmissions);

  return (
    <>
      <p className="mb-2">
        <TextLink href="/droits">Retour aux demandes</TextLink>
      </p>
      <PageHeader
        title={`Demande n° ${d.numero}`}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-ink">{TYPE_LABELS[d.type]}</span>
            {jeuneName ? (
              <span>
                · <PersonName>{jeuneName}</PersonName>
              </span>
            ) : null}
            <StatutBadge statut={d.statut} issue={d.issue} />
            <UrgencyBadge statut={d.statut} echeance={d.echeance} today={today} />
          </p>
        }
        actions={
          <>
            <a href={`/droits/${d.id}/accuse-reception.pdf`} className={buttonClasses("secondary", "sm")}>
              Accusé de réception (PDF)
            </a>
            {d.issue ? (
              <a href={`/droits/${d.id}/reponse.pdf`} className={buttonClasses("secondary", "sm")}>
                Lettre de réponse (PDF)
              </a>
            ) : null}
            {handles && d.type === "acces" && jeune ? (
              <>
                <a href={`/droits/${d.id}/dossier-acces.pdf`} className={buttonClasses("secondary", "sm")}>
                  Copie du dossier (PDF)
                </a>
                <a href={`/droits/${d.id}/dossier-acces.json`} className={buttonClasses("secondary", "sm")}>
                  Copie du dossier (JSON)
                </a>
              </>
            ) : null}
          </>
        }
      />

      <div className="mb-6 flex flex-col gap-4">
        {etape ? (
          <Alert tone="success" live="polite">
            {etapeMessage(etape, query.envoye === "1", Number.isFinite(transmissionsCreated) ? transmissionsCreated : 0)}
          </Alert>
        ) : null}
        {jeune?.limitationDepuis ? (
          <Alert tone="warning" title={`Limitation en cours depuis le ${formatDate(jeune.limitationDepuis)}`}>
            Aucune transmission ne part pour ce jeune{limitedByThis ? " (appliquée au titre de cette demande)" : ""}.
          </Alert>
        ) : null}
      </div>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-8">
          <section aria-labelledby="titre-demande" className="rounded-sm border border-border p-4 sm:p-6">
            <h2 id="titre-demande" className="mb-4">
              La demande
            </h2>
            <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
              <Item label="Droit exercé">{TYPE_LABELS[d.type]}</Item>
              <Item label="Jeune">
                {jeune && jeuneName ? (
                  <TextLink href={`/jeunes/${jeune.id}?onglet=droits`}>
                    <PersonName>{jeuneName}</PersonName>
                  </TextLink>
                ) : (
                  "Dossier supprimé"
                )}
              </Item>
              {d.finalite ? (
                <Item label="Finalité concernée" wide>
                  {finaliteLabel(d.finalite)}
                  {assessment ? (
                    <span className="block text-sm font-normal text-ink-2">
                      Selon la cartographie des traitements, ce droit est « {assessment.label.toLowerCase()} » ici : {assessment.reason}
                    </span>
                  ) : null}
                </Item>
              ) : null}
              <Item label="Ce que la personne demande" wide>
                <span className="whitespace-pre-line">{d.objet}</span>
              </Item>
              <Item label="Arrivée par">{CANAL_LABELS[d.canal]}</Item>
              <Item label="Enregistrée par">
                {detail.saisieParName ? (
                  <PersonName>{detail.saisieParName}</PersonName>
                ) : d.canal === "espace_jeune" ? (
                  "Le jeune, depuis son espace"
                ) : (
                  "—"
                )}
              </Item>
              <Item label="Identité">
                {identiteLabel({ identiteVerifieeLe: d.identiteVerifieeLe, pauseOuverte: Boolean(openPause) })}
                {d.identiteVerifieeLe ? (
                  <span className="block text-sm font-normal text-ink-2">
                    le {formatShortDate(d.identiteVerifieeLe)} · {d.identiteMethode}
                  </span>
                ) : null}
              </Item>
              {user.role === "admin" ? <Item label="Mission locale">{detail.structureName}</Item> : null}
            </dl>
            {d.issue ? (
              <div className="mt-6 border-t border-border pt-4">
                <h3 className="mb-2">Décision : {ISSUE_LABELS[d.issue].toLowerCase()}</h3>
                <p className="whitespace-pre-line">{d.reponseMotif}</p>
                <p className="mt-2 text-sm text-ink-2">
                  Répondue le {d.reponduLe ? formatDate(d.reponduLe) : "—"}
                  {d.closeLe ? ` · close le ${formatDate(d.closeLe)}` : ""}
                </p>
              </div>
            ) : null}
          </section>

          {traitement.forward.state.kind !== "non_transmise" ? (
            <section aria-labelledby="titre-ft" className="rounded-sm border border-border p-4 sm:p-6">
              <h2 id="titre-ft" className="mb-2">
                France Travail (responsable conjoint)
              </h2>
              <p>
                Transmise le {formatDateTime(traitement.forward.state.transmiseLe)} à France Travail
                {traitement.forward.transmissionStatus ? (
                  <Badge tone={STATUS_LABELS[traitement.forward.transmissionStatus as keyof typeof STATUS_LABELS].tone} className="ml-2">
                    {STATUS_LABELS[traitement.forward.transmissionStatus as keyof typeof STATUS_LABELS].text}
                  </Badge>
                ) : null}
              </p>
              <p className="mt-2">
                {traitement.forward.reponse
                  ? traitement.forward.reponse.message
                  : "En attente de la réponse de France Travail : la demande reste ouverte."}
              </p>
            </section>
          ) : null}

          {ART19_TYPES.has(d.type) ? (
            <section aria-labelledby="titre-art19" className="rounded-sm border border-border p-4 sm:p-6">
              <h2 id="titre-art19" className="mb-1">
                Destinataires prévenus
              </h2>
              <p className="mb-4 text-sm text-ink-2">
                {d.type === "rectification"
                  ? "Une transmission par destinataire et finalité ayant reçu l'ancienne valeur (RGPD, article 19)."
                  : "Un avis par destinataire et finalité ayant reçu des données de ce jeune, avec sa seule identité (RGPD, article 19). Les destinataires de statistiques sans nom ne sont pas concernés."}
              </p>
              {traitement.avisArt19.length === 0 ? (
                <p>Aucun pour l&apos;instant.</p>
              ) : (
                <ul className="flex flex-col gap-3">
                  {traitement.avisArt19.map((r) => (
                    <li key={r.id} className="border-l-4 border-primary pl-3">
                      <p className="flex flex-wrap items-center gap-2 font-bold">
                        {RECIPIENTS[r.recipient].name} · {FINALITIES[r.finality].name}
                        <Badge tone={STATUS_LABELS[r.status].tone}>{STATUS_LABELS[r.status].text}</Badge>
                      </p>
                      <p className="text-sm text-ink-2">
                        {KIND_LABELS[r.kind]} · créée le {formatDateTime(r.createdAt)} · Données : {fieldLabels(r.fieldNames).join(", ")}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}

          <section aria-labelledby="titre-delai" className="rounded-sm border border-border p-4 sm:p-6">
            <h2 id="titre-delai" className="mb-4">
              Délai de réponse
            </h2>
            <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
              <Item label="Reçue le">{formatDate(d.recueLe)}</Item>
              <Item label="Première échéance (un mois)">{clock.premiereEcheance ? formatDate(clock.premiereEcheance) : "Suspendue"}</Item>
              {d.prolongeeLe ? (
                <Item label="Échéance prolongée (deux mois de plus)" wide>
                  {clock.echeance ? formatDate(clock.echeance) : "Suspendue"}
                  <span className="block text-sm font-normal text-ink-2">
                    décidée le {formatShortDate(d.prolongeeLe)} · motif : {d.prolongationMotif}
                  </span>
                </Item>
              ) : null}
              <Item label="Reste">
                <UrgencyBadge statut={d.statut} echeance={clock.echeance} today={today} />
                {d.statut === "repondue" || d.statut === "close" ? "Demande traitée" : null}
              </Item>
            </dl>
            {pauses.length > 0 ? (
              <>
                <h3 className="mt-6 mb-2">Compléments d&apos;identité</h3>
                <ul className="flex flex-col gap-2">
                  {pauses.map((p) => (
                    <li key={p.id} className="border-l-4 border-border pl-3">
                      Demandé le {formatShortDate(p.demandeeLe)} : {p.objet}
                      <span className="block text-sm text-ink-2">
                        {p.recueLe
                          ? `Reçu le ${formatShortDate(p.recueLe)} : le délai est reparti de ce jour.`
                          : "En attente : le délai est suspendu."}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="mt-4 text-sm text-ink-2">
              RGPD, article 12-3 : un mois à compter de la réception, reporté au jour ouvré suivant ; prolongeable de deux mois si la
              personne est prévenue dans le premier mois.
            </p>
          </section>

          {pieces.length > 0 || openPause ? <DemandePieces demandeId={d.id} pieces={pieces} canDownload={handles} /> : null}

          <section aria-labelledby="titre-etapes" className="rounded-sm border border-border p-4 sm:p-6">
            <h2 id="titre-etapes" className="mb-1">
              Étapes
            </h2>
            <p className="mb-4 text-sm text-ink-2">Le jeune voit ces messages dans son espace.</p>
            <ol className="flex flex-col gap-4">
              {evenements.map((e) => (
                <li key={e.id} className="border-l-4 border-primary pl-3">
                  <p className="text-sm text-ink-2">
                    {formatDateTime(e.at)}
                    {e.parName ? (
                      <>
                        {" · "}
                        <PersonName>{e.parName}</PersonName>
                        {e.parRole ? ` (${ROLE_LABELS[e.parRole].toLowerCase()})` : ""}
                      </>
                    ) : null}
                  </p>
                  <p>{e.message}</p>
                </li>
              ))}
            </ol>
          </section>
        </div>

        <section aria-labelledby="titre-traiter" className="flex flex-col gap-4">
          <h2 id="titre-traiter">Traiter la demande</h2>
          {handles && d.type === "acces" && jeune ? (
            <Alert tone="info" title="Copie du dossier pour la personne">
              Les boutons « Copie du dossier » en haut de la page donnent toutes les données du jeune (PDF lisible et fichier JSON), NIR
              compris. Les noms d&apos;autres personnes connues de Sillage et les coordonnées de tiers écrits dans les notes sont remplacés
              par « [tiers] » ; un prénom seul ou un surnom ne l&apos;est pas : relisez avant d&apos;envoyer. Chaque téléchargement est noté
              dans l&apos;historique du dossier.
            </Alert>
          ) : null}
          {!handles ? (
            <p className="text-ink-2">Lecture seule : seul le délégué à la protection des données traite les demandes.</p>
          ) : actions.length === 0 && !(d.type === "limitation" && jeune) ? (
            <p className="text-ink-2">Cette demande est close : il n&apos;y a plus rien à faire.</p>
          ) : null}
          {actions.includes("complement_recu") ? <ComplementReceivedForm refs={refs} /> : null}
          {actions.includes("verifier_identite") ? <VerifyIdentityForm refs={refs} methodes={METHODE_OPTIONS} /> : null}
          {handles && d.type === "limitation" && jeune ? (
            jeune.limitationDepuis ? (
              <LiftLimitationForm refs={refs} />
            ) : d.statut !== "close" ? (
              <ApplyLimitationForm refs={refs} />
            ) : null
          ) : null}
          {handles && isOpenRequest && verified && d.type === "rectification" && traitement.jeune ? (
            <>
              <div className="rounded-sm bg-alt p-4">
                <h3 className="mb-2 text-base">Valeurs actuelles du dossier</h3>
                <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                  {traitement.jeune.valeurs.map((v) => (
                    <div key={v.champ} className="flex gap-2">
                      <dt className="text-ink-2">{v.label} :</dt>
                      <dd className="font-medium break-words">{v.valeur ?? "—"}</dd>
                    </div>
                  ))}
                </dl>
              </div>
              <RectificationForm
                refs={refs}
                jeuneVersion={traitement.jeune.version}
                champs={traitement.jeune.valeurs.map((v) => ({ value: v.champ, label: v.label }))}
              />
            </>
          ) : null}
          {handles && isOpenRequest && verified && d.type === "effacement" && traitement.jeune && !awaitingFt ? (
            <ErasureForm refs={refs} jeuneVersion={traitement.jeune.version} holds={traitement.holds} email={jeune?.email ?? null} />
          ) : null}
          {handles && awaitingFt ? (
            <FranceTravailAnswerForm
              refs={{
                ...refs,
                earliest:
                  traitement.forward.state.kind === "en_attente" ? todayInParis(traitement.forward.state.transmiseLe) : refs.earliest,
              }}
            />
          ) : null}
          {actions.includes("repondre") && !awaitingFt && !(d.type === "effacement" && verified && traitement.jeune) ? (
            <RespondForm
              refs={refs}
              email={jeune?.email ?? null}
              rule={
                rule
                  ? {
                      label:
                        rule.availability === "non" ? "non applicable" : rule.availability === "oui" ? "applicable" : "sous conditions",
                      reason: rule.reason,
                      excluded: rule.availability === "non",
                    }
                  : null
              }
            />
          ) : null}
          {handles && isOpenRequest && verified && traitement.jeune && traitement.forward.state.kind === "non_transmise" ? (
            <ForwardForm refs={refs} />
          ) : null}
          {actions.includes("prolonger") ? (
            <ExtendForm refs={refs} premiereEcheance={clock.premiereEcheance ? formatDate(clock.premiereEcheance) : null} />
          ) : null}
          {actions.includes("demander_complement") ? <AskComplementForm refs={refs} /> : null}
          {actions.includes("clore") ? <CloseForm refs={refs} /> : null}
        </section>
      </div>
    </>
  );
}
