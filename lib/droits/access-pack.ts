/**
 * The access pack (GDPR art. 15): every piece of data Sillage holds about the young person of an
 * access request, with the purposes, legal bases, recipients, retention and source the article lists.
 * Built for the DPO, who checks it and hands it to the person (JSON and a readable PDF).
 *
 * Only rows linked to this person are read (by jeune id); other people appear only as the staff who
 * acted (name and role), and third parties named in free texts are masked (access-pack-mask.ts).
 */
import "server-only";
import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import {
  accessPackJobs,
  alertState,
  affectations,
  antennes,
  auditLog,
  consultations,
  demandeDocuments,
  demandeEvenements,
  demandePauses,
  demandesDroits,
  jeunes,
  mailMessages,
  structures,
  transmissionLedger,
  transmissions,
  users,
  type AccessPackJob,
  type AlertStateRow,
  type DemandeDroits,
  type Jeune,
  type MailStatut,
  type Transmission,
  type TransmissionPayload,
} from "@/db/schema";
import { auditActionLabel, auditFieldLabels } from "@/lib/audit-labels";
import type { Role } from "@/lib/auth/roles";
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { MOTIF_LABELS } from "@/lib/consultations/motifs";
import { consultedLabel } from "@/lib/consultations/onglets";
import { decryptNir } from "@/lib/crypto/nir-vault";
import { DATA_CATEGORIES } from "@/lib/data-map/categories";
import { FINALITY_LIST, type FinalityId } from "@/lib/data-map/finalities";
import { flowsOfFinality } from "@/lib/data-map/flows";
import { LEGAL_BASES } from "@/lib/data-map/legal-bases";
import { loadDataMapContext } from "@/lib/data-map/queries";
import { RECIPIENTS } from "@/lib/data-map/recipients";
import { describeRetentionForJeune } from "@/lib/data-map/retention";
import { RIGHTS } from "@/lib/data-map/rights";
import { DomainError } from "@/lib/errors/domain-error";
import { mailKindLabel } from "@/lib/mail/kinds";
import { retentionEnd } from "@/lib/retention/rules";
import { settingInForce } from "@/lib/settings/read";
import { createThirdPartyMasker } from "./access-pack-mask";
import { loadParcoursForPack, type AccessPackParcours } from "./access-pack-parcours";

export const ACCESS_PACK_TITLE = "Vos données à la mission locale";

export interface StaffRef {
  name: string | null;
  role: Role | null;
}

/** The `jeunes` row, every column, the NIR decrypted in place of its ciphertext and keyed hash. */
export type AccessPackJeune = Omit<Jeune, "nirEncrypted" | "nirHmac"> & {
  nir: string | null;
  structureName: string;
  antenneName: string | null;
  conseillerName: string | null;
};

