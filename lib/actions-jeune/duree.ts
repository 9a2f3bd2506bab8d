/**
 * The optional duration of an action, typed the way people write it: "2 h", "1 h 30", "1h30", "45 min".
 * A bare number is refused: "2" could mean two hours or two minutes.
 */
export type DureeParse = { ok: true; minutes: number | null } | { ok: false; message: string };

const HOURS = /^(\d{1,3})\s*h(?:eures?)?\s*(?:(\d{1,2})\s*(?:min|mn)?)?$/i;
const MINUTES = /^(\d{1,5})\s*(?:min|mn|minutes?)$/i;

export const DUREE_MAX_MINUTES = 100_000;

export function parseDuree(raw: string | null | undefined): DureeParse {
  const text = (raw ?? "").trim().replace(/\s+/g, " ");
  if (text === "") return { ok: true, minutes: null };
  const hours = HOURS.exec(text);
  if (hours) {
    const m = hours[2] === undefined ? 0 : Number(hours[2]);
    if (m >= 60) return { ok: false, message: "Les minutes vont de 0 à 59 : écrivez par exemple « 1 h 30 »." };
    return bounded(Number(hours[1]) * 60 + m);
  }
  const minutes = MINUTES.exec(text);
  if (minutes) return bounded(Number(minutes[1]));
  if (/^\d+([.,]\d+)?$/.test(text))
    return { ok: false, message: "Précisez l'unité : « 2 h » pour deux heures, « 45 min » pour quarante-cinq minutes." };
  return { ok: false, message: "Durée non reconnue. Écrivez-la en heures et minutes, par exemple « 1 h 30 » ou « 45 min »." };
}

function bounded(minutes: number): DureeParse {
  if (minutes === 0)
    return { ok: false, message: "Une durée de zéro n'a pas de sens : laissez le champ vide si vous ne la connaissez pas." };
  if (minutes > DUREE_MAX_MINUTES) return { ok: false, message: "Cette durée est trop longue : vérifiez-la." };
  return { ok: true, minutes };
}

/** The value to put back in the form: "1 h 30" for 90 minutes, "" when unknown. */
export function dureeInputValue(minutes: number | null): string {
  if (minutes === null) return "";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}
