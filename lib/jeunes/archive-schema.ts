import { z } from "zod";
import { optionalText, version as versionField } from "@/lib/validation/fields";

export const ARCHIVE_MOTIFS = {
  sortie_emploi: "Sortie vers l'emploi",
  formation: "Entrée en formation",
  demenagement: "Déménagement",
  fin_de_dispositif: "Fin de dispositif",
  abandon: "Abandon",
  deces: "Décès",
  autre: "Autre motif",
} as const;

export type ArchiveMotif = keyof typeof ARCHIVE_MOTIFS;

const version = versionField("Version du dossier manquante : rechargez la page.");

export const archiveSchema = z
  .object({
    jeuneId: z.uuid(),
    version,
    motif: z.enum(Object.keys(ARCHIVE_MOTIFS) as [ArchiveMotif, ...ArchiveMotif[]], { error: "Choisissez le motif de l'archivage." }),
    detail: optionalText({ max: 500, tooLong: "500 caractères au plus.", multiline: true }),
  })
  .superRefine((input, ctx) => {
    if (input.motif === "autre" && !input.detail) ctx.addIssue({ code: "custom", path: ["detail"], message: "Précisez le motif." });
  });

export const restoreSchema = z.object({ jeuneId: z.uuid(), version });