export interface AccessPack {
  title: string;
  generatedAt: string;
  demande: { id: string; numero: string; recueLe: CivilDate };
  structure: { name: string; dpoEmail: string };
  source: string;
  jeune: AccessPackJeune;
  /** The person's own accounts (never the password hash nor the session version). */
  comptes: {
    id: string;
    email: string;
    name: string;
    role: Role;
    active: boolean;
    lastLoginAt: Date | null;
    createdAt: Date;
    deactivatedAt: Date | null;
  }[];
  affectations: {
    id: string;
    type: "permanente" | "temporaire";
    debut: CivilDate;
    fin: CivilDate | null;
    motif: string;
    de: string | null;
    vers: string | null;
    decidePar: string | null;
    createdAt: Date;
  }[];
  consultations: {
    id: number;
    at: Date;
    par: StaffRef;
    onglet: string;
    ongletLabel: string;
    horsPortefeuille: boolean;
    motif: string | null;
    motifLabel: string | null;
    motifDetail: string | null;
  }[];
  demandes: {
    id: string;
    numero: string;
    type: DemandeDroits["type"];
    canal: DemandeDroits["canal"];
    finalite: string | null;
    objet: string;
    recueLe: CivilDate;
    statut: DemandeDroits["statut"];
    saisiePar: string | null;
    identiteVerifieeLe: CivilDate | null;
    identiteMethode: string | null;
    prolongeeLe: CivilDate | null;
    prolongationMotif: string | null;
    echeance: CivilDate | null;
    issue: DemandeDroits["issue"];
    reponseMotif: string | null;
    reponduLe: CivilDate | null;
    closeLe: CivilDate | null;
    createdAt: Date;
    pauses: { id: string; demandeeLe: CivilDate; recueLe: CivilDate | null; objet: string }[];
    evenements: { id: number; at: Date; type: string; par: string | null; message: string }[];
    /** Documents the person sent for this request: what they were, never their bytes (deleted when the request closes). */
    documents: { id: string; filename: string; contentType: string; sizeBytes: number; envoyeLe: Date; supprimeLe: Date | null }[];
  }[];
  /** The person's own requests for this pack from Mon espace: dates and state only. */
  telechargements: {
    id: string;
    demandeId: string | null;
    status: AccessPackJob["status"];
    createdAt: Date;
    readyAt: Date | null;
    expiresAt: Date | null;
  }[];
  /**
   * The points of attention the counsellors' portfolio shows for the person (alert_state: derived from the
   * rows above, stored so lists count them), the day they were computed, and the week's validated CEJ minutes.
   */
  alertes: { calculeesLe: CivilDate; pointsAttention: string[]; semaine: CivilDate; cejMinutesValidees: number } | null;
  /** Transfers of the person's data to recipients (outbox), with the events of the tamper-evident ledger. */
  transmissions: {
    id: string;
    createdAt: Date;
    recipient: string;
    recipientName: string;
    finality: string;
    finalityTitle: string;
    kind: Transmission["kind"];
    status: Transmission["status"];
    fieldNames: string[];
    /** Exactly what was (or will be) sent: the person's own data. */
    payload: TransmissionPayload;
    sentAt: Date | null;
    acknowledgedAt: Date | null;
    evenements: { id: number; at: Date; event: string }[];
  }[];
  /** E-mails sent (or to be sent) to the person: the envelope only (the content is cleared once sent). */
  courriels: {
    id: string;
    createdAt: Date;
    kind: string;
    kindLabel: string;
    to: string;
    subject: string;
    status: MailStatut;
    sentAt: Date | null;
  }[];
  /** The pathway: contracts and their history, phases, actions, rendez-vous and sessions, allowance, sanctions. */
  parcours: AccessPackParcours;
  /** Audit entries concerning the person: what was done, when, by whom, on which fields (never values). */
  historique: { id: number; at: Date; action: string; actionLabel: string; par: StaffRef; champs: string[]; champsLabels: string[] }[];
  finalites: {
    id: FinalityId;
    title: string;
    name: string;
    /** Whether it applies to this person today (e.g. the CEJ only for a CEJ beneficiary). */
    vousConcerne: boolean;
    why: string[];
    legalBasis: { label: string; article: string; falc: string };
    data: string[];
    recipients: { name: string; when: string; keep: string }[];
  }[];
  conservation: { rules: string[]; until: CivilDate | null; basis: "age" | "cej" | "programme" | null; note: string };
  droits: { label: string; article: string; falc: string }[];
  reclamation: string;
}

/** The stored alert flags, in the words of the portfolio's badges. */
const ALERT_STATE_LABELS: Record<string, string> = {
  remplacement: "Conseiller ou conseillère remplacé(e) en ce moment",
  titreSejour: "Titre de séjour à renouveler bientôt",
  contratFin: "Contrat qui se termine dans les 30 jours",
  cejHeures: "Moins de 15 heures d'activité dans la semaine (CEJ)",
  absence: "Absence non excusée à un rendez-vous",
  sansContact: "Pas de contact depuis 30 jours",
  sanction: "Sanction en cours",
  allocationADecider: "Allocation du mois à décider",
  demandeDroits: "Demande sur vos données en cours",
  transmissionEchouee: "Envoi de données qui n'a pas abouti",
  limitation: "Utilisation de vos données limitée (article 18)",
  mineur: "Moins de 18 ans",
};

