/**
 * Invitations: a single-use link, valid 72 hours, to choose the password of a staff account. The token
 * (32 random bytes, base64url) exists only in the link; the database keeps its SHA-256. Database steps shared
 * by the invitation writes (lib/comptes/invitation-writes.ts), the public page and the first-admin bootstrap.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { invitations, structures, users } from "@/db/schema";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format/fr";
import { enqueueMail } from "@/lib/mail/outbox";
import type { MailMessage } from "@/lib/mail/send";

export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;
export const INVITATION_PATH = "/invitation";

export const INVALID_LINK =
  "Ce lien n'est plus valable : il a déjà servi, il a été remplacé par une nouvelle invitation ou il a expiré. Demandez une nouvelle invitation à votre responsable.";

/** 32 random bytes in base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function invitationLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}${INVITATION_PATH}/${token}`;
}

export interface InvitedAccount {
  id: string;
  name: string;
  email: string;
  role: Role;
  structureId: string | null;
}

export function invitationMail(
  account: InvitedAccount & { structureName: string | null },
  link: string,
  expiresAt: Date,
  inviter: string | null,
): MailMessage {
  const where = account.structureName ? ` pour ${account.structureName}` : "";
  const who = inviter ? `${inviter} vous a créé un compte` : "Un compte vous a été créé";
  return {
    to: account.email,
    subject: "Votre compte Sillage : choisissez votre mot de passe",
    text: [
      `Bonjour ${account.name},`,
      "",
      `${who} sur Sillage, le portail des missions locales${where}, avec le rôle « ${ROLE_LABELS[account.role]} ».`,
      "",
      "Pour choisir votre mot de passe, ouvrez ce lien :",
      link,
      "",
      `Ce lien ne sert qu'une fois et reste valable jusqu'au ${formatDateTime(expiresAt)} (72 heures).`,
      "S'il n'est plus valable, demandez une nouvelle invitation à votre responsable.",
      "",
      "Si vous n'attendiez pas ce message, ignorez-le : sans mot de passe choisi, le compte reste inutilisable.",
    ].join("\n"),
  };
}

/**
 * Writes the invitation and its e-mail in the caller's transaction. An account of a structure goes through the
 * mail outbox (sent after the commit, retried by the worker); an admin's has no structure to file the message
 * under (mail_messages.structure_id), so it is sent once after the commit — the link can be sent again.
 */
export async function issueInvitation(
  tx: Tx,
  account: InvitedAccount,
  options: { createdBy: string | null; inviter: string | null; origin: string; now?: Date },
): Promise<{ invitationId: string; link: string; expiresAt: Date; mail: MailMessage; mailId: string }> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const { token, tokenHash } = newInvitationToken();
  const [row] = await tx
    .insert(invitations)
    .values({ userId: account.id, tokenHash, createdBy: options.createdBy, createdAt: now, expiresAt })
    .returning({ id: invitations.id });
  if (!row) throw new Error("invitation not written");
  const structureName = account.structureId
    ? ((await tx.select({ name: structures.name }).from(structures).where(eq(structures.id, account.structureId)))[0]?.name ?? null)
    : null;
  const link = invitationLink(options.origin, token);
  const mail = invitationMail({ ...account, structureName }, link, expiresAt, options.inviter);
  // Through the outbox for every account, an admin's too (a platform message, no structure): retried if it fails.
  const mailId = await enqueueMail(tx, { ...mail, structureId: account.structureId, kind: "compte.invitation" });
  return { invitationId: row.id, link, expiresAt, mail, mailId };
}

/** Revokes the account's invitations still open (not used, not revoked); how many. */
export async function revokeOpenInvitations(tx: Tx, userId: string, now: Date = new Date()): Promise<number> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length;
}

/** Open = neither used nor revoked, and not expired at `now`. */
function openAt(now: Date) {
  return and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));
}

/**
 * The account a link invites, while the link is open and the account active without a password; null otherwise
 * (unknown, used, revoked, expired: one answer, so nothing tells them apart).
 */
export async function findInvitation(db: DbOrTx, token: string, now: Date = new Date()) {
  if (!isTokenShaped(token)) return null;
  const [row] = await db
    .select({
      invitationId: invitations.id,
      expiresAt: invitations.expiresAt,
      user: users,
      structureName: structures.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .leftJoin(structures, eq(structures.id, users.structureId))
    .where(and(eq(invitations.tokenHash, hashInvitationToken(token)), openAt(now), eq(users.active, true), isNull(users.passwordHash)));
  return row ?? null;
}

/**
 * Marks the link used, once: the condition is re-checked by the update itself, so of two concurrent acceptances
 * only one gets a row back.
 */
export async function claimInvitation(tx: Tx, token: string, userId: string, now: Date = new Date()): Promise<boolean> {
  if (!isTokenShaped(token)) return false;
  const rows = await tx
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.tokenHash, hashInvitationToken(token)), eq(invitations.userId, userId), openAt(now)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export type InvitationStatus = "envoyee" | "acceptee" | "revoquee" | "expiree";

export interface InvitationView {
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** The state of an invitation at `now`. Pure. */
export function invitationStatus(row: Pick<InvitationView, "usedAt" | "revokedAt" | "expiresAt">, now: Date): InvitationStatus {
  if (row.usedAt) return "acceptee";
  if (row.revokedAt) return "revoquee";
  return row.expiresAt > now ? "envoyee" : "expiree";
}

/** The account's latest invitation, with its state; null when it never had one. */
export async function latestInvitation(db: DbOrTx, userId: string, now: Date = new Date()): Promise<InvitationView | null> {
  const [row] = await db
    .select({
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(eq(invitations.userId, userId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1);
  return row ? { ...row, status: invitationStatus(row, now) } : null;
}

/** SQL: the account (users row of the query) has no password and an open invitation — for the accounts list. */
export function pendingInvitationSql(now: Date = new Date()) {
  return sql<boolean>`(${users.passwordHash} is null and exists (select 1 from ${invitations} where ${invitations.userId} = ${users.id} and ${invitations.usedAt} is null and ${invitations.revokedAt} is null and ${invitations.expiresAt} > ${now.toISOString()}::timestamptz))`;
}
