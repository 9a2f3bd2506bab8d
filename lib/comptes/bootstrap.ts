/**
 * The first admin of a fresh database (`npm run admin:bootstrap`): an account and its invitation, printed by
 * the script and sent through the mail settings. Refused as soon as an active admin exists — from then on,
 * accounts are invited from /admin/comptes.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write";
import { DomainError } from "@/lib/errors/domain-error";
import { deliverMail, type MailSender } from "@/lib/mail/outbox";
import { INVITATION_MESSAGES, inviteSchema } from "./invitation-schema";
import { issueInvitation } from "./invitations";

export const ADMIN_EXISTS =
  "Un compte administrateur actif existe déjà : cette commande ne sert qu'à créer le premier. Invitez les autres comptes depuis la page Comptes des équipes.";

const bootstrapSchema = inviteSchema.pick({ name: true, email: true });

export interface BootstrapResult {
  id: string;
  link: string;
  expiresAt: Date;
  /** false when the e-mail could not be sent (the printed link still works). */
  mailSent: boolean;
}

export async function bootstrapFirstAdmin(
  db: Db,
  raw: { email?: string; name?: string },
  options: { origin: string; now?: Date; send?: MailSender },
): Promise<BootstrapResult> {
  const parsed = bootstrapSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("invalid_input", { message: parsed.error.issues.map((i) => `--${String(i.path[0])} : ${i.message}`).join("\n") });
  }
  const { email, name } = parsed.data;
  const now = options.now ?? new Date();
  const issued = await db.transaction(async (tx) => {
    // Two bootstraps at once: the second waits here, then sees the first one's admin.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sillage.admin-bootstrap'))`);
    const [admin] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true)))
      .limit(1);
    if (admin) throw new DomainError("conflict", { message: ADMIN_EXISTS });
    const [account] = await tx
      .insert(users)
      .values({ email, name, role: "admin", structureId: null, active: true, passwordHash: null })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role, structureId: users.structureId });
    if (!account) throw new DomainError("invalid_input", { message: `--email : ${INVITATION_MESSAGES.emailTaken}` });
    const invitation = await issueInvitation(tx, account, { createdBy: null, inviter: null, origin: options.origin, now });
    await writeAudit(tx, null, {
      action: "compte.invitation",
      targetType: "user",
      targetId: account.id,
      structureId: null,
      fields: ["name", "email", "role", "invitation"],
      meta: { role: "admin", premierAdministrateur: true },
    });
    return { id: account.id, ...invitation };
  });
  // After the commit, the queued message is sent at once; if it fails the worker retries it, and the script
  // prints the link anyway.
  const report = await deliverMail(db, { onlyIds: [issued.mailId], ...(options.send ? { send: options.send } : {}) }).catch(() => null);
  const mailSent = report?.envoyes === 1;
  return { id: issued.id, link: issued.link, expiresAt: issued.expiresAt, mailSent };
}
