/**
 * The access pack as a readable French PDF (A4, DejaVu Sans): one section per category of data, with
 * plain headings. The layout model (accessPackSections) is pure so its wording can be tested.
 */
import { rgb } from "pdf-lib";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format/fr";
import { ARCHIVE_MOTIFS } from "@/lib/jeunes/archive-schema";
import { FIELDS } from "@/lib/data-map/categories";
import { JEUNE_FIELD_LABELS, NATIONALITE_LABELS, PROTECTION_LABELS, SEXE_LABELS, valueLabel } from "@/lib/jeunes/field-labels";
import { DISPOSITIF_LABELS } from "@/lib/jeunes/labels";
import { LOGEMENT_OPTIONS, NIVEAU_QUALIFICATION_OPTIONS } from "@/lib/jeunes/schema";
import { BLUE, createFlow } from "@/lib/pdf/flow";
import type { AccessPack, StaffRef } from "./access-pack";
import { parcoursSections } from "./access-pack-parcours-sections";
import { CANAL_LABELS, ISSUE_LABELS, STATUT_LABELS, TYPE_LABELS } from "./labels";
import { PACK_STATUS } from "./pack-labels";

export interface PackSection {
  heading: string;
  intro?: string;
  rows?: [label: string, value: string][];
  items?: { title: string; lines: string[] }[];
  /** Shown when there are neither rows nor items. */
  empty?: string;
}

const NON_RENSEIGNE = "Non renseigné";
const yesNo = (b: boolean) => (b ? "Oui" : "Non");
const text = (v: string | null | undefined) => (v === null || v === undefined || v === "" ? NON_RENSEIGNE : v);
const day = (v: string | null | undefined) => (v ? formatDate(v) : NON_RENSEIGNE);
const optionLabel = (options: readonly { value: string; label: string }[], v: string | null) =>
  v ? (options.find((o) => o.value === v)?.label ?? v) : NON_RENSEIGNE;
/** "2 06 10 69 123 049 81": the NIR in the groups printed on a carte Vitale. */
export function formatNirGroups(nir: string): string {
  const groups = [1, 2, 2, 2, 3, 3, 2];
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= nir.length) break;
    out.push(nir.slice(at, at + size));
    at += size;
  }
  if (at < nir.length) out.push(nir.slice(at));
  return out.join(" ");
}
const DATA_MAP_FIELD_LABELS = new Map<string, string>(FIELDS.map((f) => [f.id, f.label]));
const TRANSMISSION_STATUS: Record<AccessPack["transmissions"][number]["status"], string> = {
  a_envoyer: "À envoyer",
  envoyee: "Envoyée, en attente de l'accusé de réception",
  accusee: "Reçue par l'organisme",
  echec_temporaire: "Pas encore arrivée, nouvel essai prévu",
  rejetee: "Refusée par l'organisme",
  retenue: "Bloquée : l'utilisation de vos données est limitée",
  abandonnee: "Abandonnée après plusieurs essais",
  annulee: "Annulée : vos données ont été effacées",
};
const TRANSMISSION_KIND: Record<AccessPack["transmissions"][number]["kind"], string> = {
  inscription: "Inscription",
  mise_a_jour: "Mise à jour",
  sortie: "Fin d'accompagnement",
  c2s: "Complémentaire santé solidaire",
  paiement: "Paiement de l'allocation",
  rectification: "Correction de vos données",
  demande_transmise: "Votre demande transmise à France Travail",
  effacement: "Avis d'effacement de vos données",
  limitation: "Avis de limitation : vos données ne doivent plus être utilisées",
  levee_limitation: "Avis de fin de limitation",
};
const who = (p: StaffRef) =>
  p.name ? `${p.name}${p.role ? ` (${ROLE_LABELS[p.role].toLowerCase()})` : ""}` : p.role ? ROLE_LABELS[p.role] : "Traitement automatique";

