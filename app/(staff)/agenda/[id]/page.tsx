import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import {
  AddParticipantForm,
  AttendanceForm,
  CancelSeanceForm,
  CloseSeanceForm,
  RemoveParticipantButton,
} from "@/components/agenda/seance-forms";
import { PresenceBadge, StateBadge, TypeBadge } from "@/components/agenda/seance-badges";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, TextLink } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { agendaHref } from "@/lib/agenda/params";
import { parisWallClock } from "@/lib/calendar/paris-time";
import { defaultJeuneOptions, getSeanceDetail } from "@/lib/agenda/queries";
import { addRefusal, cancelRefusal, closeRefusal, inscritsLabel, isCollective, seanceState } from "@/lib/agenda/rules";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import { can } from "@/lib/auth/permissions";
import { requireCapability } from "@/lib/auth/session";
import { formatDate, formatDateTime, formatTime } from "@/lib/format/fr";
import { firstString, type SearchParams } from "@/lib/http/search-params";
import { PersonName } from "@/components/ui/person-name";

export const metadata: Metadata = { title: "Séance" };

const DONE: Record<string, string> = {
  creee: "La séance est planifiée.",
  modifiee: "Les modifications de la séance sont enregistrées.",
  annulee: "La séance est annulée.",
  cloturee: "La séance est clôturée : les présences sont figées. Vous pouvez imprimer la feuille d'émargement.",
  retire: "Le jeune est retiré de la séance.",
};

export default async function SeancePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const user = await requireCapability("agenda.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const detail = await getSeanceDetail(user, id);
  // Same 404 for a missing séance and another structure's.
  if (!detail) notFound();
  const query = await searchParams;
  const done = DONE[firstString(query.fait, 20)];
  const { seance, participants } = detail;
  const state = seanceState(seance);
  const now = new Date();
  const started = seance.debut.getTime() <= now.getTime();
  const writable = can(user.role, "agenda.write") && state === "planifiee";
  const collective = isCollective(seance.type);
  const day = parisWallClock(seance.debut).date;
  const full = addRefusal(seance, participants.length);
  const closeBlocked = closeRefusal(
    seance,
    participants.map((p) => p.presence),
    now,
  );
  const jeuneOptions = writable && collective && !full ? await defaultJeuneOptions(user) : [];
  const enrolled = new Set(participants.map((p) => p.jeuneId));

  return (
    <>
      <p className="mb-2">
        <TextLink href={agendaHref(isoWeekOf(day), { type: null, mine: false })}>Retour à l&apos;agenda de la semaine</TextLink>
      </p>
      <PageHeader
        title={seance.titre}
        description={
          <div className="flex flex-wrap items-center gap-2">
            <TypeBadge type={seance.type} />
            <StateBadge annulee={state === "annulee"} cloturee={state === "cloturee"} />
          </div>
        }
        actions={
          <>
            <ButtonLink href={`/agenda/${seance.id}/emargement`} variant="secondary" prefetch={false}>
              Feuille d&apos;émargement (PDF)
            </ButtonLink>
            {writable ? (
              <ButtonLink href={`/agenda/${seance.id}/modifier`} variant="tertiary">
                Modifier la séance
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {done ? (
        <div className="mb-6">
          <Alert tone="success" live="polite">
            {done}
          </Alert>
        </div>
      ) : null}
      {state === "annulee" ? (
        <div className="mb-6">
          <Alert tone="warning" title="Séance annulée">
            Annulée le {formatDateTime(seance.annuleeLe!)}
            {detail.annulationMotif ? ` · motif : ${detail.annulationMotif}` : ""}.
          </Alert>
        </div>
      ) : null}
      {state === "cloturee" ? (
        <div className="mb-6">
          <Alert tone="info" title="Séance clôturée">
            Clôturée le {formatDateTime(seance.clotureeLe!)}
            {detail.clotureeParName ? (
              <>
                {" "}
                par <PersonName>{detail.clotureeParName}</PersonName>
              </>
            ) : null}
            . Les présences ne peuvent plus être modifiées.
          </Alert>
        </div>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <section aria-labelledby="titre-details" className="flex flex-col gap-4">
          <h2 id="titre-details" className="text-xl">
            Détails
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
            <dt className="font-bold">Date</dt>
            <dd className="first-letter:uppercase">{formatDate(day)}</dd>
            <dt className="font-bold">Horaire</dt>
            <dd>
              {formatTime(seance.debut)} – {formatTime(seance.fin)}
            </dd>
            <dt className="font-bold">Lieu</dt>
            <dd className="break-words">{seance.lieu ?? "Non renseigné"}</dd>
            <dt className="font-bold">{collective ? "Animation" : "Conseiller"}</dt>
            <dd>{detail.animateurName ? <PersonName>{detail.animateurName}</PersonName> : "Non renseigné"}</dd>
            <dt className="font-bold">Inscrits</dt>
            <dd>{inscritsLabel(participants.length, seance.capacite)}</dd>
          </dl>
        </section>

        <section aria-labelledby="titre-participants" className="flex flex-col gap-4">
          <h2 id="titre-participants" className="text-xl">
            Participants
          </h2>
          {participants.length === 0 ? (
            <EmptyState title="Aucun inscrit pour l'instant" titleAs="h3">
              {writable
                ? "Inscrivez des jeunes de votre structure avec le formulaire « Inscrire un jeune »."
                : "Personne n'était inscrit à cette séance."}
            </EmptyState>
          ) : (
            <Table caption={`Participants de la séance (${participants.length})`} captionHidden>
              <THead>
                <Tr>
                  <Th>Jeune</Th>
                  <Th>Présence</Th>
                  {writable && collective ? (
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  ) : null}
                </Tr>
              </THead>
              <TBody>
                {participants.map((p) => (
                  <Tr key={p.id}>
                    <Th scope="row" className="font-normal">
                      <TextLink href={`/jeunes/${p.jeuneId}?onglet=rendez-vous`}>
                        <PersonName>{p.name}</PersonName>
                      </TextLink>
                    </Th>
                    <Td>
                      <PresenceBadge presence={p.presence} />
                      {p.presence === "absent_excuse" && p.motifAbsence ? (
                        <p className="mt-1 text-sm text-ink-2">Motif : {p.motifAbsence}</p>
                      ) : null}
                    </Td>
                    {writable && collective ? (
                      <Td>
                        {p.presence === "prevu" ? (
                          <RemoveParticipantButton seanceId={seance.id} participationId={p.id} version={p.version} name={p.name} />
                        ) : null}
                      </Td>
                    ) : null}
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      </div>

      {writable ? (
        <div className="mt-8 flex flex-col gap-6">
          {participants.length > 0 ? <AttendanceForm seanceId={seance.id} started={started} rows={participants} /> : null}
          {collective ? (
            <AddParticipantForm seanceId={seance.id} jeunes={jeuneOptions.filter((o) => !enrolled.has(o.value))} full={full} />
          ) : null}
          <div className="grid gap-6 lg:grid-cols-2">
            <CloseSeanceForm seanceId={seance.id} version={seance.version} blocked={closeBlocked} />
            {cancelRefusal(participants.map((p) => p.presence)) ? null : <CancelSeanceForm seanceId={seance.id} version={seance.version} />}
          </div>
        </div>
      ) : null}
    </>
  );
}
