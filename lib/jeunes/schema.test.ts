import { describe, expect, it } from "vitest";
import { toFieldErrors } from "@/lib/actions/run";
import { nirKey } from "./rules";
import { createJeuneSchemaOn, formatPhone, updateJeuneSchemaOn } from "./schema";

const TODAY = "2026-11-25";
const createSchema = createJeuneSchemaOn(() => TODAY);
const updateSchema = updateJeuneSchemaOn(() => TODAY);

/** A NIR with a correct key from its first 13 characters. */
function nir(first13: string): string {
  return first13 + nirKey(first13);
}

// A woman born in March 2005 in the Rhône (69): 2 05 03 69 123 456 + key.
const NIR_F_2005_03 = nir("2050369123456");

const valid = {
  nomNaissance: "  Dupont  ",
  nomUsage: "",
  prenoms: "Léa   Marie",
  dateNaissance: "2005-03-14",
  communeNaissance: "Lyon",
  sexe: "F",
  nationalite: "francaise",
  telephone: "0612345678",
  email: "Lea.Dupont@Exemple.fr",
  adresse: "12 rue des Lilas",
  codePostal: "69008",
  commune: "Lyon",
  nir: "",
  ftIdentifiant: "1234567a",
  niveauQualification: "bac",
  logement: "parents",
  protectionJuridique: "aucune",
  titreSejourFin: "",
  dispositif: "CEJ",
  antenneId: "0195f0a0-0000-7000-8000-000000000001",
  conseillerId: "0195f0a0-0000-7000-8000-000000000002",
  commentaire: "",
  sante: "",
  situationJustice: "",
};

function errorsOf(input: Record<string, unknown>, schema: typeof createSchema | typeof updateSchema = createSchema) {
  const result = schema.safeParse(input);
  return result.success ? {} : toFieldErrors(result.error);
}

