import { describe, expect, it } from "vitest";
import { dossierAlerts, type DossierAlertInput } from "./alerts";

const base: DossierAlertInput = {
  today: "2026-11-25",
  viewerId: "viewer",
  jeune: {
    dateNaissance: "2004-05-10",
    titreSejourFin: null,
    statut: "actif",
    archiveMotif: null,
    archiveDetail: null,
    archivedAt: null,
    conseiller: "Julien Roche",
  },
  affectationTemporaire: null,
};

const keys = (input: DossierAlertInput) => dossierAlerts(input).map((a) => a.key);

describe("dossier alerts", () => {
  it("says nothing for an adult with nothing special", () => {
    expect(dossierAlerts(base)).toEqual([]);
  });

  it("flags a minor until the day before the 18th birthday", () => {
    expect(keys({ ...base, jeune: { ...base.jeune, dateNaissance: "2008-11-26" } })).toEqual(["mineur"]);
    expect(keys({ ...base, jeune: { ...base.jeune, dateNaissance: "2008-11-25" } })).toEqual([]);
  });

  it("warns 30 days ahead of the end of a titre de séjour and flags an expired one as an error", () => {
    const titre = (fin: string) => dossierAlerts({ ...base, jeune: { ...base.jeune, titreSejourFin: fin } });
    expect(titre("2026-12-26")).toEqual([]);
    expect(titre("2026-12-25")).toMatchObject([{ key: "titre_sejour", tone: "warning", title: expect.stringContaining("dans 30 jours") }]);
    expect(titre("2026-11-25")).toMatchObject([{ tone: "warning", title: "Le titre de séjour prend fin aujourd'hui" }]);
    expect(titre("2026-11-24")).toMatchObject([{ tone: "error", title: "Titre de séjour expiré depuis le mardi 24 novembre 2026" }]);
  });

  it("tells the substitute the dossier is theirs for a while, and anyone else who replaces whom", () => {
    const affectationTemporaire = { versConseillerId: "viewer", versConseiller: "Camille Martin", fin: "2026-12-04" };
    expect(dossierAlerts({ ...base, affectationTemporaire })).toMatchObject([
      {
        key: "remplacement",
        title: "Ce jeune vous est confié temporairement jusqu'au vendredi 4 décembre 2026 inclus",
        text: "Son conseiller titulaire est Julien Roche.",
      },
    ]);
    expect(dossierAlerts({ ...base, viewerId: "someone-else", affectationTemporaire })).toMatchObject([
      { key: "remplacement", text: "Camille Martin suit ce jeune pendant l'absence de Julien Roche." },
    ]);
  });

  it("puts the archive banner first, with its motive and date", () => {
    const alerts = dossierAlerts({
      ...base,
      jeune: {
        ...base.jeune,
        dateNaissance: "2010-01-01",
        statut: "archive",
        archiveMotif: "sortie_emploi",
        archiveDetail: "CDI",
        archivedAt: new Date("2026-11-20T09:00:00Z"),
      },
    });
    expect(alerts.map((a) => a.key)).toEqual(["archive", "mineur"]);
    expect(alerts[0]).toMatchObject({ title: "Dossier archivé le 20 novembre 2026 à 10 h 00", text: "Motif : Sortie vers l'emploi — CDI" });
  });

  it("warns that nothing is transmitted while a limitation is in force", () => {
    const alerts = dossierAlerts({
      ...base,
      jeune: { ...base.jeune, limitationDepuis: new Date("2026-03-12T10:00:00Z"), limitationDemande: "2026-0042" },
    });
    expect(alerts).toMatchObject([
      {
        key: "limitation",
        tone: "warning",
        title: "Limitation en cours depuis le jeudi 12 mars 2026",
        text: expect.stringContaining("Demande n° 2026-0042"),
      },
    ]);
  });

  it("reminds the viewer when they opened the dossier outside their portfolio", () => {
    expect(keys({ ...base, reasonGivenAt: new Date("2026-11-25T08:00:00Z") })).toEqual(["break_glass"]);
  });
});
