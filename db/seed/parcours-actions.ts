import { and, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { actionsJeune, contrats } from "@/db/schema";
import { addDays, compare, type CivilDate } from "@/lib/calendar/civil-date";
import type { ActionCategorie, ActionStatut } from "@/lib/actions-jeune/labels";
import { isoWeekOf } from "@/lib/calendar/iso-week";
import type { ParcoursSeedContext } from "./parcours";

/** Wording a counsellor would write, by category (several per category so dossiers do not all look alike). */
const LIBELLES: Record<ActionCategorie, string[]> = {
  emploi: [
    "Candidature spontanée chez un transporteur",
    "Entretien d'embauche pour un poste de vendeur",
    "Candidature à une offre d'agent d'accueil",
    "Préparation d'un entretien avec une agence d'intérim",
    "Immersion en entreprise (PMSMP) dans la logistique",
    "Relance de candidatures envoyées",
  ],
  formation: [
    "Inscription à la formation CACES 1-3-5",
    "Information sur la préqualification aux métiers du soin",
    "Séance de remise à niveau en français",
    "Tests d'entrée en formation préparateur de commandes",
    "Module de découverte des métiers du numérique",
  ],
  sante: ["Rendez-vous de bilan de santé au centre d'examens", "Demande de carte Vitale", "Rendez-vous avec le point écoute jeunes"],
  logement: [
    "Dossier de demande en foyer de jeunes travailleurs",
    "Visite d'un logement temporaire",
    "Demande d'aide au logement à la CAF",
  ],
  citoyennete: ["Recensement citoyen", "Participation à une action de bénévolat", "Renouvellement de la carte d'identité"],
  loisirs_sport: ["Inscription au club de football du quartier", "Sortie culturelle au musée avec le groupe CEJ"],
  projet_pro: ["Enquête métier auprès d'un professionnel", "Bilan du projet professionnel", "Découverte du métier d'électricien"],
  demarches: ["Ouverture d'un compte bancaire", "Actualisation sur l'espace France Travail", "Demande de la prime d'activité"],
  autre: ["Atelier budget avec le conseiller", "Préparation du permis de conduire (code)"],
};

/** The order categories come in for a young person: employment and training first, like most pathways. */
const CATEGORY_CYCLE: ActionCategorie[] = [
  "emploi",
  "formation",
  "demarches",
  "emploi",
  "sante",
  "projet_pro",
  "formation",
  "logement",
  "citoyennete",
  "emploi",
  "loisirs_sport",
  "autre",
];

interface Planned {
  categorie: ActionCategorie;
  statut: ActionStatut;
  /** Day of the week it starts (0 = Monday). */
  day: number;
  qualifiee: boolean;
  duree: number | null;
  libelle?: string;
}

const done = (categorie: ActionCategorie, day: number, qualifiee = true, libelle?: string): Planned => ({
  categorie,
  statut: "terminee",
  day,
  qualifiee,
  duree: categorie === "emploi" || categorie === "formation" ? 180 : 90,
  libelle,
});
const todo = (categorie: ActionCategorie, day: number, statut: ActionStatut = "a_faire", libelle?: string): Planned => ({
  categorie,
  statut,
  day,
  qualifiee: false,
  duree: null,
  libelle,
});

/**
 * This week for a CEJ young person, three profiles so the portfolio shows both sides of the 15 h line
 * (weights 3 h for employment/training, 2 h otherwise; séances added by the agenda seed come on top):
 * 0 → 16 h validated; 1 → 5 h declared; 2 → 13 h declared, 6 h validated with finished actions to qualify.
 */
const CURRENT_WEEK: Planned[][] = [
  [
    done("emploi", 0),
    done("formation", 0),
    done("emploi", 1),
    done("formation", 1),
    done("demarches", 1),
    done("sante", 2),
    todo("emploi", 4),
  ],
  [todo("emploi", 3), done("logement", 0, false)],
  [
    done("emploi", 0),
    done("formation", 1, false),
    done("demarches", 1, false),
    todo("projet_pro", 3, "en_cours"),
    todo("emploi", 4),
    { ...todo("citoyennete", 2), statut: "annulee" },
  ],
];

/** Léa Dupont's week, the demo's main CEJ dossier: some actions qualified, some waiting, some to come. */
const LEA_WEEK: Planned[] = [
  done("emploi", 0, true, "Candidature chez un transporteur de Vénissieux"),
  done("demarches", 0, true, "Actualisation sur l'espace France Travail"),
  done("formation", 1, false, "Tests d'entrée en formation préparateur de commandes"),
  done("sante", 1, false, "Demande de carte Vitale"),
  todo("logement", 2, "en_cours", "Dossier de demande en foyer de jeunes travailleurs"),
  todo("emploi", 4, "a_faire", "Entretien d'embauche pour un poste de préparateur de commandes"),
];

/** A past week: mostly finished and qualified, one cancelled now and then, a few left to qualify. */
function pastWeek(seed: number, weeksAgo: number, cej: boolean): Planned[] {
  const count = cej ? 3 + ((seed + weeksAgo) % 3) : 1 + ((seed + weeksAgo) % 2);
  return Array.from({ length: count }, (_, k) => {
    const categorie = CATEGORY_CYCLE[(seed * 3 + weeksAgo * 5 + k) % CATEGORY_CYCLE.length]!;
    const day = (k * 2 + seed) % 5;
    if ((seed + weeksAgo + k) % 7 === 0) return { ...todo(categorie, day), statut: "annulee" as const };
    // The last week or two keep a few finished actions unqualified: the bulk qualification has work.
    return done(categorie, day, !(weeksAgo <= 2 && (seed + k) % 3 === 0));
  });
}

/**
 * Demo actions for every active young person in a pathway: five past weeks and the current one, more for
 * CEJ young people. Deterministic from `today`; nothing finishes after today; finished actions are
 * qualified by the young person's counsellor; each action is tied to the open contract, if any.
 */
export async function seedActions(tx: Tx, ctx: ParcoursSeedContext): Promise<void> {
  const concerned = ctx.jeunes.filter((j) => j.dispositif !== "aucun");
  if (concerned.length === 0) return;
  const open = await tx
    .select({ id: contrats.id, jeuneId: contrats.jeuneId })
    .from(contrats)
    .where(
      and(
        inArray(
          contrats.jeuneId,
          concerned.map((j) => j.id),
        ),
        isNull(contrats.finReelle),
      ),
    );
  const contratOf = new Map(open.map((c) => [c.jeuneId, c.id]));
  const week = isoWeekOf(ctx.today);
  const rows: (typeof actionsJeune.$inferInsert)[] = [];
  let cejIndex = 0;

  concerned.forEach((jeune, seed) => {
    const cej = jeune.dispositif === "CEJ";
    const isLea = jeune.email === "lea.dupont@exemple.fr";
    const weeks: { start: CivilDate; planned: Planned[] }[] = [];
    for (let weeksAgo = 5; weeksAgo >= 1; weeksAgo--)
      weeks.push({ start: addDays(week.start, -7 * weeksAgo), planned: pastWeek(seed, weeksAgo, cej) });
    if (cej) weeks.push({ start: week.start, planned: isLea ? LEA_WEEK : CURRENT_WEEK[cejIndex++ % CURRENT_WEEK.length]! });
    else
      weeks.push({
        start: week.start,
        planned: [todo(CATEGORY_CYCLE[seed % CATEGORY_CYCLE.length]!, 2, seed % 2 === 0 ? "a_faire" : "en_cours")],
      });

    let n = 0;
    for (const { start, planned } of weeks) {
      for (const p of planned) {
        n++;
        let debut = addDays(start, p.day);
        // Finished actions lie in the past; planned ones from today on (both stay inside their week).
        if (p.statut === "terminee" && compare(debut, ctx.today) > 0) debut = ctx.today;
        if ((p.statut === "a_faire" || p.statut === "en_cours") && compare(debut, ctx.today) < 0 && start === week.start) debut = ctx.today;
        const fin = p.statut === "terminee" ? debut : null;
        const libelles = LIBELLES[p.categorie];
        rows.push({
          structureId: jeune.structureId,
          jeuneId: jeune.id,
          contratId: contratOf.get(jeune.id) ?? null,
          categorie: p.categorie,
          libelle: p.libelle ?? libelles[(seed + n) % libelles.length]!,
          debut,
          fin,
          dureeMinutes: p.duree,
          statut: p.statut,
          qualifieeLe: p.qualifiee && fin ? new Date(`${fin}T${fin === ctx.today ? "06" : "15"}:00:00Z`) : null,
          qualifieePar: p.qualifiee && fin ? jeune.conseillerId : null,
          creeePar: jeune.conseillerId,
          createdAt: new Date(`${debut}T08:00:00Z`),
        });
      }
    }
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(actionsJeune).values(rows.slice(i, i + 500));
}
