/**
 * "Le parcours de mes données": the young person's timeline of what was sent, who opened the file and
 * what changed, in plain French (FALC: one idea per sentence, everyday words). Pure: the rows come from
 * journey-queries.ts, the words from the data map and the audit label registry.
 */
import { z } from "zod";
import type { TransmissionKind, TransmissionStatut } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";
import { auditFieldLabels } from "@/lib/audit-labels";
import type { ConsultationMotif } from "@/lib/consultations/motifs";
import { fieldInfo, type FieldId } from "@/lib/data-map/categories";
import type { FinalityId } from "@/lib/data-map/finalities";
import { FLOW_LIST } from "@/lib/data-map/flows";
import type { RecipientId } from "@/lib/data-map/recipients";
import { REFERENCES } from "@/lib/data-map/references";
import { formatDateTime, formatLongCivilDate } from "@/lib/format/fr";
import { parisWallClock } from "@/lib/calendar/paris-time";
import { type LineRef, formatLineRef } from "./ligne";

/** One page of the timeline; a bounded page keeps the query cost to one page whatever the history. */
export const JOURNEY_PAGE_SIZE = 20;
/** Deeper pages are refused (treated as the last allowed one): offsets stay bounded. */
export const JOURNEY_MAX_PAGE = 200;

export const JOURNEY_FILTERS = ["tout", "envois", "consultations", "modifications", "a-venir"] as const;
export type JourneyFilter = (typeof JOURNEY_FILTERS)[number];

export const JOURNEY_FILTER_LABELS: Record<JourneyFilter, string> = {
  tout: "Tout",
  envois: "Envois",
  consultations: "Consultations",
  modifications: "Modifications",
  "a-venir": "À venir",
};

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** `?type=envois&page=2`, read defensively: anything odd gives the defaults, never an error. */
export const journeyParamsSchema = z.object({
  type: z.preprocess(first, z.enum(JOURNEY_FILTERS).catch("tout")),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(JOURNEY_MAX_PAGE).catch(1)),
});

export type JourneyParams = z.output<typeof journeyParamsSchema>;

export function parseJourneyParams(raw: Record<string, unknown>): JourneyParams {
  return journeyParamsSchema.parse({ type: raw.type, page: raw.page });
}

/** Transfers still waiting to leave: they are "à venir", the others are "envois". */
export const PENDING_STATUSES = ["a_envoyer", "echec_temporaire", "retenue"] as const satisfies readonly TransmissionStatut[];

/**
 * Fields the young person never sees named in "modifications": the counsellor's private notes, health
 * and justice (staff-only; GDPR arts. 9–10). An audit entry that lists only these is not shown at all.
 */
export const STAFF_ONLY_FIELDS = ["commentaire", "sante", "situationJustice"] as const;

/**
 * Audited acts that are openings or downloads, not changes: each also writes a consultation row (the
 * dossier gate), shown under "consultations". The young person's own sign-ins are not about the file.
 */
export const NOT_CHANGES = [
  "jeune.break_glass",
  "jeune.nir_reveal",
  "jeune.consultation",
  "contrat.recapitulatif",
  "droits.document",
  "droits.access_pack",
  "droits.registre_export",
  "agenda.emargement",
  "auth.sign_in",
] as const;

/** One row of the merged timeline, as the query returns it (no values, only names and codes). */
export type JourneyRow =
  | {
      kind: "envoi" | "a_venir";
      id: string;
      at: Date;
      recipient: RecipientId;
      finality: FinalityId;
      transferKind: TransmissionKind;
      fieldNames: string[];
      status: TransmissionStatut;
      acknowledgement: string | null;
      acknowledgedAt: Date | null;
      nextAttemptAt: Date | null;
    }
  | {
      kind: "consultation";
      id: string;
      at: Date;
      role: Role;
      structure: string;
      /** The person who opened it is the young person's own counsellor. */
      ownCounsellor: boolean;
      onglet: string;
      horsPortefeuille: boolean;
      motif: ConsultationMotif | null;
    }
  | { kind: "modification"; id: string; at: Date; role: Role | null; action: string; fields: string[] };

export type JourneyIcon = "envoi" | "a_venir" | "consultation" | "modification";

