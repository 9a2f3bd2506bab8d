import type { SignInMethod } from "@/lib/auth/sessions";
import { formatDateTime } from "@/lib/format/fr";

/** How the person signed in, as the sessions list says it. */
export const METHOD_LABELS: Record<SignInMethod, string> = {
  password: "Mot de passe",
  oidc: "ProConnect",
  code: "Code reçu par e-mail",
};

export function methodLabel(method: string): string {
  return METHOD_LABELS[method as SignInMethod] ?? method;
}

/** "à l'instant", "il y a 3 min", "il y a 2 h", "il y a 3 jours": the last activity, roughly. */
export function sinceLabel(at: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return "à l'instant";
  if (minutes < 60) return `il y a ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `il y a ${hours} h`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "il y a 1 jour" : `il y a ${days} jours`;
}

export function sessionsCount(n: number): string {
  return n === 0 ? "aucune session" : n === 1 ? "1 session" : `${n} sessions`;
}

/** A session as a page shows it, every date worded on the server (the browser has no clock to disagree with). */
export interface SessionView {
  id: string;
  device: string;
  method: string;
  opened: string;
  lastSeen: string;
  current: boolean;
}

export function toSessionView(
  row: { id: string; device: string; method: string; createdAt: Date; lastSeenAt: Date; current?: boolean },
  now: Date,
): SessionView {
  return {
    id: row.id,
    device: row.device,
    method: methodLabel(row.method),
    opened: formatDateTime(row.createdAt),
    lastSeen: sinceLabel(row.lastSeenAt, now),
    current: row.current ?? false,
  };
}
