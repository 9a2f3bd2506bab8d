import { z } from "zod";
import { optionalText } from "@/lib/validation/fields";
import { DEFAULT_ONGLET, DOSSIER_ONGLETS } from "./onglets";
import { CONSULTATION_MOTIFS } from "./motifs";

export const MOTIF_DETAIL_MAX = 500;

/** The break-glass form: why this dossier is opened outside one's portfolio. */
export const breakGlassSchema = z
  .object({
    jeuneId: z.uuid({ error: "Ce dossier est introuvable." }),
    // The tab to open afterwards; a tampered value just opens the default tab.
    onglet: z.enum(DOSSIER_ONGLETS).catch(DEFAULT_ONGLET),
    motif: z.enum(CONSULTATION_MOTIFS, { error: "Choisissez le motif pour lequel vous ouvrez ce dossier." }),
    motifDetail: optionalText({
      max: MOTIF_DETAIL_MAX,
      tooLong: (length) =>
        `La précision ne doit pas dépasser ${MOTIF_DETAIL_MAX} caractères : vous en avez saisi ${length}. Raccourcissez-la.`,
      multiline: true,
    }),
  })
  .superRefine((value, ctx) => {
    if (value.motif === "autre" && !value.motifDetail) {
      ctx.addIssue({
        code: "custom",
        path: ["motifDetail"],
        message: "Précisez le motif : c'est obligatoire quand vous choisissez « Autre motif ».",
      });
    }
  });

export type BreakGlassInput = z.output<typeof breakGlassSchema>;
