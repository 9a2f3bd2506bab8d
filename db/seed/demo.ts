import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { affectations, antennes, auditLog, consultations, jeunes, memberships, settings, structures, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/credentials";
import type { Role } from "@/lib/auth/roles";
import { addDays } from "@/lib/calendar/civil-date";
import { encryptNir, nirIndex } from "@/lib/crypto/nir-vault";
import { nirKey, normalizeForSearch } from "@/lib/jeunes/rules";
import { seedDemandes, seedSecondStructureDemande } from "./droits";
import { seedParcours } from "./parcours";
import { SETTINGS_SEED } from "./settings";
import { seedTransmissions } from "./transmissions";
import { refreshDueAlertState } from "@/lib/jeunes/alert-state";

/** The password of every demo account (documented in the README). */
export const DEMO_PASSWORD = "Sillage-demo-2026";

/** The DPO shared by both missions locales: home in Lyon, also a member of Marseille. */
export const SHARED_DPO = "dpo.lyon@sillage.demo";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; structure: "lyon" | "marseille" | null; antenne?: 0 | 1 }[] = [
  { email: "admin@sillage.demo", name: "Alex Morel", role: "admin", structure: null },
  { email: "directrice.lyon@sillage.demo", name: "Nadia Benali", role: "directeur", structure: "lyon" },
  { email: "conseillere.lyon@sillage.demo", name: "Camille Martin", role: "conseiller", structure: "lyon", antenne: 0 },
  { email: "conseiller.lyon@sillage.demo", name: "Julien Roche", role: "conseiller", structure: "lyon", antenne: 1 },
  { email: "dpo.lyon@sillage.demo", name: "Sophie Leclerc", role: "dpo", structure: "lyon" },
  { email: "directeur.marseille@sillage.demo", name: "Karim Haddad", role: "directeur", structure: "marseille" },
  { email: "conseillere.marseille@sillage.demo", name: "Inès Faure", role: "conseiller", structure: "marseille", antenne: 0 },
  // Never signed in: the second-factor journey (e2e/mfa.spec.ts) enrols it at its first sign-in.
  { email: "dpo.marseille@sillage.demo", name: "Malik Ferrand", role: "dpo", structure: "marseille" },
  { email: "lea.dupont@exemple.fr", name: "Léa Dupont", role: "jeune", structure: null },
  { email: "tom.girard@exemple.fr", name: "Tom Girard", role: "jeune", structure: null },
];

const FIRST_F = ["Léa", "Inès", "Chloé", "Manon", "Jade", "Zoé", "Camille", "Sarah", "Yasmine", "Emma", "Aïcha", "Lou"];
const FIRST_M = ["Tom", "Lucas", "Hugo", "Nathan", "Rayan", "Théo", "Enzo", "Mehdi", "Noah", "Adam", "Kylian", "Mathis"];
const LAST = [
  "Dupont",
  "Girard",
  "Nguyen",
  "Lefèvre",
  "Benali",
  "Moreau",
  "Fontaine",
  "Diallo",
  "Rousseau",
  "Garnier",
  "Mercier",
  "Bonnet",
  "Lambert",
  "Faure",
  "Chevalier",
  "Bertrand",
];
const DISPOSITIFS = ["CEJ", "PACEA", "aucun", "CEJ", "PACEA"] as const;

/** The i-th generated young person of a structure (the authorisation tests read the other structure's from here). */
export function demoYoungPerson(key: "lyon" | "marseille", i: number) {
  const female = i % 2 === 0;
  const prenoms = (female ? FIRST_F : FIRST_M)[(i * 5 + (key === "lyon" ? 0 : 3)) % 12]!;
  const nom = LAST[(i * 7 + (key === "lyon" ? 1 : 4)) % LAST.length]!;
  return {
    female,
    prenoms,
    nom,
    email: `${normalizeForSearch(prenoms)}.${normalizeForSearch(nom)}.${key}${i}@exemple.fr`.replace(/\s+/g, "-"),
    telephone: `06 ${String(10 + i).padStart(2, "0")} ${String(20 + i).padStart(2, "0")} 30 40`,
  };
}

/** How many young people each structure gets unless told otherwise. */
export const DEMO_JEUNES_PER_STRUCTURE = 24;