/** A line as the page shows it: a title and short sentences, each one idea. */
export interface JourneyLine {
  ref: LineRef;
  /** `kind:id`, the value of the question link's `ligne` parameter. */
  refParam: string;
  icon: JourneyIcon;
  /** Word read with the icon ("Envoi", "Consultation"…), so the icon never carries meaning alone. */
  iconLabel: string;
  at: Date;
  /** Paris civil date, the heading the line is grouped under. */
  day: string;
  title: string;
  sentences: string[];
  /** The text a transfer follows ("La règle : …"), shown as a "pour aller plus loin" line. */
  rule?: string;
  /** Sentence with a strong tone (a held transfer, a refusal): shown as a warning. */
  warning?: string;
}

/** What was sent, field by field, in the person's words (names of the data, never their values). */
const FIELD_FALC: Record<string, string> = {
  nomNaissance: "votre nom",
  nomUsage: "votre nom",
  prenoms: "vos prénoms",
  dateNaissance: "votre date de naissance",
  anneeNaissance: "votre année de naissance",
  communeNaissance: "votre lieu de naissance",
  sexe: "votre sexe",
  nationalite: "votre nationalité",
  telephone: "votre numéro de téléphone",
  email: "votre adresse e-mail",
  adresse: "votre adresse",
  codePostal: "votre adresse",
  commune: "votre adresse",
  nirEncrypted: "votre numéro de sécurité sociale",
  ftIdentifiant: "votre identifiant France Travail",
  niveauQualification: "votre niveau d'études",
  logement: "votre logement",
  permisB: "votre permis de conduire",
  vehicule: "si vous avez un véhicule",
  protectionJuridique: "votre protection juridique",
  titreSejourFin: "la date de fin de votre titre de séjour",
  dispositif: "votre contrat",
  contratType: "votre contrat",
  contratDateDebut: "les dates de votre contrat",
  contratDateFin: "les dates de votre contrat",
  motifSortie: "la raison de la fin de votre contrat",
  allocationMontant: "le montant de votre allocation",
  allocationPeriode: "le mois de votre allocation",
  foyerImposable: "si votre foyer paie l'impôt sur le revenu",
  iban: "votre compte bancaire",
  bic: "votre compte bancaire",
  titulaireCompte: "votre compte bancaire",
  demandeType: "votre demande",
  demandeDateReception: "la date de votre demande",
};

const FIELD_ORDER = Object.keys(FIELD_FALC);

function fieldFalc(name: string): string {
  if (FIELD_FALC[name]) return FIELD_FALC[name];
  try {
    return `« ${fieldInfo(name as FieldId).label.toLowerCase()} »`;
  } catch {
    return `« ${name} »`;
  }
}

