import type { DataMapContext } from "./context";

/** The demo settings (db/seed/settings.ts) as a context, for unit tests. */
export const TEST_CONTEXT: DataMapContext = {
  today: "2026-11-25",
  retention: {
    dossierAgeMaxAns: 25,
    dossierAnneesApresAgeMax: 2,
    cejAnneesApresFin: 10,
    comptePersonnelAnneesApresFin: 1,
    fseAnneesApresDernierEnregistrement: 19,
    journauxConnexionMois: 7,
  },
  c2sStartDate: "2026-07-01",
};
