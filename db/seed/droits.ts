import type { Tx } from "@/db/client";
import { demandeEvenements, demandePauses, demandesDroits, jeunes } from "@/db/schema";
import { addDays, type CivilDate } from "@/lib/calendar/civil-date";
import { formatNumero } from "@/lib/droits/rules";
import { echeanceAfter } from "@/lib/droits/store";
import { eq } from "drizzle-orm";

type NewDemande = typeof demandesDroits.$inferInsert;

/**
 * Rights requests in each state for the demo queue: late, due within a week, suspended for identity,
 * extended, a limitation in force, and one answered and closed.
 */
export async function seedDemandes(
  tx: Tx,
  input: { today: CivilDate; structureId: string; jeuneIds: string[]; conseillerId: string; dpoId: string },
): Promise<void> {
  const { today, structureId, conseillerId, dpoId } = input;
  const ids = input.jeuneIds;
  if (ids.length < 6) return;
  const base = (n: number, recueLe: CivilDate, rest: Partial<NewDemande>): NewDemande => ({
    numero: formatNumero(Number(recueLe.slice(0, 4)), n),
    structureId,
    recueLe,
    canal: "guichet",
    saisiePar: conseillerId,
    objet: "Demande formulée au guichet.",
    type: "acces",
    ...rest,
  });
  const at = (d: CivilDate) => new Date(`${d}T09:30:00Z`);

  const late = addDays(today, -40);
  const soon = addDays(today, -27);
  const paused = addDays(today, -12);
  const limitation = addDays(today, -18);
  const extended = addDays(today, -25);
  const closed = addDays(today, -60);

  const rows: {
    demande: NewDemande;
    pauses?: { demandeeLe: CivilDate; recueLe: CivilDate | null; objet: string }[];
    events: [CivilDate, string, string][];
  }[] = [
    {
      demande: base(1, late, {
        jeuneId: ids[0],
        statut: "en_cours",
        identiteVerifieeLe: late,
        identiteMethode: "rencontre au guichet",
        objet: "Je voudrais savoir quelles données vous avez sur moi.",
      }),
      events: [
        [late, "recue", "Votre demande d'accès a été reçue par votre mission locale."],
        [late, "en_cours", "Votre identité est vérifiée. Votre demande est en cours."],
      ],
    },
    {
      demande: base(2, soon, {
        jeuneId: ids[1],
        type: "rectification",
        statut: "en_cours",
        identiteVerifieeLe: soon,
        identiteMethode: "rencontre au guichet",
        objet: "Mon adresse a changé.",
      }),
      events: [
        [soon, "recue", "Votre demande de correction a été reçue."],
        [soon, "en_cours", "Votre identité est vérifiée. Votre demande est en cours."],
      ],
    },
    {
      demande: base(3, paused, {
        jeuneId: ids[2],
        type: "opposition",
        finalite: "statistiques",
        canal: "courrier",
        saisiePar: dpoId,
        statut: "identite_a_verifier",
        objet: "Lettre : je m'oppose à l'utilisation de mes données pour les statistiques.",
      }),
      pauses: [{ demandeeLe: addDays(paused, 2), recueLe: null, objet: "Confirmer votre date de naissance et votre adresse." }],
      events: [
        [paused, "recue", "Votre lettre a été reçue."],
        [
          addDays(paused, 2),
          "identite_demandee",
          "Nous vous avons demandé de confirmer votre identité. Le délai reprendra à la réception de votre réponse.",
        ],
      ],
    },
    {
      demande: base(4, limitation, {
        jeuneId: ids[3],
        type: "limitation",
        statut: "en_cours",
        identiteVerifieeLe: limitation,
        identiteMethode: "rencontre au guichet",
        objet: "Mon dossier contient une erreur : je demande qu'on n'envoie rien tant que ce n'est pas corrigé.",
      }),
      events: [
        [limitation, "recue", "Votre demande de limitation a été reçue."],
        [limitation, "limitation_appliquee", "Vos données ne sont plus envoyées à personne tant que la vérification n'est pas terminée."],
      ],
    },
    {
      demande: base(5, extended, {
        jeuneId: ids[4],
        type: "effacement",
        statut: "prolongee",
        identiteVerifieeLe: extended,
        identiteMethode: "rencontre au guichet",
        prolongeeLe: addDays(extended, 10),
        prolongationMotif: "Données détenues aussi par France Travail : nous devons vérifier avec eux.",
        objet: "Je veux que mon dossier soit supprimé.",
      }),
      events: [
        [extended, "recue", "Votre demande d'effacement a été reçue."],
        [addDays(extended, 10), "prolongee", "Votre demande est complexe : nous avons deux mois de plus pour vous répondre."],
      ],
    },
    {
      demande: base(6, closed, {
        jeuneId: ids[5],
        statut: "close",
        identiteVerifieeLe: closed,
        identiteMethode: "rencontre au guichet",
        issue: "acceptee",
        reponseMotif: "Vous trouverez toutes vos données dans le document joint.",
        reponduLe: addDays(closed, 20),
        closeLe: addDays(closed, 21),
      }),
      events: [
        [closed, "recue", "Votre demande d'accès a été reçue."],
        [addDays(closed, 20), "repondue", "La réponse à votre demande vous a été envoyée."],
        [addDays(closed, 21), "close", "Votre demande est terminée."],
      ],
    },
  ];

  for (const { demande, pauses = [], events } of rows) {
    const echeance = echeanceAfter(
      { recueLe: demande.recueLe },
      pauses.map((p) => ({ from: p.demandeeLe, to: p.recueLe })),
      Boolean(demande.prolongeeLe),
    );
    const [row] = await tx
      .insert(demandesDroits)
      .values({ ...demande, echeance })
      .returning({ id: demandesDroits.id });
    if (!row) continue;
    if (pauses.length) await tx.insert(demandePauses).values(pauses.map((p) => ({ ...p, demandeId: row.id })));
    await tx.insert(demandeEvenements).values(
      events.map(([d, type, message]) => ({
        demandeId: row.id,
        at: at(d),
        type,
        par: type === "recue" ? demande.saisiePar : dpoId,
        message,
      })),
    );
    if (demande.type === "limitation") {
      await tx
        .update(jeunes)
        .set({ limitationDepuis: at(limitation), limitationDemandeId: row.id })
        .where(eq(jeunes.id, demande.jeuneId!));
    }
  }
}

/** One open access request in the second mission locale, so the shared DPO's queue differs from one structure to the other. */
export async function seedSecondStructureDemande(
  tx: Tx,
  input: { today: CivilDate; structureId: string; jeuneId: string; conseillerId: string },
): Promise<void> {
  const recueLe = addDays(input.today, -8);
  const [row] = await tx
    .insert(demandesDroits)
    .values({
      numero: formatNumero(Number(recueLe.slice(0, 4)), 1),
      structureId: input.structureId,
      jeuneId: input.jeuneId,
      recueLe,
      echeance: echeanceAfter({ recueLe }, [], false),
      canal: "courriel",
      saisiePar: input.conseillerId,
      type: "acces",
      statut: "en_cours",
      identiteVerifieeLe: recueLe,
      identiteMethode: "pièce d'identité jointe au courriel",
      objet: "Je souhaite recevoir une copie de mon dossier.",
    })
    .returning({ id: demandesDroits.id });
  if (!row) return;
  await tx.insert(demandeEvenements).values({
    demandeId: row.id,
    at: new Date(`${recueLe}T09:30:00Z`),
    type: "recue",
    par: input.conseillerId,
    message: "Votre demande d'accès a été reçue par votre mission locale.",
  });
}