export function joinFr(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "votre nom, votre date de naissance et votre contrat CEJ". */
export function sentData(fieldNames: readonly string[], finality: FinalityId): string {
  const contract = finality === "cej" ? "votre contrat CEJ" : finality === "pacea" ? "votre PACEA" : "votre contrat";
  // Payloads list their fields sorted by name: say them in the order a person is described instead.
  const rank = (name: string) => (FIELD_ORDER.includes(name) ? FIELD_ORDER.indexOf(name) : FIELD_ORDER.length);
  const ordered = [...fieldNames].sort((a, b) => rank(a) - rank(b));
  const words = [...new Set(ordered.map(fieldFalc).map((w) => (w === "votre contrat" ? contract : w)))];
  return joinFr(words);
}

/** Why the transfer left, by its kind: the verb the person understands. */
const WHY: Record<TransmissionKind, string> = {
  inscription: "vous inscrire",
  mise_a_jour: "tenir votre dossier à jour",
  sortie: "dire que votre contrat est fini",
  c2s: "vous donner la complémentaire santé solidaire (C2S), qui aide à payer vos soins",
  paiement: "vous payer votre allocation",
  rectification: "corriger vos données chez lui aussi",
  demande_transmise: "qu'il réponde à votre demande",
  effacement: "qu'il efface aussi vos données",
  limitation: "qu'il n'utilise plus vos données pour le moment",
  levee_limitation: "qu'il puisse de nouveau utiliser vos données",
};

/** The text of reference, short: its title without the brackets and the details after a semicolon. */
export function shortReference(text: string): string {
  const short = text.split(/ \(| ;|, art\. 1 bis/)[0] ?? text;
  return short.charAt(0).toLowerCase() + short.slice(1);
}

/** The rule a transfer follows: the first text of reference of the data map's flow, short. */
export function transferRule(recipient: RecipientId, finality: FinalityId): string | null {
  const flow = FLOW_LIST.find((f) => f.recipient === recipient && f.finality === finality);
  const main = flow?.references[0];
  return main ? `La règle : ${shortReference(REFERENCES[main])}.` : null;
}

const ROLE_FALC: Record<Role, string> = {
  conseiller: "un conseiller ou une conseillère de la mission locale",
  directeur: "la direction de la mission locale",
  dpo: "le délégué à la protection des données (DPO), qui vérifie que vos données sont protégées",
  admin: "l'administrateur de Sillage",
  jeune: "vous",
};

const MOTIF_FALC: Record<ConsultationMotif, string> = {
  remplacement: "remplacer la personne qui vous suit, qui est absente",
  rendez_vous: "préparer ou faire un rendez-vous avec vous",
  demande_du_jeune: "répondre à une demande de votre part",
  controle_dpo: "vérifier que votre dossier est bien protégé",
  demande_de_droits: "traiter votre demande sur vos données",
  autre: "une autre raison, notée dans le journal",
};

/** What was opened, in everyday words. */
const ONGLET_FALC: Record<string, string> = {
  identite: "vos informations personnelles",
  parcours: "votre parcours",
  actions: "vos actions",
  "rendez-vous": "vos rendez-vous",
  "donnees-partagees": "la liste des envois de vos données",
  droits: "vos demandes sur vos données",
  historique: "l'historique de votre dossier",
  nir: "votre numéro de sécurité sociale",
  modification: "le formulaire pour modifier votre dossier",
  archivage: "la fermeture de votre dossier",
  acces: "la copie complète de votre dossier",
  agenda: "votre inscription à un atelier ou un rendez-vous",
  "demande-de-droits": "votre demande sur vos données",
  transmission: "un envoi de vos données",
  telechargement: "un document de votre dossier",
};

/** The act, as a short sentence: what happened to the file. */
const ACTION_FALC: Record<string, string> = {
  "jeune.create": "Votre dossier a été créé",
  "jeune.update": "Votre dossier a été modifié",
  "jeune.rectification": "Votre dossier a été corrigé, comme vous l'avez demandé",
  "jeune.reaffectation": "Une autre personne vous accompagne maintenant",
  "jeune.archive": "Votre dossier a été fermé",
  "jeune.restore": "Votre dossier a été rouvert",
  "jeune.anonymise": "Votre nom a été effacé de votre dossier",
  "jeune.dispositif": "Votre accompagnement a changé",
  "contrat.signature": "Un contrat a été signé",
  "contrat.modification": "Votre contrat a été modifié",
  "contrat.prolongation": "Votre contrat a été prolongé",
  "contrat.sortie": "Votre contrat est fini",
  "contrat.bascule_sortie": "Votre contrat a été arrêté pour passer à un autre accompagnement",
  "contrat.bascule": "Un nouveau contrat a commencé",
  "phase.ajout": "Une étape a été ajoutée à votre PACEA",
  "phase.modification": "Une étape de votre PACEA a été modifiée",
  "phase.bilan": "Le bilan d'une étape de votre PACEA a été fait",
  "action_jeune.create": "Une action a été ajoutée",
  "action_jeune.update": "Une action a été modifiée",
  "action_jeune.statut": "Une action a changé d'état",
  "action_jeune.cloture": "Une action est finie",
  "action_jeune.qualification": "Les heures d'une action ont été validées",
  "agenda.participant_add": "Vous avez été inscrit à un atelier ou un rendez-vous",
  "agenda.participant_remove": "Votre inscription à un atelier ou un rendez-vous a été retirée",
  "agenda.presence": "Votre présence à un atelier ou un rendez-vous a été notée",
  "allocation.decision": "Le montant de votre allocation a été décidé",
  "allocation.decision_remplacee": "Une décision sur votre allocation a été remplacée",
  "sanction.proposee": "Une sanction a été proposée",
  "sanction.contradictoire": "Votre réponse à une sanction a été notée",
  "sanction.decidee": "Une sanction a été décidée",
  "sanction.abandonnee": "Une sanction a été abandonnée",
  "sanction.levee": "La suspension de votre allocation a été levée",
  "droits.demande_create": "Une demande sur vos données a été enregistrée",
  "droits.identite_demandee": "On vous a demandé une information pour vérifier qui vous êtes",
  "droits.identite_recue": "Votre information pour vérifier qui vous êtes est arrivée",
  "droits.identite_verifiee": "Votre identité a été vérifiée",
  "droits.prolongation": "Le délai de réponse à votre demande a été prolongé",
  "droits.reponse": "Une réponse à votre demande a été envoyée",
  "droits.cloture": "Votre demande est terminée",
  "droits.limitation_appliquee": "Vos données ont été bloquées pour un temps",
  "droits.limitation_levee": "Vos données ne sont plus bloquées",
  "droits.piece_envoyee": "Vous avez envoyé un document pour votre demande",
  "droits.piece": "Le document que vous avez envoyé a été ouvert",
  "droits.pack_demande": "Vous avez demandé une copie de vos données",
  "droits.pack_relance": "La préparation de votre copie a recommencé",
  "droits.pack_telechargement": "Vous avez téléchargé votre copie de vos données",
  "transmissions.relance": "Un envoi de vos données a été relancé",
  "transmissions.envoi_immediat": "Un envoi de vos données est parti plus tôt",
  "espace.invitation": "Vous avez été invité dans Mon espace",
};

function byWhom(role: Role | null): string {
  if (role === null) return "Par Sillage, automatiquement.";
  if (role === "jeune") return "Par vous.";
  return `Par ${ROLE_FALC[role]}.`;
}

/** Field names of one act, in plain French, minus the staff-only ones. */
export function changedFields(action: string, fields: readonly string[]): string[] {
  const visible = fields.filter((f) => !(STAFF_ONLY_FIELDS as readonly string[]).includes(f));
  return auditFieldLabels(action, visible).map((l) => l.toLowerCase());
}

/** Each recipient as a sentence needs it: subject, "à …", "pour …", and what it does. */
const RECIPIENT_WORDS: Record<RecipientId, { subject: string; to: string; for: string; explain: string }> = {
  franceTravail: {
    subject: "France Travail",
    to: "à France Travail",
    for: "pour France Travail",
    explain: "France Travail est l'organisme qui aide à trouver un emploi.",
  },
  cnamCpam: {
    subject: "L'Assurance maladie",
    to: "à l'Assurance maladie",
    for: "pour l'Assurance maladie",
    explain: "L'Assurance maladie (la CNAM et la CPAM) rembourse vos soins.",
  },
  asp: { subject: "L'ASP", to: "à l'ASP", for: "pour l'ASP", explain: "L'ASP est l'organisme public qui verse votre allocation." },
  conseilDepartemental: {
    subject: "Le conseil départemental",
    to: "au conseil départemental",
    for: "pour le conseil départemental",
    explain: "Le conseil départemental s'occupe du RSA et de la protection des enfants.",
  },
  etat: { subject: "L'État", to: "à l'État", for: "pour l'État", explain: "L'État, ce sont les services du ministère du Travail." },
  cte: {
    subject: "Les comités pour l'emploi",
    to: "aux comités pour l'emploi",
    for: "pour les comités pour l'emploi",
    explain: "Les comités territoriaux pour l'emploi (CTE) réunissent les organismes de l'emploi près de chez vous.",
  },
};

function transferLine(row: Extract<JourneyRow, { kind: "envoi" | "a_venir" }>): Omit<JourneyLine, "ref" | "refParam" | "day" | "at"> {
  const who = RECIPIENT_WORDS[row.recipient];
  const data = sentData(row.fieldNames, row.finality);
  const why = `Pourquoi : ${WHY[row.transferKind]}.`;
  const rule = transferRule(row.recipient, row.finality);
  const explain = who.explain;
  const rules = rule ? { rule } : {};
  if (row.kind === "a_venir") {
    const held = row.status === "retenue";
    const warning = held
      ? "Cet envoi ne part pas : vos données sont bloquées pour un temps. Il partira quand le blocage sera levé."
      : row.status === "echec_temporaire" && row.nextAttemptAt
        ? `Le premier essai n'a pas marché. Un nouvel essai est prévu le ${formatDateTime(row.nextAttemptAt)}.`
        : undefined;
    return {
      icon: "a_venir",
      iconLabel: "À venir",
      title: held ? `Envoi bloqué ${who.for}` : `Envoi prévu ${who.for}`,
      sentences: [`Votre mission locale va envoyer ${who.to} : ${data}.`, explain, why],
      ...rules,
      warning,
    };
  }
  const cancelled = row.status === "annulee";
  const sentences = [
    cancelled ? `Ce qui devait partir ${who.to} : ${data}.` : `Votre mission locale a envoyé ${who.to} : ${data}.`,
    explain,
    why,
  ];
  let warning: string | undefined;
  if (row.status === "accusee")
    sentences.push(
      `${who.subject} a bien reçu vos données${row.acknowledgedAt ? ` le ${formatDateTime(row.acknowledgedAt)}` : ""}${row.acknowledgement ? ` (numéro de réception ${row.acknowledgement})` : ""}.`,
    );
  else if (row.status === "envoyee") sentences.push("On attend la confirmation de réception.");
  else if (row.status === "rejetee" || row.status === "abandonnee")
    warning = `${who.subject} n'a pas pu recevoir cet envoi. Votre mission locale s'en occupe.`;
  else if (cancelled) warning = "Cet envoi a été annulé avant de partir, parce que vos données ont été effacées.";
  return {
    icon: "envoi",
    iconLabel: "Envoi",
    title: cancelled ? `Envoi annulé ${who.for}` : `Envoyé ${who.to}`,
    sentences,
    ...rules,
    warning,
  };
}

/** One row in plain words. */
export function describeRow(row: JourneyRow): JourneyLine {
  const ref: LineRef = { kind: row.kind === "a_venir" ? "envoi" : row.kind, id: row.id };
  const common = { ref, refParam: formatLineRef(ref), at: row.at, day: parisWallClock(row.at).date };
  switch (row.kind) {
    case "envoi":
    case "a_venir":
      return { ...common, ...transferLine(row) };
    case "consultation": {
      const who = row.ownCounsellor ? "la personne qui vous accompagne" : ROLE_FALC[row.role];
      const sentences = [`Par ${who}, ${row.structure}.`, `Ce qui a été regardé : ${ONGLET_FALC[row.onglet] ?? "votre dossier"}.`];
      if (row.horsPortefeuille) {
        sentences.push("Cette personne ne vous suit pas d'habitude. Elle a dû donner une raison.");
        if (row.motif) sentences.push(`La raison : ${MOTIF_FALC[row.motif]}.`);
      }
      return { ...common, icon: "consultation", iconLabel: "Consultation", title: "Votre dossier a été ouvert", sentences };
    }
    case "modification": {
      const fields = changedFields(row.action, row.fields);
      const sentences = [byWhom(row.role)];
      if (fields.length > 0) sentences.push(`Ce qui a changé : ${joinFr(fields)}.`);
      return {
        ...common,
        icon: "modification",
        iconLabel: "Modification",
        title: ACTION_FALC[row.action] ?? "Votre dossier a été modifié",
        sentences,
      };
    }
  }
}

/** The reference of a line quoted in a request: short, with its date, without personal data. */
export function lineReference(line: Pick<JourneyLine, "at" | "icon" | "title">): string {
  const what: Record<JourneyIcon, string> = {
    envoi: "l'envoi",
    a_venir: "l'envoi prévu",
    consultation: "l'ouverture de votre dossier",
    modification: "la modification",
  };
  const title = line.title.replace(/\.$/, "");
  return `${what[line.icon]} du ${formatDateTime(line.at)} (« ${title} »)`;
}

/** Lines grouped by day, in the order given (newest first). */
export function groupByDay(lines: readonly JourneyLine[]): { day: string; label: string; lines: JourneyLine[] }[] {
  const groups: { day: string; label: string; lines: JourneyLine[] }[] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (last && last.day === line.day) last.lines.push(line);
    else groups.push({ day: line.day, label: capitalise(`le ${formatLongCivilDate(line.day)}`), lines: [line] });
  }
  return groups;
}
