import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { mfaRecoveryCodes, userMfa, userSessions } from "@/db/schema";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";
import { DomainError } from "@/lib/errors/domain-error";
import { recoveryCodeHash } from "./recovery";
import { checkTotp, decodeTotpKey, normalizeTotpInput } from "./totp";

export const MFA_MESSAGES = {
  invalid:
    "Ce code ne correspond pas. Saisissez le code affiché maintenant par votre application (vérifiez que l'heure de votre téléphone est juste).",
  replayed: "Ce code a déjà été utilisé. Attendez que votre application affiche le code suivant (30 secondes au plus), puis saisissez-le.",
  recoveryInvalid:
    "Ce code de secours n'est pas valable ou a déjà servi. Chaque code ne marche qu'une fois : essayez-en un autre de votre liste.",
  notEnrolled: "La double authentification n'est pas activée pour ce compte : rechargez la page.",
  alreadyEnrolled: "La double authentification est déjà activée pour ce compte. Rien n'a été modifié : rechargez la page.",
} as const;

export function sealTotpSecret(secret: string, userId: string): string {
  return sealSecret("mfa-secret", secret, userId);
}

/** The account's confirmed factor, locked: two codes submitted at once are checked one after the other. */
export async function lockFactor(tx: Tx, userId: string) {
  const [row] = await tx.select().from(userMfa).where(eq(userMfa.userId, userId)).for("update");
  return row?.confirmedAt ? row : null;
}

/**
 * Accepts a TOTP code once: its step must come after the last one accepted, which it becomes.
 * Refused on the `code` field (nothing written: the transaction rolls back).
 */
export async function acceptTotp(tx: Tx, userId: string, rawCode: string, now: Date): Promise<void> {
  const factor = await lockFactor(tx, userId);
  if (!factor) throw new DomainError("conflict", { message: MFA_MESSAGES.notEnrolled });
  const secret = openSecret("mfa-secret", factor.secret, userId);
  if (!secret) throw new Error("mfa secret cannot be opened");
  const check = checkTotp(decodeTotpKey(secret), normalizeTotpInput(rawCode), now, factor.lastStep);
  if (!check.ok) throw new DomainError("invalid_input", { fieldErrors: { code: [MFA_MESSAGES[check.reason]] } });
  await tx.update(userMfa).set({ lastStep: check.step }).where(eq(userMfa.userId, userId));
}

/** Spends one recovery code (a single atomic update: two requests with the same code cannot both pass). */
export async function spendRecoveryCode(tx: Tx, userId: string, normalized: string | null, now: Date): Promise<void> {
  const rows = normalized
    ? await tx
        .update(mfaRecoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(mfaRecoveryCodes.userId, userId),
            eq(mfaRecoveryCodes.codeHash, recoveryCodeHash(normalized)),
            isNull(mfaRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: mfaRecoveryCodes.id })
    : [];
  if (rows.length === 0) throw new DomainError("invalid_input", { fieldErrors: { recoveryCode: [MFA_MESSAGES.recoveryInvalid] } });
}

/** Replaces the account's recovery codes by these (hashed); the old ones stop working at once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string, codes: string[], now: Date): Promise<void> {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx
    .insert(mfaRecoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code.replace("-", "")), createdAt: now })));
}

/** This browser's session has now checked its second factor. */
export async function markSessionVerified(tx: Tx, user: { id: string; sessionId: string | null }, now: Date): Promise<void> {
  if (!user.sessionId) return;
  await tx
    .update(userSessions)
    .set({ mfaAt: now })
    .where(and(eq(userSessions.id, user.sessionId), eq(userSessions.userId, user.id)));
}
