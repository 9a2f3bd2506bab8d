import "server-only";
import { and, desc, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type DbOrTx, getDb } from "@/db/client";
import { affectations, antennes, demandesDroits, jeunes, structures, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { decryptNir } from "@/lib/crypto/nir-vault";
import { maskNir } from "./rules";
import type { OpenedDossier } from "@/lib/dossier/gate";

const conseillers = alias(users, "conseillers");

/** NIR as shown on screen: masked, decrypted only here on the server and never sent in clear. */
function maskedNir(stored: string | null): string | null {
  if (!stored) return null;
  try {
    return maskNir(decryptNir(stored));
  } catch {
    // Unreadable ciphertext (rotated key): say a NIR exists without showing any digit.
    return maskNir("?");
  }
}

interface AffectationTemporaire {
  versConseillerId: string;
  versConseiller: string | null;
  debut: string;
  fin: string;
}

/** The temporary assignment's JSON object (a string with PGlite, an object with postgres.js), or null. */
function parseTemporaire(value: unknown): AffectationTemporaire | null {
  if (value === null || value === undefined) return null;
  const t = (typeof value === "string" ? JSON.parse(value) : value) as Partial<AffectationTemporaire>;
  if (!t.versConseillerId || !t.debut || !t.fin) return null;
  return { versConseillerId: t.versConseillerId, versConseiller: t.versConseiller ?? null, debut: t.debut, fin: t.fin };
}

/**
 * A dossier as the dossier page displays it, from the row the gate opened (lib/dossier/gate.ts, which
 * already checked the structure, the portfolio rule and recorded the consultation): the labels of its
 * structure, antenne, counsellor and limitation, and the temporary assignment running on `today`, in one
 * query whatever the dossier. Health and justice data are not in the gate's row, only whether they are
 * filled in; the NIR comes back masked.
 */
export async function getDossier(opened: Pick<OpenedDossier, "jeune" | "today">, db?: DbOrTx) {
  db ??= await getDb();
  const { jeune: j, today } = opened;
  // One round trip: the labels and the running temporary assignment are scalar subqueries of one select.
  const [labels] = await db
    .select({
      structure: structures.name,
      antenne: sql<string | null>`(select ${antennes.name} from ${antennes} where ${antennes.id} = ${j.antenneId})`,
      conseiller: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${j.conseillerId})`,
      limitationDemande: sql<
        string | null
      >`(select ${demandesDroits.numero} from ${demandesDroits} where ${demandesDroits.id} = ${j.limitationDemandeId})`,
      temporaire: sql<unknown>`(select json_build_object(
          'versConseillerId', ${affectations.versConseillerId},
          'versConseiller', (select ${users.name} from ${users} where ${users.id} = ${affectations.versConseillerId}),
          'debut', ${affectations.debut},
          'fin', ${affectations.fin})
        from ${affectations}
        where ${and(
          eq(affectations.jeuneId, j.id),
          eq(affectations.type, "temporaire"),
          lte(affectations.debut, today),
          isNotNull(affectations.fin),
          gte(affectations.fin, today),
        )}
        order by ${desc(affectations.debut)}
        limit 1)`,
    })
    .from(structures)
    .where(eq(structures.id, j.structureId));
  const temporaire = parseTemporaire(labels?.temporaire);
  return {
    jeune: {
      id: j.id,
      structureId: j.structureId,
      conseillerId: j.conseillerId,
      nomNaissance: j.nomNaissance,
      nomUsage: j.nomUsage,
      prenoms: j.prenoms,
      dateNaissance: j.dateNaissance,
      communeNaissance: j.communeNaissance,
      sexe: j.sexe,
      nationalite: j.nationalite,
      telephone: j.telephone,
      email: j.email,
      adresse: j.adresse,
      codePostal: j.codePostal,
      commune: j.commune,
      nirMasked: maskedNir(j.nirEncrypted),
      ftIdentifiant: j.ftIdentifiant,
      niveauQualification: j.niveauQualification,
      logement: j.logement,
      permisB: j.permisB,
      vehicule: j.vehicule,
      rqth: j.rqth,
      protectionJuridique: j.protectionJuridique,
      titreSejourFin: j.titreSejourFin,
      hasSituationJustice: j.hasSituationJustice,
      hasSante: j.hasSante,
      commentaire: j.commentaire,
      dispositif: j.dispositif,
      statut: j.statut,
      archiveMotif: j.archiveMotif,
      archiveDetail: j.archiveDetail,
      archivedAt: j.archivedAt,
      limitationDepuis: j.limitationDepuis,
      limitationDemande: labels?.limitationDemande ?? null,
      antenne: labels?.antenne ?? null,
      conseiller: labels?.conseiller ?? null,
      structure: labels?.structure ?? "",
    },
    affectationTemporaire: temporaire,
  };
}

export type DossierView = Awaited<ReturnType<typeof getDossier>>;

/** A young person's own dossier: only through the account's link, never from a parameter. */
export async function getOwnDossier(user: SessionUser) {
  if (user.role !== "jeune" || !user.jeuneId) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      prenoms: jeunes.prenoms,
      dateNaissance: jeunes.dateNaissance,
      dispositif: jeunes.dispositif,
      conseiller: conseillers.name,
      antenne: antennes.name,
      structure: structures.name,
    })
    .from(jeunes)
    .leftJoin(antennes, eq(antennes.id, jeunes.antenneId))
    .leftJoin(conseillers, eq(conseillers.id, jeunes.conseillerId))
    .innerJoin(structures, eq(structures.id, jeunes.structureId))
    .where(eq(jeunes.id, user.jeuneId));
  return row ?? null;
}