describe("createJeuneSchema", () => {
  it("accepts a complete valid input and normalises it", () => {
    const result = createSchema.safeParse({ ...valid, nir: NIR_F_2005_03.replace(/(\d{2})/g, "$1 "), permisB: "on" });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toMatchObject({
      nomNaissance: "DUPONT",
      nomUsage: null,
      prenoms: "Léa Marie",
      telephone: "06 12 34 56 78",
      email: "lea.dupont@exemple.fr",
      ftIdentifiant: "1234567A",
      nir: NIR_F_2005_03,
      permisB: true,
      vehicule: false,
      rqth: false,
      titreSejourFin: null,
      commentaire: null,
    });
  });

  it("names every missing required field", () => {
    const errors = errorsOf({});
    expect(errors.nomNaissance).toEqual(["Indiquez le nom de naissance."]);
    expect(errors.prenoms).toEqual(["Indiquez au moins un prénom."]);
    expect(errors.dateNaissance).toEqual(["Indiquez la date de naissance."]);
    expect(errors.sexe).toEqual(["Indiquez le sexe (femme ou homme), tel qu'il figure à l'état civil."]);
    expect(errors.nationalite).toEqual(["Choisissez la nationalité."]);
    expect(errors.antenneId).toEqual(["Choisissez l'antenne qui suit ce jeune."]);
    expect(errors.conseillerId).toEqual(["Choisissez le conseiller ou la conseillère référent(e)."]);
    expect(errors.dispositif?.[0]).toMatch(/^Choisissez le dispositif envisagé/);
    expect(errors.protectionJuridique?.[0]).toMatch(/^Choisissez la mesure de protection juridique/);
  });

  it("refuses a NIR whose key is wrong", () => {
    const wrongKey = NIR_F_2005_03.slice(0, 13) + String((Number(NIR_F_2005_03.slice(13)) % 97) + 1).padStart(2, "0");
    expect(errorsOf({ ...valid, nir: wrongKey }).nir).toEqual([
      "Le numéro de sécurité sociale ne correspond pas à sa clé. Vérifiez les deux derniers chiffres.",
    ]);
  });

  it("refuses a NIR whose sex digit contradicts the sex", () => {
    expect(errorsOf({ ...valid, sexe: "M" }).nir).toBeUndefined();
    expect(errorsOf({ ...valid, sexe: "M", nir: NIR_F_2005_03 }).nir).toEqual([
      "Le premier chiffre du numéro de sécurité sociale (1 pour un homme, 2 pour une femme) ne correspond pas au sexe indiqué.",
    ]);
  });

  it("refuses a NIR whose birth year or month contradicts the birth date", () => {
    expect(errorsOf({ ...valid, dateNaissance: "2006-03-14", nir: NIR_F_2005_03 }).nir).toEqual([
      "Les 2e et 3e chiffres du numéro de sécurité sociale (05) ne correspondent pas à l'année de naissance indiquée (06).",
    ]);
    expect(errorsOf({ ...valid, dateNaissance: "2005-04-14", nir: NIR_F_2005_03 }).nir).toEqual([
      "Les 4e et 5e chiffres du numéro de sécurité sociale (03) ne correspondent pas au mois de naissance indiqué (04).",
    ]);
  });

  it("refuses a NIR of the wrong length", () => {
    expect(errorsOf({ ...valid, nir: "2 05 03 69" }).nir?.[0]).toMatch(/compte 15 caractères/);
  });

  it("refuses a young person of 27 without a RQTH", () => {
    const errors = errorsOf({ ...valid, dateNaissance: "1999-05-10", dispositif: "CEJ" });
    expect(errors.dateNaissance).toEqual([
      "Ce jeune a 27 ans : l'accompagnement est possible jusqu'à 25 ans révolus (29 ans pour un CEJ avec une RQTH).",
    ]);
  });

  it("accepts a young person of 27 with a RQTH in a CEJ, but not in a PACEA", () => {
    expect(errorsOf({ ...valid, dateNaissance: "1999-05-10", rqth: "on", dispositif: "CEJ" })).toEqual({});
    expect(errorsOf({ ...valid, dateNaissance: "1999-05-10", rqth: "on", dispositif: "PACEA" }).dateNaissance?.[0]).toMatch(
      /seul un CEJ est possible avec une RQTH/,
    );
  });

  it("refuses a young person of 15, and accepts them on their 16th birthday", () => {
    expect(errorsOf({ ...valid, dateNaissance: "2010-11-26" }).dateNaissance).toEqual([
      "Ce jeune a 15 ans : l'accompagnement est possible à partir de 16 ans.",
    ]);
    expect(errorsOf({ ...valid, dateNaissance: "2010-11-25" })).toEqual({});
  });

  it("accepts 25 révolus, until the day before the 26th birthday", () => {
    expect(errorsOf({ ...valid, dateNaissance: "2000-11-26", dispositif: "PACEA" })).toEqual({});
    expect(errorsOf({ ...valid, dateNaissance: "2000-11-25", dispositif: "PACEA" }).dateNaissance?.[0]).toMatch(/26 ans/);
  });

  it("refuses an impossible or future birth date", () => {
    expect(errorsOf({ ...valid, dateNaissance: "2005-02-30" }).dateNaissance).toEqual([
      "Saisissez une date de naissance valide au format AAAA-MM-JJ, par exemple 2006-03-14.",
    ]);
    expect(errorsOf({ ...valid, dateNaissance: "2027-01-01" }).dateNaissance).toEqual([
      "La date de naissance est postérieure à la date du jour : vérifiez-la.",
    ]);
  });

  it("refuses a bad phone number, postcode, e-mail and France Travail identifier", () => {
    const errors = errorsOf({ ...valid, telephone: "06 12 34", codePostal: "6900", email: "lea@exemple", ftIdentifiant: "12 34" });
    expect(errors.telephone).toEqual([
      "Le numéro de téléphone n'est pas valide : saisissez 10 chiffres, par exemple 06 12 34 56 78, ou le format international +33 6 12 34 56 78.",
    ]);
    expect(errors.codePostal).toEqual(["Le code postal doit compter 5 chiffres et exister en France, par exemple 69008."]);
    expect(errors.email).toEqual(["L'adresse e-mail n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr, sans espace."]);
    expect(errors.ftIdentifiant).toEqual([
      "L'identifiant France Travail compte 7 à 11 lettres ou chiffres, sans espace, par exemple 1234567A.",
    ]);
    expect(errorsOf({ ...valid, codePostal: "00100" }).codePostal).toBeDefined();
  });

  it("reports cross-field problems together with the other field errors", () => {
    const errors = errorsOf({ ...valid, nomNaissance: "", dateNaissance: "1999-05-10", nir: "1990512345678" + "00" });
    expect(Object.keys(errors).sort()).toEqual(["dateNaissance", "nir", "nomNaissance"]);
  });

  it("refuses an unknown option value (forged select)", () => {
    const errors = errorsOf({ ...valid, logement: "chateau", niveauQualification: "doctorat", antenneId: "pas-un-id" });
    expect(errors.logement).toEqual(["Choisissez une situation de logement dans la liste."]);
    expect(errors.niveauQualification).toEqual(["Choisissez un niveau de qualification dans la liste."]);
    expect(errors.antenneId).toEqual(["Choisissez l'antenne qui suit ce jeune."]);
  });

  it("refuses invisible control and text-direction characters in names and free text, on that field", () => {
    const errors = errorsOf({ ...valid, nomNaissance: "Dupont\u0000", prenoms: "Léa\u202e", commune: "\u2066Lyon", commentaire: "ok\nok" });
    expect(Object.keys(errors).sort()).toEqual(["commune", "nomNaissance", "prenoms"]);
    expect(errors.nomNaissance?.[0]).toMatch(/caractère de contrôle invisible/);
    expect(errors.prenoms?.[0]).toMatch(/sens d'écriture/);
    expect(errors.commune?.[0]).toMatch(/sens d'écriture/);
    expect(createSchema.parse({ ...valid, nomNaissance: "Nguyễn", prenoms: "محمد Thị" })).toMatchObject({
      nomNaissance: "NGUYỄN",
      prenoms: "محمد Thị",
    });
  });

  it("keeps the residence permit end date only for non-French nationals", () => {
    const french = createSchema.parse({ ...valid, titreSejourFin: "2027-06-30" });
    expect(french.titreSejourFin).toBeNull();
    const other = createSchema.parse({ ...valid, nationalite: "hors_ue", titreSejourFin: "2027-06-30" });
    expect(other.titreSejourFin).toBe("2027-06-30");
    expect(errorsOf({ ...valid, nationalite: "hors_ue", titreSejourFin: "2027-06-31" }).titreSejourFin?.[0]).toMatch(/AAAA-MM-JJ/);
    // Typed by hand where the browser has no date picker (lib/validation/fields).
    expect(createSchema.parse({ ...valid, nationalite: "hors_ue", titreSejourFin: "30/06/2027" }).titreSejourFin).toBe("2027-06-30");
  });
});

describe("updateJeuneSchema", () => {
  const base = { ...valid, id: "0195f0a0-0000-7000-8000-0000000000aa", version: "3" };

  it("does not apply the age limit to a dossier already followed", () => {
    expect(errorsOf({ ...base, dateNaissance: "1999-05-10", dispositif: "PACEA" }, updateSchema)).toEqual({});
  });

  it("needs the loaded version, and reads the confirmed one", () => {
    expect(errorsOf({ ...base, version: "" }, updateSchema).version).toBeDefined();
    const parsed = updateSchema.parse({ ...base, versionVue: "5", supprimerNir: "on" });
    expect(parsed).toMatchObject({ version: 3, versionVue: 5, supprimerNir: true });
    expect(updateSchema.parse({ ...base, versionVue: "" }).versionVue).toBeUndefined();
  });

  it("still checks a retyped NIR", () => {
    expect(errorsOf({ ...base, sexe: "M", nir: NIR_F_2005_03 }, updateSchema).nir?.[0]).toMatch(/premier chiffre/);
  });
});

describe("formatPhone", () => {
  it("groups national numbers by two and keeps international ones compact", () => {
    expect(formatPhone("06.12.34.56.78")).toBe("06 12 34 56 78");
    expect(formatPhone("+33 6 12 34 56 78")).toBe("+33612345678");
  });
});
