import { formatDate, formatMoneyCents, formatNumber } from "@/lib/format/fr";
import { isValidCivilDate } from "@/lib/calendar/civil-date";

const LABELS: Record<string, string> = {
  majeurNonImposable: "Majeur, foyer non imposable",
  premiereTranche: "Majeur, première tranche d'imposition",
  mineur: "Mineur",
  cents: "Montant",
  multiplicateurRsa: "Plafond (× RSA)",
  deduireForfaitLogement: "Déduire le forfait logement",
  minutes: "Durée",
  actionEmploiFormation: "Action emploi ou formation",
  autreAction: "Autre action",
  atelier: "Atelier",
  informationCollective: "Information collective",
  rendezVousIndividuel: "Rendez-vous individuel",
  abattementCents: "Abattement sur les ressources déduites en partie",
  partSmicPourcent: "Part du SMIC brut où l'allocation s'annule (%)",
  regime: "Régime",
  paliers: "Paliers",
  date: "Date",
  dossierAgeMaxAns: "Âge maximal (ans révolus)",
  dossierAnneesApresAgeMax: "Années après l'âge maximal",
  cejAnneesApresFin: "Années après la fin d'un CEJ",
  comptePersonnelAnneesApresFin: "Comptes des équipes : années après la fin de l'accès, puis anonymisés",
  fseAnneesApresDernierEnregistrement: "Audits FSE : années après le dernier enregistrement",
  journauxConnexionMois: "Journaux de connexion (mois)",
  jours: "Jours",
  consultationsMois: "Journal des consultations des dossiers (mois)",
  sessionsJours: "Sessions de connexion : jours après leur fin",
  codesConnexionJours: "Codes de connexion à usage unique : jours après leur expiration",
};

function minutesLabel(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m ? `${h} h ${String(m).padStart(2, "0")}` : `${h} h`;
}

/** A setting's value as label/text pairs a person can read (money in euros, durations in hours). */
export function describeSettingValue(key: string, value: unknown): { label: string; text: string }[] {
  if (!value || typeof value !== "object") return [{ label: "Valeur", text: JSON.stringify(value) }];
  const inCents = key.includes("montant");
  const inMinutes = key.startsWith("cej.heures");
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const label = LABELS[k] ?? k;
    let text: string;
    if (typeof v === "number")
      text =
        (inCents && k !== "multiplicateurRsa") || k === "cents" || k.endsWith("Cents")
          ? formatMoneyCents(v)
          : inMinutes
            ? minutesLabel(v)
            : formatNumber(v);
    else if (typeof v === "boolean") text = v ? "Oui" : "Non";
    else if (typeof v === "string" && isValidCivilDate(v)) text = formatDate(v);
    else if (Array.isArray(v)) text = v.map((x) => String(x).replaceAll("_", " ")).join(" → ");
    else text = String(v).replaceAll("_", " ");
    return { label, text };
  });
}
