/**
 * « Inviter dans Mon espace », from the dossier: the invitation goes to the dossier's own e-mail address only
 * (nothing is typed at that moment), creates the young person's account when there is none (role jeune, no
 * password) or reuses it, and carries a single-use link valid 72 hours (sign_in_codes, purpose "invitation").
 */
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { signInCodes, structures, users } from "@/db/schema";
import { type ActionDefinition, theDossier } from "@/lib/actions/run";
import { CODE_PATH } from "@/lib/auth/code-paths";
import { revokeOpenCodes } from "@/lib/auth/code-sign-in";
import { normalizeEmail } from "@/lib/auth/credentials";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { INVITATION_LINK_TTL_MS, hashCode, newCode, newLinkToken, signInLink } from "@/lib/auth/sign-in-code";
import { inputJeune } from "@/lib/dossier/targets";
import { DomainError } from "@/lib/errors/domain-error";
import { appOrigin } from "@/lib/http/origin";
import { enqueueMail } from "@/lib/mail/outbox";
import { isMinor } from "./informations";
import { espaceInvitationMail } from "./invitation-mail";

export const ESPACE_INVITATION_MESSAGES = {
  noEmail: "Ce dossier n'a pas d'adresse e-mail : ajoutez-la dans le dossier (Modifier), puis envoyez l'invitation.",
  emailTaken:
    "Cette adresse e-mail est déjà celle d'un autre compte Sillage : l'invitation n'est pas partie. Vérifiez l'adresse du dossier avec le jeune.",
  inactive: "Le compte Mon espace de ce jeune est désactivé : l'invitation n'est pas partie. Rien n'a été enregistré.",
  tooMany: "Plusieurs invitations sont déjà parties pour ce jeune dans l'heure : attendez un peu avant d'en envoyer une autre.",
} as const;

export const espaceInvitationSchema = z.object({ jeuneId: z.uuid({ error: "Dossier introuvable." }) });

export interface EspaceInvitationResult {
  /** The address it was sent to (the dossier's), for the confirmation shown to the counsellor. */
  email: string;
  minor: boolean;
  accountCreated: boolean;
}

function emailError(message: string): DomainError {
  return new DomainError("invalid_input", { fieldErrors: { email: [message] } });
}

export const inviteToEspace: ActionDefinition<typeof espaceInvitationSchema, EspaceInvitationResult> = {
  name: "espace.invitation",
  schema: espaceInvitationSchema,
  capability: "jeunes.write",
  dossier: { jeuneIds: inputJeune, onglet: "identite" },
  async handler({ tx, user, dossiers }) {
    const { jeune, today, now } = theDossier(dossiers);
    if (!jeune.email) throw emailError(ESPACE_INVITATION_MESSAGES.noEmail);
    const email = normalizeEmail(jeune.email);

    // The account of this file, if any, then whoever else holds the address: one address, one account.
    const [linked] = await tx.select().from(users).where(eq(users.jeuneId, jeune.id)).for("update");
    const [other] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), linked ? ne(users.id, linked.id) : undefined));
    if (other) throw emailError(ESPACE_INVITATION_MESSAGES.emailTaken);

    let accountId: string;
    const fields = ["invitation"];
    if (linked) {
      if (!linked.active || linked.role !== "jeune") throw new DomainError("conflict", { message: ESPACE_INVITATION_MESSAGES.inactive });
      accountId = linked.id;
      if (linked.email !== email) {
        // The dossier's address changed since the account was made: the account follows it.
        await tx.update(users).set({ email, updatedAt: now }).where(eq(users.id, linked.id));
        fields.push("email");
      }
    } else {
      const [created] = await tx
        .insert(users)
        .values({
          email,
          name: `${jeune.prenoms} ${jeune.nomUsage ?? jeune.nomNaissance}`,
          role: "jeune",
          jeuneId: jeune.id,
          passwordHash: null,
        })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (!created) throw emailError(ESPACE_INVITATION_MESSAGES.emailTaken);
      accountId = created.id;
      fields.push("compte");
    }

    const limit = await hitRateLimit(tx, "invitation:account", accountId, now);
    if (!limit.ok) throw new DomainError("conflict", { message: ESPACE_INVITATION_MESSAGES.tooMany });

    // The invitation is a link only: its code column holds the hash of a code nobody is ever sent.
    await revokeOpenCodes(tx, accountId, "invitation", now);
    const { token, linkHash } = newLinkToken();
    const expiresAt = new Date(now.getTime() + INVITATION_LINK_TTL_MS);
    await tx.insert(signInCodes).values({
      userId: accountId,
      purpose: "invitation",
      codeHash: hashCode(email, newCode()),
      linkHash,
      createdBy: user.id,
      createdAt: now,
      expiresAt,
    });

    const minor = isMinor(jeune.dateNaissance, today);
    const [structure] = await tx.select({ name: structures.name }).from(structures).where(eq(structures.id, jeune.structureId));
    const origin = await appOrigin();
    const mail = espaceInvitationMail({
      to: email,
      prenoms: jeune.prenoms,
      structure: structure?.name ?? "votre mission locale",
      link: signInLink(origin, token),
      expiresAt,
      codePage: `${origin.replace(/\/+$/, "")}${CODE_PATH}`,
      minor,
    });
    await enqueueMail(tx, { ...mail, structureId: jeune.structureId, kind: "espace.invitation", jeuneId: jeune.id });

    return {
      data: { email, minor, accountCreated: fields.includes("compte") },
      audit: {
        action: "espace.invitation",
        targetType: "jeune",
        targetId: jeune.id,
        jeuneId: jeune.id,
        structureId: jeune.structureId,
        fields,
        meta: { compteCree: fields.includes("compte"), mineur: minor },
      },
    };
  },
  revalidate: (input) => [`/jeunes/${input.jeuneId}`],
};
