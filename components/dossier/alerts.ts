import type { StatusTone } from "@/lib/ui/tones";
import { diffInDays, type CivilDate } from "@/lib/calendar/civil-date";
import { formatDate, formatDateTime } from "@/lib/format/fr";
import { ARCHIVE_MOTIFS } from "@/lib/jeunes/archive-schema";
import { ageOn } from "@/lib/jeunes/rules";

/** A titre de séjour ending within this many days is flagged (same horizon as the portfolio). */
export const TITRE_SEJOUR_HORIZON_DAYS = 30;

export interface DossierAlert {
  key: "archive" | "limitation" | "break_glass" | "remplacement" | "titre_sejour" | "mineur";
  tone: StatusTone;
  title: string;
  text?: string;
}

export interface DossierAlertInput {
  today: CivilDate;
  viewerId: string;
  jeune: {
    dateNaissance: CivilDate;
    titreSejourFin: CivilDate | null;
    statut: "actif" | "archive";
    archiveMotif: string | null;
    archiveDetail: string | null;
    archivedAt: Date | null;
    /** GDPR art. 18 limitation in force since, and the number of the request that set it. */
    limitationDepuis?: Date | null;
    limitationDemande?: string | null;
    conseiller: string | null;
  };
  affectationTemporaire: { versConseillerId: string; versConseiller: string | null; fin: CivilDate } | null;
  /** Set when the viewer opened the dossier outside their portfolio, with the time they gave a reason. */
  reasonGivenAt?: Date | null;
}

function days(n: number): string {
  return `${n} jour${n > 1 ? "s" : ""}`;
}

/** What the counsellor must see first when opening a dossier, most important first. Pure. */
export function dossierAlerts({ today, viewerId, jeune, affectationTemporaire, reasonGivenAt }: DossierAlertInput): DossierAlert[] {
  const alerts: DossierAlert[] = [];
  if (jeune.statut === "archive") {
    const motif = jeune.archiveMotif ? (ARCHIVE_MOTIFS[jeune.archiveMotif as keyof typeof ARCHIVE_MOTIFS] ?? jeune.archiveMotif) : null;
    alerts.push({
      key: "archive",
      tone: "info",
      title: jeune.archivedAt ? `Dossier archivé le ${formatDateTime(jeune.archivedAt)}` : "Dossier archivé",
      text: [motif ? `Motif : ${motif}` : null, jeune.archiveDetail].filter(Boolean).join(" — ") || undefined,
    });
  }
  if (jeune.limitationDepuis) {
    alerts.push({
      key: "limitation",
      tone: "warning",
      title: `Limitation en cours depuis le ${formatDate(jeune.limitationDepuis)}`,
      text: `Aucune donnée de ce dossier n'est transmise à un destinataire tant qu'elle dure (RGPD, article 18)${
        jeune.limitationDemande ? `. Demande n° ${jeune.limitationDemande}` : ""
      }.`,
    });
  }
  if (reasonGivenAt) {
    alerts.push({
      key: "break_glass",
      tone: "info",
      title: "Vous consultez ce dossier hors de votre portefeuille",
      text: `Motif donné le ${formatDateTime(reasonGivenAt)}. Chaque onglet que vous ouvrez est enregistré et visible par le jeune.`,
    });
  }
  if (affectationTemporaire) {
    const until = formatDate(affectationTemporaire.fin);
    alerts.push(
      affectationTemporaire.versConseillerId === viewerId
        ? {
            key: "remplacement",
            tone: "info",
            title: `Ce jeune vous est confié temporairement jusqu'au ${until} inclus`,
            text: jeune.conseiller ? `Son conseiller titulaire est ${jeune.conseiller}.` : undefined,
          }
        : {
            key: "remplacement",
            tone: "info",
            title: `Remplacement en cours jusqu'au ${until} inclus`,
            text: `${affectationTemporaire.versConseiller ?? "Un autre conseiller"} suit ce jeune pendant l'absence de ${jeune.conseiller ?? "son conseiller"}.`,
          },
    );
  }
  if (jeune.titreSejourFin) {
    const left = diffInDays(today, jeune.titreSejourFin);
    if (left < 0) {
      alerts.push({
        key: "titre_sejour",
        tone: "error",
        title: `Titre de séjour expiré depuis le ${formatDate(jeune.titreSejourFin)}`,
        text: "Vérifiez avec le jeune où en est son renouvellement.",
      });
    } else if (left <= TITRE_SEJOUR_HORIZON_DAYS) {
      alerts.push({
        key: "titre_sejour",
        tone: "warning",
        title:
          left === 0
            ? "Le titre de séjour prend fin aujourd'hui"
            : `Le titre de séjour prend fin dans ${days(left)}, le ${formatDate(jeune.titreSejourFin)}`,
        text: "Pensez à parler de son renouvellement avec le jeune.",
      });
    }
  }
  if (ageOn(jeune.dateNaissance, today) < 18) {
    alerts.push({ key: "mineur", tone: "info", title: "Jeune mineur : ses représentants légaux sont informés" });
  }
  return alerts;
}