/** Birth date of someone aged `years` (and `days` more) on `today`. */
function birthDate(today: string, years: number, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * Two missions locales with two antennes each, one account per role, a few young people per
 * counsellor, and the dated law values. Deterministic: the same `today` gives the same data.
 */
/** A valid NIR for a demo person (born in the Rhône or the Bouches-du-Rhône), with its key. */
function demoNir(sexe: "F" | "M", dateNaissance: string, departement: string, order: number): string {
  const first13 = `${sexe === "M" ? 1 : 2}${dateNaissance.slice(2, 4)}${dateNaissance.slice(5, 7)}${departement}123${String(order).padStart(3, "0")}`;
  return first13 + nirKey(first13);
}

export interface SeedOptions {
  today: string;
  jeunesPerStructure?: number;
  /**
   * Richer demo (`npm run dev`, end-to-end tests): NIRs, an archived dossier, a running temporary
   * assignment, a residence permit about to expire, creation history. Integration tests keep it off.
   */
  extras?: boolean;
}

export async function seedDemo(db: Db, options: SeedOptions): Promise<void> {
  const perStructure = options.jeunesPerStructure ?? DEMO_JEUNES_PER_STRUCTURE;
  await db.transaction(async (tx) => {
    const [lyon, marseille] = await tx
      .insert(structures)
      .values([
        { name: "Mission locale de Lyon", siret: "77950697800013", departement: "69", commune: "Lyon", dpoEmail: "dpo@ml-lyon.demo" },
        {
          name: "Mission locale de Marseille",
          siret: "41849263500010",
          departement: "13",
          commune: "Marseille",
          dpoEmail: "dpo@ml-marseille.demo",
        },
      ])
      .returning();
    if (!lyon || !marseille) throw new Error("seed: structures not created");

    const sites = await tx
      .insert(antennes)
      .values([
        { structureId: lyon.id, name: "Antenne Lyon 8e", commune: "Lyon", codePostal: "69008" },
        { structureId: lyon.id, name: "Antenne Villeurbanne", commune: "Villeurbanne", codePostal: "69100" },
        { structureId: marseille.id, name: "Antenne Marseille Centre", commune: "Marseille", codePostal: "13001" },
        { structureId: marseille.id, name: "Antenne Marseille Nord", commune: "Marseille", codePostal: "13015" },
      ])
      .returning();
    const sitesOf = { lyon: sites.slice(0, 2), marseille: sites.slice(2, 4) };
    const structureOf = { lyon, marseille };

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const accounts = await tx
      .insert(users)
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          email: a.email,
          name: a.name,
          role: a.role,
          structureId: a.structure ? structureOf[a.structure].id : null,
          antenneId: a.structure && a.antenne !== undefined ? (sitesOf[a.structure][a.antenne]?.id ?? null) : null,
          // Young people sign in by a code sent by e-mail (Mon espace), never with a password.
          passwordHash: a.role === "jeune" ? null : passwordHash,
        })),
      )
      .returning();
    const byEmail = new Map(accounts.map((u) => [u.email, u]));
    // One membership per staff account in its home structure, and the Lyon DPO also serves Marseille.
    await tx
      .insert(memberships)
      .values([
        ...accounts.flatMap((u) =>
          u.structureId && u.role !== "jeune" && u.role !== "admin" ? [{ userId: u.id, structureId: u.structureId, role: u.role }] : [],
        ),
        { userId: byEmail.get(SHARED_DPO)!.id, structureId: marseille.id, role: "dpo" as const },
      ]);

    const rows: (typeof jeunes.$inferInsert)[] = [];
    for (const key of ["lyon", "marseille"] as const) {
      const structure = structureOf[key];
      const counsellors = accounts.filter((u) => u.role === "conseiller" && u.structureId === structure.id);
      for (let i = 0; i < perStructure; i++) {
        const { female, prenoms, nom, email, telephone } = demoYoungPerson(key, i);
        const counsellor = counsellors[i % counsellors.length];
        const site = sitesOf[key][i % 2]!;
        rows.push({
          structureId: structure.id,
          antenneId: counsellor?.antenneId ?? site.id,
          conseillerId: counsellor?.id ?? null,
          nomNaissance: nom.toUpperCase(),
          prenoms,
          dateNaissance: birthDate(options.today, 16 + (i % 10), (i * 37) % 360),
          sexe: female ? "F" : "M",
          commune: site.commune,
          codePostal: site.codePostal,
          telephone,
          email,
          dispositif: DISPOSITIFS[i % DISPOSITIFS.length]!,
          searchText: normalizeForSearch(`${nom} ${prenoms}`),
        });
      }
    }
    // The two young people with an account: an adult (Léa Dupont) and a minor (Tom Girard), in Lyon.
    const camille = byEmail.get("conseillere.lyon@sillage.demo")!;
    rows.push(
      {
        structureId: lyon.id,
        antenneId: camille.antenneId,
        conseillerId: camille.id,
        nomNaissance: "DUPONT",
        prenoms: "Léa",
        dateNaissance: birthDate(options.today, 20, 40),
        sexe: "F",
        email: "lea.dupont@exemple.fr",
        telephone: "06 12 34 56 78",
        commune: "Lyon",
        codePostal: "69008",
        dispositif: "CEJ",
        searchText: normalizeForSearch("Dupont Léa"),
      },
      {
        structureId: lyon.id,
        antenneId: camille.antenneId,
        conseillerId: camille.id,
        nomNaissance: "GIRARD",
        prenoms: "Tom",
        dateNaissance: birthDate(options.today, 17, 100),
        sexe: "M",
        email: "tom.girard@exemple.fr",
        telephone: "07 98 76 54 32",
        commune: "Lyon",
        codePostal: "69008",
        dispositif: "PACEA",
        searchText: normalizeForSearch("Girard Tom"),
      },
    );
    if (options.extras) {
      rows.forEach((row, i) => {
        if (i % 3 !== 0) return;
        const nir = demoNir(row.sexe!, row.dateNaissance!, row.structureId === lyon.id ? "69" : "13", i + 1);
        row.nirEncrypted = encryptNir(nir);
        row.nirHmac = nirIndex(nir);
      });
      const foreign = rows[5];
      if (foreign) Object.assign(foreign, { nationalite: "hors_ue", titreSejourFin: addDays(options.today, 20) });
      const archived = rows[7];
      if (archived)
        Object.assign(archived, {
          statut: "archive",
          archiveMotif: "sortie_emploi",
          archiveDetail: "CDI chez un transporteur",
          archivedAt: new Date(`${options.today}T09:00:00Z`),
        });
    }
    const inserted = await tx.insert(jeunes).values(rows).returning({
      id: jeunes.id,
      email: jeunes.email,
      structureId: jeunes.structureId,
      conseillerId: jeunes.conseillerId,
      statut: jeunes.statut,
    });
    for (const email of ["lea.dupont@exemple.fr", "tom.girard@exemple.fr"]) {
      const jeune = inserted.find((j) => j.email === email);
      const account = byEmail.get(email);
      if (jeune && account) await tx.update(users).set({ jeuneId: jeune.id }).where(sql`${users.id} = ${account.id}`);
    }

    if (options.extras) {
      // Who created each file (the "Historique" tab starts somewhere), and one running replacement in Lyon.
      await tx.insert(auditLog).values(
        inserted.map((j) => ({
          actorId: j.conseillerId,
          actorRole: "conseiller" as const,
          structureId: j.structureId,
          action: "jeune.create",
          targetType: "jeune",
          targetId: j.id,
          jeuneId: j.id,
          fields: ["nomNaissance", "prenoms", "dateNaissance", "sexe", "telephone", "email", "commune"],
          at: new Date(`${addDays(options.today, -60)}T10:00:00Z`),
        })),
      );
      const julien = byEmail.get("conseiller.lyon@sillage.demo")!;
      const nadia = byEmail.get("directrice.lyon@sillage.demo")!;
      const replaced = inserted.find(
        (j) =>
          j.conseillerId === camille.id &&
          j.statut === "actif" &&
          j.email !== "lea.dupont@exemple.fr" &&
          j.email !== "tom.girard@exemple.fr",
      );
      if (replaced) {
        await tx.insert(affectations).values({
          jeuneId: replaced.id,
          structureId: lyon.id,
          type: "temporaire",
          deConseillerId: camille.id,
          versConseillerId: julien.id,
          debut: addDays(options.today, -3),
          fin: addDays(options.today, 14),
          motif: "Congé de Camille Martin",
          decidePar: nadia.id,
        });
      }
      const lea = inserted.find((j) => j.email === "lea.dupont@exemple.fr");
      const dpo = byEmail.get("dpo.lyon@sillage.demo")!;
      const lyonActive = inserted.filter((j) => j.structureId === lyon.id && j.statut === "actif" && j.id !== replaced?.id);
      await seedDemandes(tx, {
        today: options.today,
        structureId: lyon.id,
        jeuneIds: [lea, ...lyonActive.filter((j) => j.id !== lea?.id)].flatMap((j) => (j ? [j.id] : [])),
        conseillerId: camille.id,
        dpoId: dpo.id,
      });
      const ines = byEmail.get("conseillere.marseille@sillage.demo")!;
      const marseilleJeune = inserted.find((j) => j.structureId === marseille.id && j.statut === "actif");
      if (marseilleJeune) {
        await seedSecondStructureDemande(tx, {
          today: options.today,
          structureId: marseille.id,
          jeuneId: marseilleJeune.id,
          conseillerId: ines.id,
        });
      }
      if (lea) {
        await tx.insert(consultations).values([
          {
            jeuneId: lea.id,
            structureId: lyon.id,
            userId: camille.id,
            userRole: "conseiller",
            onglet: "identite",
            at: new Date(`${addDays(options.today, -2)}T08:30:00Z`),
          },
          {
            jeuneId: lea.id,
            structureId: lyon.id,
            userId: dpo.id,
            userRole: "dpo",
            onglet: "historique",
            horsPortefeuille: true,
            motif: "controle_dpo",
            motifDetail: "Vérification trimestrielle des accès",
            at: new Date(`${addDays(options.today, -1)}T14:00:00Z`),
          },
        ]);
      }
    }

    await tx.insert(settings).values(
      SETTINGS_SEED.map((s) => ({
        key: s.key,
        effectiveFrom: s.effectiveFrom,
        value: s.value,
        source: s.source,
        toConfirm: s.toConfirm ?? null,
      })),
    );
  });
  if (options.extras) await seedParcours(db, { today: options.today });
  // Delivery runs "now" (rows are created with the real clock), a second later so every row is due.
  if (options.extras) await seedTransmissions(db, { now: new Date(Date.now() + 1000) });
  // The stored portfolio alerts of every file, for the seed's day (the worker keeps them afterwards).
  await refreshDueAlertState(db, options.today);
}