/** The pack in reading order, every value already in French. */
export function accessPackSections(pack: AccessPack): PackSection[] {
  const j = pack.jeune;
  return [
    {
      heading: "Qui vous êtes",
      rows: [
        ["Nom de naissance", j.nomNaissance],
        ["Nom d'usage", text(j.nomUsage)],
        ["Prénoms", j.prenoms],
        ["Date de naissance", day(j.dateNaissance)],
        ["Commune de naissance", text(j.communeNaissance)],
        ["Sexe", SEXE_LABELS[j.sexe]],
        ["Nationalité", NATIONALITE_LABELS[j.nationalite]],
      ],
    },
    {
      heading: "Comment vous joindre",
      rows: [
        ["Téléphone", text(j.telephone)],
        ["Adresse e-mail", text(j.email)],
        ["Adresse", text(j.adresse)],
        ["Code postal", text(j.codePostal)],
        ["Commune", text(j.commune)],
      ],
    },
    {
      heading: "Vos numéros",
      rows: [
        ["Numéro de sécurité sociale", j.nir ? formatNirGroups(j.nir) : NON_RENSEIGNE],
        ["Identifiant France Travail", text(j.ftIdentifiant)],
        ["Numéro de votre dossier dans Sillage", j.id],
      ],
    },
    {
      heading: "Votre situation",
      rows: [
        ["Niveau de qualification", optionLabel(NIVEAU_QUALIFICATION_OPTIONS, j.niveauQualification)],
        ["Logement", optionLabel(LOGEMENT_OPTIONS, j.logement)],
        ["Permis B", yesNo(j.permisB)],
        ["Véhicule", yesNo(j.vehicule)],
        ["Mesure de protection", valueLabel(PROTECTION_LABELS, j.protectionJuridique) ?? NON_RENSEIGNE],
        ["Fin du titre de séjour", day(j.titreSejourFin)],
      ],
    },
    {
      heading: "Informations sensibles",
      intro: "Ces informations ne sont jamais envoyées à un autre organisme.",
      rows: [
        ["Reconnaissance de travailleur handicapé (RQTH)", yesNo(j.rqth)],
        ["Santé", text(j.sante)],
        ["Situation judiciaire", text(j.situationJustice)],
      ],
    },
    {
      heading: "Les notes de votre conseiller",
      intro: "Ces notes restent à la mission locale. Les noms et coordonnées d'autres personnes sont remplacés par [tiers].",
      rows: [["Commentaire", text(j.commentaire)]],
    },
    {
      heading: "Votre accompagnement",
      rows: [
        ["Mission locale", j.structureName],
        ["Antenne", text(j.antenneName)],
        ["Conseiller qui vous suit", text(j.conseillerName)],
        ["Dispositif", DISPOSITIF_LABELS[j.dispositif]],
        ["Dossier", j.statut === "archive" ? "Archivé" : "Actif"],
        ...(j.archivedAt ? ([["Archivé le", formatDate(j.archivedAt)]] as [string, string][]) : []),
        ...(j.archiveMotif
          ? ([["Raison de l'archivage", ARCHIVE_MOTIFS[j.archiveMotif as keyof typeof ARCHIVE_MOTIFS] ?? j.archiveMotif]] as [
              string,
              string,
            ][])
          : []),
        ...(j.archiveDetail ? ([["Précision sur l'archivage", j.archiveDetail]] as [string, string][]) : []),
        [
          "Utilisation limitée (vos données ne sont envoyées à personne)",
          j.limitationDepuis ? `Oui, depuis le ${formatDate(j.limitationDepuis)}` : "Non",
        ],
        ["Dossier créé le", formatDate(j.createdAt)],
        ["Dernière modification", formatDateTime(j.updatedAt)],
      ],
    },
    {
      heading: "Votre compte sur l'espace personnel",
      items: pack.comptes.map((c) => ({
        title: c.email,
        lines: [
          `Nom : ${c.name}`,
          `Créé le ${formatDate(c.createdAt)}`,
          c.lastLoginAt ? `Dernière connexion : ${formatDateTime(c.lastLoginAt)}` : "Jamais connecté",
          c.active ? "Compte actif" : `Compte désactivé${c.deactivatedAt ? ` le ${formatDate(c.deactivatedAt)}` : ""}`,
        ],
      })),
      empty: "Vous n'avez pas de compte sur l'espace personnel.",
    },
    {
      heading: "Les changements de conseiller",
      items: pack.affectations.map((a) => ({
        title:
          a.type === "temporaire"
            ? `Remplacement du ${formatDate(a.debut)}${a.fin ? ` au ${formatDate(a.fin)}` : ""}`
            : `Nouveau conseiller à partir du ${formatDate(a.debut)}`,
        lines: [
          `De : ${a.de ?? NON_RENSEIGNE}`,
          `Vers : ${a.vers ?? NON_RENSEIGNE}`,
          `Raison : ${a.motif}`,
          ...(a.decidePar ? [`Décidé par : ${a.decidePar}`] : []),
        ],
      })),
      empty: "Aucun changement de conseiller.",
    },
    {
      heading: "Qui a ouvert votre dossier",
      intro:
        "Chaque fois que quelqu'un ouvre votre dossier, Sillage le note : qui, quand, quelle partie, et pourquoi quand la personne ne vous suit pas.",
      items: pack.consultations.map((c) => ({
        title: `${formatDateTime(c.at)} · ${who(c.par)}`,
        lines: [
          `Partie ouverte : ${c.ongletLabel}`,
          ...(c.motifLabel ? [`Raison : ${c.motifLabel}${c.motifDetail ? ` (${c.motifDetail})` : ""}`] : []),
        ],
      })),
      empty: "Personne n'a ouvert votre dossier.",
    },
    {
      heading: "Vos demandes sur vos données",
      items: pack.demandes.map((d) => ({
        title: `Demande n° ${d.numero} · ${TYPE_LABELS[d.type]} · reçue le ${formatDate(d.recueLe)}`,
        lines: [
          `Ce que vous avez demandé : ${d.objet}`,
          `Arrivée par : ${CANAL_LABELS[d.canal]}${d.saisiePar ? `, enregistrée par ${d.saisiePar}` : ""}`,
          `État : ${STATUT_LABELS[d.statut]}${d.issue ? ` · ${ISSUE_LABELS[d.issue]}` : ""}`,
          ...(d.echeance ? [`Réponse attendue au plus tard le ${formatDate(d.echeance)}`] : []),
          ...(d.identiteVerifieeLe
            ? [`Identité vérifiée le ${formatDate(d.identiteVerifieeLe)}${d.identiteMethode ? ` (${d.identiteMethode})` : ""}`]
            : []),
          ...(d.prolongationMotif ? [`Délai prolongé le ${day(d.prolongeeLe)} : ${d.prolongationMotif}`] : []),
          ...(d.reponseMotif ? [`Réponse du ${day(d.reponduLe)} : ${d.reponseMotif}`] : []),
          ...d.pauses.map(
            (p) =>
              `Complément demandé le ${formatDate(p.demandeeLe)} : ${p.objet}${p.recueLe ? ` (reçu le ${formatDate(p.recueLe)})` : " (en attente)"}`,
          ),
          ...d.evenements.map((e) => `${formatDateTime(e.at)} : ${e.message}`),
          ...d.documents.map(
            (doc) =>
              `Document envoyé le ${formatDateTime(doc.envoyeLe)} : ${doc.filename} (${doc.contentType}, ${formatNumber(Math.ceil(doc.sizeBytes / 1024))} Ko)${doc.supprimeLe ? `, supprimé le ${formatDate(doc.supprimeLe)}` : ""}`,
          ),
        ],
      })),
      empty: "Aucune demande.",
    },
    ...parcoursSections(pack.parcours),
    {
      heading: "Ce qui a été envoyé à d'autres organismes",
      items: pack.transmissions.map((t) => ({
        title: `${formatDateTime(t.createdAt)} · ${t.recipientName}`,
        lines: [
          `Pour : ${t.finalityTitle}`,
          `Envoi : ${TRANSMISSION_KIND[t.kind] ?? t.kind}`,
          `État : ${TRANSMISSION_STATUS[t.status] ?? t.status}${t.acknowledgedAt ? ` (le ${formatDate(t.acknowledgedAt)})` : t.sentAt ? ` (envoyée le ${formatDate(t.sentAt)})` : ""}`,
          `Informations envoyées : ${[...new Set(t.fieldNames.map((n) => JEUNE_FIELD_LABELS[n] ?? DATA_MAP_FIELD_LABELS.get(n) ?? n))].join(", ")}`,
        ],
      })),
      empty: "Aucune donnée n'a été envoyée à un autre organisme.",
    },
    {
      heading: "Les courriels que nous vous avons envoyés",
      items: pack.courriels.map((c) => ({
        title: `${formatDateTime(c.createdAt)} · ${c.kindLabel}`,
        lines: [`Objet : ${c.subject}`, `À : ${c.to}`, c.sentAt ? `Envoyé le ${formatDateTime(c.sentAt)}` : "Pas encore envoyé"],
      })),
      empty: "Aucun courriel.",
    },
    {
      heading: "Vos demandes de téléchargement de vos données",
      items: pack.telechargements.map((t) => ({
        title: `Demandé le ${formatDateTime(t.createdAt)}`,
        lines: [
          `État : ${PACK_STATUS[t.status]}`,
          ...(t.readyAt ? [`Prêt le ${formatDateTime(t.readyAt)}`] : []),
          ...(t.expiresAt ? [`Disponible jusqu'au ${formatDateTime(t.expiresAt)}`] : []),
        ],
      })),
      empty: "Aucune demande de téléchargement depuis Mon espace.",
    },
    {
      heading: "Les points d'attention de votre dossier",
      intro: "Ce que la liste des conseillers signale pour vous. Sillage le calcule à partir des informations ci-dessus.",
      items: pack.alertes
        ? [
            {
              title: `Calculé le ${formatDate(pack.alertes.calculeesLe)}`,
              lines: [
                ...(pack.alertes.pointsAttention.length ? pack.alertes.pointsAttention : ["Aucun point d'attention."]),
                `Heures d'activité CEJ validées la semaine du ${formatDate(pack.alertes.semaine)} : ${Math.floor(pack.alertes.cejMinutesValidees / 60)} h ${String(pack.alertes.cejMinutesValidees % 60).padStart(2, "0")}`,
              ],
            },
          ]
        : [],
      empty: "Aucun point d'attention calculé.",
    },
    {
      heading: "Ce qui a été fait sur votre dossier",
      intro: "Sillage note chaque action sur votre dossier : quoi, quand, par qui, et quelles informations ont changé (sans les valeurs).",
      items: pack.historique.map((h) => ({
        title: `${formatDateTime(h.at)} · ${h.actionLabel}`,
        lines: [`Par : ${who(h.par)}`, ...(h.champsLabels.length ? [`Informations concernées : ${h.champsLabels.join(", ")}`] : [])],
      })),
      empty: "Aucune action enregistrée.",
    },
    {
      heading: "Pourquoi la mission locale utilise vos données",
      intro: "D'abord les usages qui vous concernent aujourd'hui, puis les autres usages prévus.",
      // Those that concern the person first (stable sort keeps the notice's order within each group).
      items: [...pack.finalites]
        .sort((a, b) => Number(b.vousConcerne) - Number(a.vousConcerne))
        .map((f) => ({
          title: `${f.title}${f.vousConcerne ? "" : " (ne vous concerne pas aujourd'hui)"}`,
          lines: [
            ...f.why,
            `Base légale : ${f.legalBasis.label.toLowerCase()} (${f.legalBasis.article}). ${f.legalBasis.falc}`,
            "Données utilisées :",
            ...f.data.map((d) => `• ${d}`),
          ],
        })),
    },
    {
      heading: "À qui vos données peuvent être envoyées",
      intro: "Les organismes qui reçoivent ou peuvent recevoir vos données, pour les usages qui vous concernent.",
      items: pack.finalites
        .filter((f) => f.vousConcerne && f.recipients.length > 0)
        .flatMap((f) =>
          f.recipients.map((r) => ({ title: r.name, lines: [`Pour : ${f.title}`, `Quand : ${r.when}`, `Combien de temps : ${r.keep}`] })),
        ),
    },
    {
      heading: "Combien de temps vos données sont gardées",
      rows: [["Votre dossier est gardé jusqu'au", pack.conservation.until ? formatDate(pack.conservation.until) : NON_RENSEIGNE]],
      items: [{ title: "Les règles", lines: [...pack.conservation.rules, pack.conservation.note] }],
    },
    { heading: "D'où viennent vos données", intro: pack.source },
    {
      heading: "Vos droits",
      items: pack.droits.map((d) => ({ title: d.label, lines: [`${d.falc} (${d.article})`] })),
    },
    { heading: "Une question, une réclamation", intro: pack.reclamation },
  ];
}

