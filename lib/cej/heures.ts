/** Hours as French users write them: "3 h", "1 h 30", "45 min" (never "1.5 h"). */
export function formatHeures(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`Durée invalide : ${minutes}`);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return m === 0 ? "0 h" : `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}