function alertesOf(row: AlertStateRow | undefined): AccessPack["alertes"] {
  if (!row) return null;
  return {
    calculeesLe: row.computedOn as CivilDate,
    pointsAttention: Object.entries(ALERT_STATE_LABELS)
      .filter(([key]) => row[key as keyof AlertStateRow] === true)
      .map(([, label]) => label),
    semaine: row.semaine as CivilDate,
    cejMinutesValidees: row.cejMinutesValidees,
  };
}

/** A transfer's payload as the person reads it: the NIR travels as its ciphertext, shown decrypted. */
function readablePayload(payload: TransmissionPayload): TransmissionPayload {
  const { nirEncrypted, ...rest } = payload;
  if (typeof nirEncrypted !== "string") return payload;
  return { ...rest, nir: decryptNir(nirEncrypted) };
}

/** The fields of the pack, for the audit entry (names only, never values). */
export const ACCESS_PACK_FIELDS = [
  "jeune",
  "comptes",
  "affectations",
  "consultations",
  "demandes",
  "documents",
  "telechargements",
  "alertes",
  "parcours",
  "transmissions",
  "courriels",
  "historique",
  "finalites",
  "conservation",
] as const;

function concerns(id: FinalityId, jeune: Jeune, hasDemandes: boolean): boolean {
  switch (id) {
    case "pacea":
      return jeune.dispositif === "PACEA";
    case "cej":
    case "c2s":
      return jeune.dispositif === "CEJ";
    case "allocation":
      return jeune.dispositif !== "aucun";
    case "droits":
      return hasDemandes;
    default:
      return true;
  }
}

/**
 * Everything about the young person of `demande` (an access request of the caller's structure: the
 * caller checks capability and structure before). `now` is injectable for tests.
 */
