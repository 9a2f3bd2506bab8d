/** zod schemas shared by the agenda's forms and actions. Times are Paris wall-clock, turned into instants here. */
import { z } from "zod";
import { addMonths, compare, isValidCivilDate, todayInParis } from "@/lib/calendar/civil-date";
import { optionalText, text, version as versionField } from "@/lib/validation/fields";
import { parisToInstant } from "@/lib/calendar/paris-time";
import { ANNULATION_MOTIFS, MARKED_PRESENCES, MAX_CAPACITE, SEANCE_TYPES, type AnnulationMotif, type MarkedPresence } from "./rules";

const seanceId = z.uuid({ error: "Séance introuvable : rechargez la page." });
const version = versionField("Version manquante : rechargez la page.");

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const seanceFields = {
  type: z.enum(SEANCE_TYPES, { error: "Choisissez le type de séance." }),
  titre: text({
    required: "Donnez un titre à la séance.",
    min: { length: 3, message: "Donnez un titre à la séance, en quelques mots (3 caractères au moins)." },
    max: 120,
    tooLong: "120 caractères au plus.",
  }),
  date: z.string({ error: "Indiquez la date." }).trim().min(1, "Indiquez la date."),
  heureDebut: z.string({ error: "Indiquez l'heure de début." }).trim().min(1, "Indiquez l'heure de début."),
  heureFin: z.string({ error: "Indiquez l'heure de fin." }).trim().min(1, "Indiquez l'heure de fin."),
  lieu: optionalText({ max: 200, tooLong: "200 caractères au plus." }),
  animateurId: z.uuid({ error: "Choisissez qui anime la séance." }),
  capacite: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "Indiquez un nombre de places." })
      .int("Indiquez un nombre entier de places.")
      .min(1, "Il faut au moins une place.")
      .max(MAX_CAPACITE, `${MAX_CAPACITE} places au plus.`)
      .optional(),
  ),
  jeuneId: z.preprocess(emptyToUndefined, z.uuid({ error: "Choisissez le jeune dans la liste." }).optional()),
};

/** Date + times → instants, with the checks a person understands (date, summer-time gap, end after start). */
function withInstants<
  T extends {
    type: (typeof SEANCE_TYPES)[number];
    date: string;
    heureDebut: string;
    heureFin: string;
    capacite?: number;
    jeuneId?: string;
  },
>(input: T, ctx: z.RefinementCtx): (T & { debut: Date; fin: Date }) | null {
  let ok = true;
  const issue = (path: string, message: string) => {
    ctx.addIssue({ code: "custom", path: [path], message });
    ok = false;
  };
  if (!isValidCivilDate(input.date)) issue("date", "Cette date n'existe pas. Saisissez-la sous la forme JJ/MM/AAAA.");
  else {
    const today = todayInParis(new Date());
    if (compare(input.date, addMonths(today, -12)) < 0) issue("date", "La date remonte à plus d'un an : vérifiez-la.");
    else if (compare(input.date, addMonths(today, 24)) > 0) issue("date", "La date est à plus de deux ans : vérifiez-la.");
  }
  if (input.type === "rendez_vous_individuel" && !input.jeuneId) issue("jeuneId", "Choisissez le jeune reçu en rendez-vous.");
  if (input.type !== "rendez_vous_individuel" && input.capacite === undefined)
    issue("capacite", "Indiquez le nombre de places de la séance.");
  const debut = parisToInstant(input.date, input.heureDebut);
  const fin = parisToInstant(input.date, input.heureFin);
  const timeMessage = (r: { ok: false; reason: "invalid" | "nonexistent" }) =>
    r.reason === "invalid"
      ? "Saisissez une heure sous la forme HH:MM, par exemple 14:30."
      : "Cette heure n'existe pas ce jour-là (passage à l'heure d'été) : choisissez 3 h ou plus tard.";
  if (isValidCivilDate(input.date)) {
    if (!debut.ok) issue("heureDebut", timeMessage(debut));
    if (!fin.ok) issue("heureFin", timeMessage(fin));
  }
  if (!ok || !debut.ok || !fin.ok) return null;
  if (fin.instant.getTime() <= debut.instant.getTime()) {
    issue("heureFin", "L'heure de fin doit être après l'heure de début.");
    return null;
  }
  return { ...input, debut: debut.instant, fin: fin.instant };
}

