/**
 * A line of "Le parcours de mes données" named in a URL or a form (`?ligne=consultation:42`): its kind
 * and its id, never anything personal. Whether it belongs to the person is checked on the server
 * (journey-queries.ts, lib/droits/intake-writes.ts).
 */
import { z } from "zod";

export const LINE_KINDS = ["envoi", "consultation", "modification"] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export interface LineRef {
  kind: LineKind;
  /** A transfer's uuid, or the bigserial of a consultation or an audit entry (as text). */
  id: string;
}

const uuid = z.uuid();
const serial = z.string().regex(/^[1-9][0-9]{0,17}$/);

/** "envoi:<uuid>", "consultation:<n>", "modification:<n>"; anything else is null. */
export function parseLineRef(value: unknown): LineRef | null {
  if (typeof value !== "string" || value.length > 80) return null;
  const [kind, id, ...rest] = value.split(":");
  if (rest.length > 0 || !id) return null;
  if (kind === "envoi") return uuid.safeParse(id).success ? { kind, id } : null;
  if (kind === "consultation" || kind === "modification") return serial.safeParse(id).success ? { kind, id } : null;
  return null;
}

export function formatLineRef(ref: LineRef): string {
  return `${ref.kind}:${ref.id}`;
}
