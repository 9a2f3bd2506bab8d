/**
 * The pathway part of the access pack PDF, in the young person's words: contracts and what happened to
 * them, phases, actions, rendez-vous and workshops with attendance, allowance decisions, sanctions.
 */
import { CATEGORIE_LABELS, STATUT_LABELS as ACTION_STATUT_LABELS, isActionCategorie, isActionStatut } from "@/lib/actions-jeune/labels";
import { PRESENCE_LABELS, SEANCE_TYPE_LABELS, type Presence, type SeanceType } from "@/lib/agenda/rules";
import { formatMonth, formatDate, formatDateTime, formatMoneyCents, formatTime } from "@/lib/format/fr";
import { CONTRAT_TYPE_LONG, EVENEMENT_LABELS, PHASE_TYPE_LABELS } from "@/lib/parcours/labels";
import { motifSortieLabel } from "@/lib/parcours/motifs-sortie";
import { SANCTION_STATUTS, type SanctionStatut } from "@/lib/sanctions/labels";
import type { AccessPackParcours } from "./access-pack-parcours";

interface Section {
  heading: string;
  intro?: string;
  items?: { title: string; lines: string[] }[];
  empty?: string;
}

const label = <T extends string>(map: Record<T, string>, value: string): string => (map as Record<string, string>)[value] ?? value;

export function parcoursSections(p: AccessPackParcours): Section[] {
  return [
    {
      heading: "Vos contrats (PACEA, CEJ)",
      items: p.contrats.map((c) => ({
        title: `${CONTRAT_TYPE_LONG[c.type]} · signé le ${formatDate(c.signeLe)}`,
        lines: [
          `Du ${formatDate(c.debut)} au ${formatDate(c.finReelle ?? c.finPrevue)}${c.finReelle ? "" : " (fin prévue)"}`,
          ...(c.conseillerName ? [`Conseiller : ${c.conseillerName}`] : []),
          ...(c.prolongationMotif ? [`Prolongé : ${c.prolongationMotif}`] : []),
          ...(c.finReelle ? [`Fin : ${motifSortieLabel(c.motifSortie)}`] : []),
          ...(c.basculeMotif ? [`Changement de dispositif : ${c.basculeMotif}`] : []),
          ...c.phases.map(
            (ph) =>
              `Phase ${label(PHASE_TYPE_LABELS, ph.type).toLowerCase()} du ${formatDate(ph.debut)} au ${formatDate(ph.fin)} : ${ph.objectifs}${ph.bilan ? ` · Bilan : ${ph.bilan}` : ""}`,
          ),
          ...c.evenements.map(
            (e) =>
              `${formatDate(e.dateEffet)} : ${label(EVENEMENT_LABELS, e.type)}${e.motif ? ` (${e.type === "sortie" ? motifSortieLabel(e.motif) : e.motif})` : ""}${e.par ? `, par ${e.par}` : ""}`,
          ),
        ],
      })),
      empty: "Vous n'avez pas de contrat PACEA ou CEJ.",
    },
    {
      heading: "Vos actions",
      items: p.actions.map((a) => ({
        title: `${formatDate(a.debut)} · ${a.libelle}`,
        lines: [
          `Catégorie : ${isActionCategorie(a.categorie) ? CATEGORIE_LABELS[a.categorie] : a.categorie}`,
          `État : ${isActionStatut(a.statut) ? ACTION_STATUT_LABELS[a.statut] : a.statut}${a.fin ? ` (fin le ${formatDate(a.fin)})` : ""}`,
          ...(a.qualifieeLe ? [`Validée le ${formatDate(a.qualifieeLe)}${a.qualifieeParName ? ` par ${a.qualifieeParName}` : ""}`] : []),
          ...(a.commentaire ? [`Commentaire : ${a.commentaire}`] : []),
        ],
      })),
      empty: "Aucune action enregistrée.",
    },
    {
      heading: "Vos rendez-vous et ateliers",
      items: p.seances.map((s) => ({
        title: `${formatDateTime(s.debut)} · ${label(SEANCE_TYPE_LABELS as Record<SeanceType, string>, s.type)} · ${s.titre}`,
        lines: [
          `Jusqu'à ${formatTime(s.fin)}${s.lieu ? `, ${s.lieu}` : ""}${s.animateur ? `, avec ${s.animateur}` : ""}`,
          s.annuleeLe
            ? `Annulé le ${formatDate(s.annuleeLe)}`
            : `Présence : ${label(PRESENCE_LABELS as Record<Presence, string>, s.presence)}`,
          ...(s.motifAbsence ? [`Raison de l'absence : ${s.motifAbsence}`] : []),
        ],
      })),
      empty: "Aucun rendez-vous ni atelier enregistré.",
    },
    {
      heading: "Votre allocation",
      items: p.allocations.map((a) => ({
        title: `${formatMonth(a.mois)} · ${formatMoneyCents(a.montantCents)} (${a.dispositif})`,
        lines: [
          a.explication,
          `Décidée le ${formatDate(a.decideeLe)}`,
          ...(a.remplaceeParId ? ["Cette décision a été corrigée par une décision plus récente."] : []),
        ],
      })),
      empty: "Aucune décision d'allocation.",
    },
    {
      heading: "Les manquements et sanctions",
      items: p.sanctions.map((s) => ({
        title: `Manquement du ${formatDate(s.dateFait)} · ${label(Object.fromEntries(Object.entries(SANCTION_STATUTS).map(([k, v]) => [k, v.label])) as Record<SanctionStatut, string>, s.statut)}`,
        lines: [
          `Ce qui s'est passé : ${s.motif}`,
          ...(s.reponseJeune ? [`Votre réponse${s.reponseLe ? ` du ${formatDate(s.reponseLe)}` : ""} : ${s.reponseJeune}`] : []),
          ...(s.decision
            ? [
                `Décision${s.decideeLe ? ` du ${formatDate(s.decideeLe)}` : ""}${s.decideeParName ? ` (${s.decideeParName})` : ""} : ${s.decision}`,
              ]
            : []),
        ],
      })),
      empty: "Aucun manquement enregistré.",
    },
  ];
}