export const createSeanceSchema = z.object(seanceFields).transform((v, ctx) => {
  const out = withInstants(v, ctx);
  if (!out) return z.NEVER;
  return {
    ...out,
    capacite: out.type === "rendez_vous_individuel" ? null : (out.capacite ?? null),
    jeuneId: out.type === "rendez_vous_individuel" ? (out.jeuneId ?? null) : null,
  };
});

export const updateSeanceSchema = z.object({ seanceId, version, ...seanceFields }).transform((v, ctx) => {
  const out = withInstants(v, ctx);
  if (!out) return z.NEVER;
  return {
    ...out,
    capacite: out.type === "rendez_vous_individuel" ? null : (out.capacite ?? null),
    jeuneId: out.type === "rendez_vous_individuel" ? (out.jeuneId ?? null) : null,
  };
});

export const addParticipantSchema = z.object({ seanceId, jeuneId: z.uuid({ error: "Choisissez le jeune à inscrire dans la liste." }) });

export const removeParticipantSchema = z.object({
  seanceId,
  participationId: z.uuid({ error: "Participant introuvable : rechargez la page." }),
  version,
});

export const cancelSeanceSchema = z.object({
  seanceId,
  version,
  motif: z.enum(Object.keys(ANNULATION_MOTIFS) as [AnnulationMotif, ...AnnulationMotif[]], {
    error: "Choisissez pourquoi la séance est annulée.",
  }),
});

export const closeSeanceSchema = z.object({ seanceId, version });

export interface AttendanceLine {
  participationId: string;
  version: number;
  /** undefined: left unanswered, the participant stays "prévu". */
  presence: MarkedPresence | undefined;
  motif: string | null;
}

/** Why an absence is excused, one line per participant. */
const motif = optionalText({ max: 500, tooLong: "500 caractères au plus." });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The attendance form posts, per participant, `version_<id>`, `presence_<id>` (radio) and `motif_<id>`;
 * errors come back keyed by those names so each shows next to its participant.
 */
export const attendanceSchema = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const parsedSeance = seanceId.safeParse(raw.seanceId);
  if (!parsedSeance.success) {
    ctx.addIssue({ code: "custom", path: ["_form"], message: "Séance introuvable : rechargez la page." });
    return z.NEVER;
  }
  const lignes: AttendanceLine[] = [];
  for (const key of Object.keys(raw)) {
    if (!key.startsWith("version_")) continue;
    const id = key.slice("version_".length);
    if (!UUID.test(id)) continue;
    const v = Number(raw[key]);
    if (!Number.isInteger(v) || v < 1) {
      ctx.addIssue({ code: "custom", path: [`presence_${id}`], message: "Version manquante : rechargez la page." });
      continue;
    }
    const presenceRaw = raw[`presence_${id}`];
    let presence: MarkedPresence | undefined;
    if (presenceRaw !== undefined && presenceRaw !== "") {
      if (typeof presenceRaw !== "string" || !(MARKED_PRESENCES as readonly string[]).includes(presenceRaw)) {
        ctx.addIssue({ code: "custom", path: [`presence_${id}`], message: "Choisissez présent, absent excusé ou absent non excusé." });
        continue;
      }
      presence = presenceRaw as MarkedPresence;
    }
    const parsedMotif = motif.safeParse(typeof raw[`motif_${id}`] === "string" ? raw[`motif_${id}`] : undefined);
    if (!parsedMotif.success) {
      for (const issue of parsedMotif.error.issues) ctx.addIssue({ code: "custom", path: [`motif_${id}`], message: issue.message });
      continue;
    }
    const excuse = parsedMotif.data;
    // The reason only explains an excused absence; it is dropped for any other answer.
    lignes.push({ participationId: id, version: v, presence, motif: presence === "absent_excuse" ? excuse : null });
  }
  if (lignes.length === 0) {
    ctx.addIssue({ code: "custom", path: ["_form"], message: "Aucun participant dans le formulaire : rechargez la page." });
    return z.NEVER;
  }
  return { seanceId: parsedSeance.data, lignes };
});
