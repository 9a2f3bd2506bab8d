import "server-only";
import { and, desc, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { affectations, antennes, demandesDroits, jeunes, structures, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { todayInParis, type CivilDate } from "@/lib/calendar/civil-date";
import { decryptNir } from "@/lib/crypto/nir-vault";
import { maskNir } from "./rules";
import { structureConditions } from "@/lib/dossier/scope";

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

/**
 * A dossier as the dossier page displays it, only if it belongs to the caller's structure (admin: any);
 * null otherwise, so the page answers 404 and nothing tells a foreign dossier from a missing one.
 * Health and justice data are NOT selected, only whether they are filled in; the NIR comes back
 * masked. Also the temporary assignment running on `today`, if any. Two queries whatever the dossier.
 * The caller checks the dossier access (portfolio or reason given) before showing it.
 */
export async function getDossier(user: SessionUser, jeuneId: string, today: CivilDate = todayInParis(new Date())) {
  const db = await getDb();
  const remplacants = alias(users, "remplacants");
  const [[row], [temporaire]] = await Promise.all([
    db
      .select({
        id: jeunes.id,
        structureId: jeunes.structureId,
        conseillerId: jeunes.conseillerId,
        nomNaissance: jeunes.nomNaissance,
        nomUsage: jeunes.nomUsage,
        prenoms: jeunes.prenoms,
        dateNaissance: jeunes.dateNaissance,
        communeNaissance: jeunes.communeNaissance,
        sexe: jeunes.sexe,
        nationalite: jeunes.nationalite,
        telephone: jeunes.telephone,
        email: jeunes.email,
        adresse: jeunes.adresse,
        codePostal: jeunes.codePostal,
        commune: jeunes.commune,
        nirEncrypted: jeunes.nirEncrypted,
        ftIdentifiant: jeunes.ftIdentifiant,
        niveauQualification: jeunes.niveauQualification,
        logement: jeunes.logement,
        permisB: jeunes.permisB,
        vehicule: jeunes.vehicule,
        rqth: jeunes.rqth,
        protectionJuridique: jeunes.protectionJuridique,
        titreSejourFin: jeunes.titreSejourFin,
        hasSituationJustice: sql<boolean>`(${jeunes.situationJustice} is not null and btrim(${jeunes.situationJustice}) <> '')`,
        hasSante: sql<boolean>`(${jeunes.sante} is not null and btrim(${jeunes.sante}) <> '')`,
        commentaire: jeunes.commentaire,
        dispositif: jeunes.dispositif,
        statut: jeunes.statut,
        archiveMotif: jeunes.archiveMotif,
        archiveDetail: jeunes.archiveDetail,
        archivedAt: jeunes.archivedAt,
        limitationDepuis: jeunes.limitationDepuis,
        limitationDemande: demandesDroits.numero,
        antenne: antennes.name,
        conseiller: conseillers.name,
        structure: structures.name,
      })
      .from(jeunes)
      .innerJoin(structures, eq(structures.id, jeunes.structureId))
      .leftJoin(antennes, eq(antennes.id, jeunes.antenneId))
      .leftJoin(conseillers, eq(conseillers.id, jeunes.conseillerId))
      .leftJoin(demandesDroits, eq(demandesDroits.id, jeunes.limitationDemandeId))
      .where(and(eq(jeunes.id, jeuneId), ...structureConditions(user))),
    db
      .select({
        versConseillerId: affectations.versConseillerId,
        versConseiller: remplacants.name,
        debut: affectations.debut,
        fin: affectations.fin,
      })
      .from(affectations)
      .innerJoin(jeunes, eq(jeunes.id, affectations.jeuneId))
      .leftJoin(remplacants, eq(remplacants.id, affectations.versConseillerId))
      .where(
        and(
          eq(affectations.jeuneId, jeuneId),
          ...structureConditions(user),
          eq(affectations.type, "temporaire"),
          lte(affectations.debut, today),
          isNotNull(affectations.fin),
          gte(affectations.fin, today),
        ),
      )
      .orderBy(desc(affectations.debut))
      .limit(1),
  ]);
  if (!row) return null;
  const { nirEncrypted, ...rest } = row;
  return {
    jeune: { ...rest, nirMasked: maskedNir(nirEncrypted) },
    affectationTemporaire: temporaire?.fin ? { ...temporaire, fin: temporaire.fin } : null,
  };
}

export type DossierView = NonNullable<Awaited<ReturnType<typeof getDossier>>>;

/** A young person's own dossier: only through the account's link, never from a parameter. */
export async function getOwnDossier(user: SessionUser) {
  if (user.role !== "jeune" || !user.jeuneId) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      prenoms: jeunes.prenoms,
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