const INK_2 = rgb(0.227, 0.227, 0.227);

export async function renderAccessPackPdf(pack: AccessPack): Promise<Uint8Array> {
  const generatedAt = new Date(pack.generatedAt);
  const flow = await createFlow({
    title: pack.title,
    author: pack.structure.name,
    createdAt: generatedAt,
    margin: 56,
    reserve: 20,
    size: 10,
    typographicQuotes: true,
  });

  flow.write(pack.title, { bold: true, size: 20, color: BLUE, gap: 6 });
  flow.write(`${pack.structure.name} · document établi le ${formatDateTime(generatedAt)}`, { color: INK_2 });
  flow.write(
    `En réponse à votre demande d'accès n° ${pack.demande.numero}, reçue le ${formatDate(pack.demande.recueLe)} (article 15 du RGPD).`,
    { color: INK_2, gap: 8 },
  );
  flow.write(
    "Ce document contient toutes les informations que la mission locale garde sur vous dans Sillage. Gardez-le en lieu sûr : il contient votre numéro de sécurité sociale.",
    { gap: 6 },
  );

  for (const section of accessPackSections(pack)) {
    flow.heading(section.heading, { keep: 48, before: 10, size: 14, color: BLUE, gap: 4 });
    if (section.intro) flow.write(section.intro, { color: INK_2, gap: 4 });
    for (const [label, value] of section.rows ?? []) {
      flow.write(`${label} : ${value}`, { gap: 2 });
    }
    for (const item of section.items ?? []) {
      flow.heading(item.title, { keep: 30, before: 4 });
      for (const line of item.lines) flow.write(line, { indent: 12 });
    }
    if (!section.rows?.length && !section.items?.length && section.empty) flow.write(section.empty, { color: INK_2 });
  }

  flow.footer((page, pages) => `${pack.title} · demande n° ${pack.demande.numero} · page ${page} sur ${pages}`);
  return flow.save();
}
