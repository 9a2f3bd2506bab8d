import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { antennes, jeunes, settings, structures, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/credentials";
import type { Role } from "@/lib/auth/roles";
import { normalizeForSearch } from "@/lib/jeunes/rules";
import { SETTINGS_SEED } from "./settings";

/** The password of every demo account (documented in the README). */
export const DEMO_PASSWORD = "Sillage-demo-2026";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; structure: "lyon" | "marseille" | null; antenne?: 0 | 1 }[] = [
  { email: "admin@sillage.demo", name: "Alex Morel", role: "admin", structure: null },
  { email: "directrice.lyon@sillage.demo", name: "Nadia Benali", role: "directeur", structure: "lyon" },
  { email: "conseillere.lyon@sillage.demo", name: "Camille Martin", role: "conseiller", structure: "lyon", antenne: 0 },
  { email: "conseiller.lyon@sillage.demo", name: "Julien Roche", role: "conseiller", structure: "lyon", antenne: 1 },
  { email: "dpo.lyon@sillage.demo", name: "Sophie Leclerc", role: "dpo", structure: "lyon" },
  { email: "directeur.marseille@sillage.demo", name: "Karim Haddad", role: "directeur", structure: "marseille" },
  { email: "conseillere.marseille@sillage.demo", name: "Inès Faure", role: "conseiller", structure: "marseille", antenne: 0 },
  { email: "lea.dupont@exemple.fr", name: "Léa Dupont", role: "jeune", structure: null },
  { email: "tom.girard@exemple.fr", name: "Tom Girard", role: "jeune", structure: null },
];

const FIRST_F = ["Léa", "Inès", "Chloé", "Manon", "Jade", "Zoé", "Camille", "Sarah", "Yasmine", "Emma", "Aïcha", "Lou"];
const FIRST_M = ["Tom", "Lucas", "Hugo", "Nathan", "Rayan", "Théo", "Enzo", "Mehdi", "Noah", "Adam", "Kylian", "Mathis"];
const LAST = ["Dupont", "Girard", "Nguyen", "Lefèvre", "Benali", "Moreau", "Fontaine", "Diallo", "Rousseau", "Garnier", "Mercier", "Bonnet", "Lambert", "Faure", "Chevalier", "Bertrand"];
const DISPOSITIFS = ["CEJ", "PACEA", "aucun", "CEJ", "PACEA"] as const;

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
export async function seedDemo(db: Db, options: { today: string; jeunesPerStructure?: number }): Promise<void> {
  const perStructure = options.jeunesPerStructure ?? 24;
  await db.transaction(async (tx) => {
    const [lyon, marseille] = await tx
      .insert(structures)
      .values([
        { name: "Mission locale de Lyon", siret: "77950697800013", departement: "69", commune: "Lyon", dpoEmail: "dpo@ml-lyon.demo" },
        { name: "Mission locale de Marseille", siret: "41849263500010", departement: "13", commune: "Marseille", dpoEmail: "dpo@ml-marseille.demo" },
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
          passwordHash,
        })),
      )
      .returning();
    const byEmail = new Map(accounts.map((u) => [u.email, u]));

    const rows: (typeof jeunes.$inferInsert)[] = [];
    for (const key of ["lyon", "marseille"] as const) {
      const structure = structureOf[key];
      const counsellors = accounts.filter((u) => u.role === "conseiller" && u.structureId === structure.id);
      for (let i = 0; i < perStructure; i++) {
        const female = i % 2 === 0;
        const prenoms = (female ? FIRST_F : FIRST_M)[(i * 5 + (key === "lyon" ? 0 : 3)) % 12]!;
        const nom = LAST[(i * 7 + (key === "lyon" ? 1 : 4)) % LAST.length]!;
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
          telephone: `06 ${String(10 + i).padStart(2, "0")} ${String(20 + i).padStart(2, "0")} 30 40`,
          email: `${normalizeForSearch(prenoms)}.${normalizeForSearch(nom)}.${key}${i}@exemple.fr`.replace(/\s+/g, "-"),
          dispositif: DISPOSITIFS[i % DISPOSITIFS.length]!,
          searchText: normalizeForSearch(`${nom} ${prenoms}`),
        });
      }
    }
    // The two young people with an account: an adult (Léa Dupont) and a minor (Tom Girard), in Lyon.
    const camille = byEmail.get("conseillere.lyon@sillage.demo")!;
    rows.push(
      {
        structureId: lyon.id, antenneId: camille.antenneId, conseillerId: camille.id, nomNaissance: "DUPONT", prenoms: "Léa",
        dateNaissance: birthDate(options.today, 20, 40), sexe: "F", email: "lea.dupont@exemple.fr", telephone: "06 12 34 56 78",
        commune: "Lyon", codePostal: "69008", dispositif: "CEJ", searchText: normalizeForSearch("Dupont Léa"),
      },
      {
        structureId: lyon.id, antenneId: camille.antenneId, conseillerId: camille.id, nomNaissance: "GIRARD", prenoms: "Tom",
        dateNaissance: birthDate(options.today, 17, 100), sexe: "M", email: "tom.girard@exemple.fr", telephone: "07 98 76 54 32",
        commune: "Lyon", codePostal: "69008", dispositif: "PACEA", searchText: normalizeForSearch("Girard Tom"),
      },
    );
    const inserted = await tx.insert(jeunes).values(rows).returning({ id: jeunes.id, email: jeunes.email });
    for (const email of ["lea.dupont@exemple.fr", "tom.girard@exemple.fr"]) {
      const jeune = inserted.find((j) => j.email === email);
      const account = byEmail.get(email);
      if (jeune && account) await tx.update(users).set({ jeuneId: jeune.id }).where(sql`${users.id} = ${account.id}`);
    }

    await tx.insert(settings).values(
      SETTINGS_SEED.map((s) => ({ key: s.key, effectiveFrom: s.effectiveFrom, value: s.value, source: s.source, toConfirm: s.toConfirm ?? null })),
    );
  });
}