export async function buildAccessPack(db: DbOrTx, demande: DemandeDroits, now: Date = new Date()): Promise<AccessPack> {
  if (!demande.jeuneId) throw new DomainError("not_found");
  const jeuneId = demande.jeuneId;
  const today = todayInParis(now);
  const conseiller = alias(users, "conseiller");

  const [row] = await db
    .select({
      jeune: jeunes,
      structureName: structures.name,
      dpoEmail: structures.dpoEmail,
      antenneName: antennes.name,
      conseillerName: conseiller.name,
    })
    .from(jeunes)
    .innerJoin(structures, eq(structures.id, jeunes.structureId))
    .leftJoin(antennes, eq(antennes.id, jeunes.antenneId))
    .leftJoin(conseiller, eq(conseiller.id, jeunes.conseillerId))
    .where(and(eq(jeunes.id, jeuneId), eq(jeunes.structureId, demande.structureId)));
  if (!row) throw new DomainError("not_found");
  const j = row.jeune;

  const de = alias(users, "de");
  const vers = alias(users, "vers");
  const decideur = alias(users, "decideur");
  const saisie = alias(users, "saisie");

  const [
    comptes,
    affectationRows,
    consultationRows,
    demandeRows,
    auditRows,
    staff,
    otherJeunes,
    dataMap,
    rules,
    transmissionRows,
    ledgerRows,
    courrielRows,
    documentRows,
    packRows,
    alertRows,
  ] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        active: users.active,
        lastLoginAt: users.lastLoginAt,
        createdAt: users.createdAt,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(eq(users.jeuneId, jeuneId))
      .orderBy(asc(users.createdAt)),
    db
      .select({ a: affectations, de: de.name, vers: vers.name, decidePar: decideur.name })
      .from(affectations)
      .leftJoin(de, eq(de.id, affectations.deConseillerId))
      .leftJoin(vers, eq(vers.id, affectations.versConseillerId))
      .leftJoin(decideur, eq(decideur.id, affectations.decidePar))
      .where(eq(affectations.jeuneId, jeuneId))
      .orderBy(asc(affectations.debut), asc(affectations.createdAt)),
    db
      .select({ c: consultations, name: users.name })
      .from(consultations)
      .leftJoin(users, eq(users.id, consultations.userId))
      .where(eq(consultations.jeuneId, jeuneId))
      .orderBy(asc(consultations.at), asc(consultations.id)),
    db
      .select({ d: demandesDroits, saisiePar: saisie.name })
      .from(demandesDroits)
      .leftJoin(saisie, eq(saisie.id, demandesDroits.saisiePar))
      .where(eq(demandesDroits.jeuneId, jeuneId))
      .orderBy(asc(demandesDroits.recueLe), asc(demandesDroits.createdAt)),
    db
      .select({ a: auditLog, name: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(eq(auditLog.jeuneId, jeuneId))
      .orderBy(asc(auditLog.at), asc(auditLog.id)),
    // Names to mask in free texts: the structure's staff and the platform admins…
    db
      .select({ name: users.name })
      .from(users)
      .where(or(and(eq(users.structureId, demande.structureId), ne(users.role, "jeune")), eq(users.role, "admin"))),
    // …and the other young people of the structure (names only).
    db
      .select({ nomNaissance: jeunes.nomNaissance, nomUsage: jeunes.nomUsage, prenoms: jeunes.prenoms })
      .from(jeunes)
      .where(and(eq(jeunes.structureId, demande.structureId), ne(jeunes.id, jeuneId))),
    loadDataMapContext(db, today),
    settingInForce(db, "conservation.regles", today),
    db.select().from(transmissions).where(eq(transmissions.jeuneId, jeuneId)).orderBy(asc(transmissions.createdAt), asc(transmissions.id)),
    db
      .select({
        id: transmissionLedger.id,
        at: transmissionLedger.at,
        event: transmissionLedger.event,
        transmissionId: transmissionLedger.transmissionId,
      })
      .from(transmissionLedger)
      .where(eq(transmissionLedger.jeuneId, jeuneId))
      .orderBy(asc(transmissionLedger.id)),
    db
      .select({
        id: mailMessages.id,
        createdAt: mailMessages.createdAt,
        kind: mailMessages.kind,
        to: mailMessages.to,
        subject: mailMessages.subject,
        status: mailMessages.status,
        sentAt: mailMessages.sentAt,
      })
      .from(mailMessages)
      .where(eq(mailMessages.jeuneId, jeuneId))
      .orderBy(asc(mailMessages.createdAt), asc(mailMessages.id)),
    // Metadata only: the bytes stay in stored_files, which this pack never reads.
    db
      .select({
        id: demandeDocuments.id,
        demandeId: demandeDocuments.demandeId,
        filename: demandeDocuments.filename,
        contentType: demandeDocuments.contentType,
        sizeBytes: demandeDocuments.sizeBytes,
        envoyeLe: demandeDocuments.createdAt,
        supprimeLe: demandeDocuments.deletedAt,
      })
      .from(demandeDocuments)
      .where(eq(demandeDocuments.jeuneId, jeuneId))
      .orderBy(asc(demandeDocuments.createdAt), asc(demandeDocuments.id)),
    db
      .select({
        id: accessPackJobs.id,
        demandeId: accessPackJobs.demandeId,
        status: accessPackJobs.status,
        createdAt: accessPackJobs.createdAt,
        readyAt: accessPackJobs.readyAt,
        expiresAt: accessPackJobs.expiresAt,
      })
      .from(accessPackJobs)
      .where(eq(accessPackJobs.jeuneId, jeuneId))
      .orderBy(asc(accessPackJobs.createdAt), asc(accessPackJobs.id)),
    db.select().from(alertState).where(eq(alertState.jeuneId, jeuneId)),
  ]);

  const demandeIds = demandeRows.map((r) => r.d.id);
  const par = alias(users, "par");
  const [pauseRows, eventRows] = demandeIds.length
    ? await Promise.all([
        db
          .select()
          .from(demandePauses)
          .where(inArray(demandePauses.demandeId, demandeIds))
          .orderBy(asc(demandePauses.demandeeLe), asc(demandePauses.createdAt)),
        db
          .select({ e: demandeEvenements, par: par.name })
          .from(demandeEvenements)
          .leftJoin(par, eq(par.id, demandeEvenements.par))
          .where(inArray(demandeEvenements.demandeId, demandeIds))
          .orderBy(asc(demandeEvenements.at), asc(demandeEvenements.id)),
      ])
    : [[], []];

  const mask = createThirdPartyMasker({
    others: [...staff.map((s) => ({ fullName: s.name })), ...otherJeunes],
    own: [{ nomNaissance: j.nomNaissance, nomUsage: j.nomUsage, prenoms: j.prenoms }, ...comptes.map((c) => ({ fullName: c.name }))],
    keepEmails: [j.email, row.dpoEmail, ...comptes.map((c) => c.email)].filter((e): e is string => Boolean(e)),
    keepPhones: j.telephone ? [j.telephone] : [],
  });
  const m = (text: string) => mask(text) ?? "";
  const parcours = await loadParcoursForPack(db, jeuneId, mask);

  const { nirEncrypted, nirHmac: _nirHmac, ...columns } = j;
  const retention = rules ? retentionEnd({ dateNaissance: j.dateNaissance }, rules.value) : null;
  const policy = FINALITY_LIST.find((f) => f.id === "accompagnement")!.retention;

  return {
    title: ACCESS_PACK_TITLE,
    generatedAt: now.toISOString(),
    demande: { id: demande.id, numero: demande.numero, recueLe: demande.recueLe },
    structure: { name: row.structureName, dpoEmail: row.dpoEmail },
    source: `Ces données ont été collectées auprès de vous par votre mission locale (${row.structureName}), lors de vos rendez-vous et de vos démarches. Les notes et l'historique sont écrits par l'équipe de la mission locale. Aucune décision n'est prise automatiquement sur la base de ces données.`,
    jeune: {
      ...columns,
      commentaire: mask(j.commentaire),
      archiveDetail: mask(j.archiveDetail),
      sante: mask(j.sante),
      situationJustice: mask(j.situationJustice),
      nir: nirEncrypted ? decryptNir(nirEncrypted) : null,
      structureName: row.structureName,
      antenneName: row.antenneName,
      conseillerName: row.conseillerName,
    },
    comptes,
    affectations: affectationRows.map(({ a, ...names }) => ({
      id: a.id,
      type: a.type,
      debut: a.debut,
      fin: a.fin,
      motif: m(a.motif),
      ...names,
      createdAt: a.createdAt,
    })),
    consultations: consultationRows.map(({ c, name }) => ({
      id: c.id,
      at: c.at,
      par: { name, role: c.userRole },
      onglet: c.onglet,
      ongletLabel: c.onglet === "acces" ? "Copie complète du dossier (droit d'accès)" : consultedLabel(c.onglet),
      horsPortefeuille: c.horsPortefeuille,
      motif: c.motif,
      motifLabel: c.motif ? MOTIF_LABELS[c.motif] : null,
      motifDetail: mask(c.motifDetail),
    })),
    demandes: demandeRows.map(({ d, saisiePar }) => ({
      id: d.id,
      numero: d.numero,
      type: d.type,
      canal: d.canal,
      finalite: d.finalite,
      objet: m(d.objet),
      recueLe: d.recueLe,
      statut: d.statut,
      saisiePar,
      identiteVerifieeLe: d.identiteVerifieeLe,
      identiteMethode: d.identiteMethode,
      prolongeeLe: d.prolongeeLe,
      prolongationMotif: mask(d.prolongationMotif),
      echeance: d.echeance,
      issue: d.issue,
      reponseMotif: mask(d.reponseMotif),
      reponduLe: d.reponduLe,
      closeLe: d.closeLe,
      createdAt: d.createdAt,
      pauses: pauseRows
        .filter((p) => p.demandeId === d.id)
        .map((p) => ({ id: p.id, demandeeLe: p.demandeeLe, recueLe: p.recueLe, objet: m(p.objet) })),
      evenements: eventRows
        .filter((e) => e.e.demandeId === d.id)
        .map(({ e, par }) => ({ id: e.id, at: e.at, type: e.type, par, message: m(e.message) })),
      documents: documentRows.filter((doc) => doc.demandeId === d.id).map(({ demandeId: _demandeId, ...doc }) => doc),
    })),
    telechargements: packRows,
    alertes: alertesOf(alertRows[0]),
    parcours,
    transmissions: transmissionRows.map((t) => ({
      id: t.id,
      createdAt: t.createdAt,
      recipient: t.recipient,
      recipientName: RECIPIENTS[t.recipient]?.falc ?? t.recipient,
      finality: t.finality,
      finalityTitle: FINALITY_LIST.find((f) => f.id === t.finality)?.falc.title ?? t.finality,
      kind: t.kind,
      status: t.status,
      fieldNames: t.fieldNames,
      payload: readablePayload(t.payload),
      sentAt: t.sentAt,
      acknowledgedAt: t.acknowledgedAt,
      evenements: ledgerRows.filter((l) => l.transmissionId === t.id).map(({ id, at, event }) => ({ id, at, event })),
    })),
    courriels: courrielRows.map((c) => ({ ...c, kindLabel: mailKindLabel(c.kind) })),
    historique: auditRows.map(({ a, name }) => ({
      id: a.id,
      at: a.at,
      action: a.action,
      actionLabel: auditActionLabel(a.action),
      par: { name, role: a.actorRole },
      champs: a.fields,
      champsLabels: auditFieldLabels(a.action, a.fields),
    })),
    finalites: FINALITY_LIST.map((f) => ({
      id: f.id,
      title: f.falc.title,
      name: f.name,
      vousConcerne: concerns(f.id, j, demandeRows.length > 0),
      why: [...f.falc.why],
      legalBasis: { ...LEGAL_BASES[f.legalBasis] },
      data: f.categories.map((c) => DATA_CATEGORIES[c].falc),
      recipients: flowsOfFinality(f.id).map((flow) => ({
        name: RECIPIENTS[flow.recipient].falc,
        when: flow.trigger.falc,
        keep: flow.retentionAtRecipient.falc,
      })),
    })),
    conservation: {
      rules: describeRetentionForJeune(policy, dataMap),
      until: retention?.until ?? null,
      basis: retention?.basis ?? null,
      note: "Date calculée à partir de votre date de naissance. Si vous avez eu un contrat d'engagement jeune, ou si votre accompagnement est encore en cours à cette date, la mission locale garde votre dossier plus longtemps, comme expliqué ci-dessus.",
    },
    droits: Object.values(RIGHTS).map((r) => ({ label: r.label, article: r.article, falc: r.falc })),
    reclamation: `Pour toute question, écrivez au délégué à la protection des données de votre mission locale : ${row.dpoEmail}. Si vous n'êtes pas satisfait de la réponse, vous pouvez faire une réclamation à la CNIL (Commission nationale de l'informatique et des libertés), sur www.cnil.fr ou par courrier : 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.`,
  };
}

/** The pack as a file: indented JSON, UTF-8. */
export function accessPackJson(pack: AccessPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** The two files of the pack, served by /droits/[id]/[document]. */
export const ACCESS_PACK_DOCUMENTS = ["dossier-acces.json", "dossier-acces.pdf"] as const;
export type AccessPackDocument = (typeof ACCESS_PACK_DOCUMENTS)[number];

export function isAccessPackDocument(value: string): value is AccessPackDocument {
  return (ACCESS_PACK_DOCUMENTS as readonly string[]).includes(value);
}
