/**
 * The TOTP second factor of staff accounts: enrolment, the check at sign-in (a code or a recovery code),
 * new recovery codes, and the admin's reset of a lost factor. Code entry is rate-limited around these
 * definitions (lib/mfa/attempt.ts): a refused code rolls its transaction back, the count stays.
 * Audit entries name the act and the method, never a code or the secret.
 */
import { and, count, eq, isNull } from "drizzle-orm";
import { mfaRecoveryCodes, userMfa, users } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/run";
import type { AuditInput } from "@/lib/audit/write";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { DomainError } from "@/lib/errors/domain-error";
import { openEnrolment } from "./enrolment";
import { newRecoveryCodes, normalizeRecoveryCode } from "./recovery";
import { enrolmentSchema, recoverySchema, resetSchema, verifySchema } from "./schema";
import {
  acceptTotp,
  lockFactor,
  MFA_MESSAGES,
  markSessionVerified,
  replaceRecoveryCodes,
  sealTotpSecret,
  spendRecoveryCode,
} from "./store";
import { checkTotp, normalizeTotpInput } from "./totp";

const OWN_FACTOR = { none: "the caller's own second factor and session, about nobody's file" };

export const MFA_RESET_NOT_FOUND = "Ce compte est introuvable : rechargez la page.";
export const MFA_RESET_SELF =
  "Vous ne pouvez pas réinitialiser votre propre double authentification : demandez-le à un autre administrateur.";
export const MFA_RESET_NONE = "Ce compte n'a pas de double authentification activée. Rien n'a été modifié.";

export interface RecoveryCodesResult {
  /** Shown once, never stored in clear. */
  recoveryCodes: string[];
}

function entry(action: string, userId: string, meta?: AuditInput["meta"]): AuditInput {
  return { action, targetType: "user", targetId: userId, ...(meta && { meta }) };
}

/** The first code from the new app proves the secret was copied right: the factor and ten recovery codes are stored. */
export const confirmMfaEnrolment: ActionDefinition<typeof enrolmentSchema, RecoveryCodesResult> = {
  name: "mfa.enrolment",
  schema: enrolmentSchema,
  capability: "mfa.self",
  dossier: OWN_FACTOR,
  async handler({ tx, user, input }) {
    const now = new Date();
    const offer = openEnrolment(input.enrolment, user.id, now);
    if (!offer) {
      throw new DomainError("conflict", {
        message: "Ce QR code a expiré. Rechargez la page pour en obtenir un nouveau, puis recommencez.",
      });
    }
    // An enrolled factor is never replaced from here: a stolen password alone must not swap it.
    if (await lockFactor(tx, user.id)) throw new DomainError("conflict", { message: MFA_MESSAGES.alreadyEnrolled });
    const check = checkTotp(offer.key, normalizeTotpInput(input.code), now, null);
    if (!check.ok) throw new DomainError("invalid_input", { fieldErrors: { code: [MFA_MESSAGES.invalid] } });
    const [stored] = await tx
      .insert(userMfa)
      .values({ userId: user.id, secret: sealTotpSecret(offer.secret, user.id), confirmedAt: now, lastStep: check.step, createdAt: now })
      .onConflictDoUpdate({
        target: userMfa.userId,
        set: { secret: sealTotpSecret(offer.secret, user.id), confirmedAt: now, lastStep: check.step, createdAt: now },
        // Only a leftover unconfirmed row is overwritten; a concurrent confirmation wins once.
        setWhere: isNull(userMfa.confirmedAt),
      })
      .returning({ userId: userMfa.userId });
    if (!stored) throw new DomainError("conflict", { message: MFA_MESSAGES.alreadyEnrolled });
    const recoveryCodes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, user.id, recoveryCodes, now);
    await markSessionVerified(tx, user, now);
    return {
      data: { recoveryCodes },
      audit: [entry("mfa.enrolment", user.id), entry("auth.mfa", user.id, { methode: "totp" })],
    };
  },
};

/** A code of the authenticator app, once: the session may then open pages. */
export const verifyMfaCode: ActionDefinition<typeof verifySchema, { verified: true }> = {
  name: "auth.mfa",
  schema: verifySchema,
  capability: "mfa.self",
  dossier: OWN_FACTOR,
  async handler({ tx, user, input }) {
    const now = new Date();
    await acceptTotp(tx, user.id, input.code, now);
    await markSessionVerified(tx, user, now);
    return { data: { verified: true }, audit: entry("auth.mfa", user.id, { methode: "totp" }) };
  },
};

/** A recovery code instead of the app (phone lost or out of battery): each works once. */
export const useRecoveryCode: ActionDefinition<typeof recoverySchema, { remaining: number }> = {
  name: "auth.mfa_recovery",
  schema: recoverySchema,
  capability: "mfa.self",
  dossier: OWN_FACTOR,
  async handler({ tx, user, input }) {
    const now = new Date();
    await spendRecoveryCode(tx, user.id, normalizeRecoveryCode(input.recoveryCode), now);
    await markSessionVerified(tx, user, now);
    const [left] = await tx
      .select({ n: count() })
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.userId, user.id), isNull(mfaRecoveryCodes.usedAt)));
    const remaining = left?.n ?? 0;
    return { data: { remaining }, audit: entry("auth.mfa", user.id, { methode: "code_de_secours", codesRestants: remaining }) };
  },
};

/** Ten new recovery codes, the old ones void; a current code of the app is asked first. */
export const regenerateRecoveryCodes: ActionDefinition<typeof verifySchema, RecoveryCodesResult> = {
  name: "mfa.recovery_codes",
  schema: verifySchema,
  capability: "mfa.self",
  dossier: OWN_FACTOR,
  async handler({ tx, user, input }) {
    const now = new Date();
    await acceptTotp(tx, user.id, input.code, now);
    const recoveryCodes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, user.id, recoveryCodes, now);
    return { data: { recoveryCodes }, audit: entry("mfa.recovery_codes", user.id) };
  },
  revalidate: () => ["/compte/double-authentification"],
};

/**
 * A lost second factor, reset by an admin: the factor and its codes are deleted and every session of the
 * account closed, so its next sign-in enrols a new one. Never one's own (another admin must do it).
 */
export const resetMfa: ActionDefinition<typeof resetSchema, { id: string }> = {
  name: "compte.mfa_reset",
  schema: resetSchema,
  capability: "comptes.mfa_reset",
  dossier: { none: "acts on a staff account's second factor, never on a young person's file" },
  async handler({ tx, user, input }) {
    const [target] = await tx
      .select({ id: users.id, role: users.role, structureId: users.structureId })
      .from(users)
      .where(eq(users.id, input.compteId))
      .for("update");
    if (!target || target.role === "jeune") throw new DomainError("not_found", { message: MFA_RESET_NOT_FOUND });
    if (target.id === user.id) throw new DomainError("forbidden", { message: MFA_RESET_SELF });
    const deleted = await tx.delete(userMfa).where(eq(userMfa.userId, target.id)).returning({ confirmedAt: userMfa.confirmedAt });
    if (!deleted[0]?.confirmedAt) throw new DomainError("conflict", { message: MFA_RESET_NONE });
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, target.id));
    const closed = await revokeAllSessions(tx, target.id, "revoked");
    return {
      data: { id: target.id },
      audit: {
        action: "compte.mfa_reset",
        targetType: "user",
        targetId: target.id,
        structureId: target.structureId,
        fields: ["mfa", "recoveryCodes", "sessions"],
        meta: { sessionsFermees: closed },
      },
    };
  },
  revalidate: (input) => [`/admin/comptes/${input.compteId}`],
};
