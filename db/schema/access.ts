import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { staffId } from "./foreign-keys";
import { structures } from "./structures";
import { roleEnum, users } from "./users";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const account = () =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

/**
 * One row per signed-in browser: the session cookie carries its id (`sid`), and every request reloads it
 * (lib/auth/session-account.ts). Revoking the row ends that session; bumping users.session_version ends all.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: account(),
    /** How the person proved who they are: "password", "oidc", "code" (Mon espace). */
    method: text("method").notNull(),
    /** What the identity provider asserted, for the single sign-on sessions. */
    acr: text("acr"),
    amr: text("amr").array(),
    /** When the second factor was checked in this session; null = not (yet) checked. */
    mfaAt: at("mfa_at"),
    /** The structure this session works in, for an account with several memberships; null = its own. */
    structureId: uuid("structure_id").references(() => structures.id, { onDelete: "set null" }),
    /** A device label derived from the User-Agent (browser and system), never the raw string nor the IP. */
    device: text("device"),
    createdAt: createdAt(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
    /** "sign_out", "revoked", "sign_out_everywhere", "deactivated", "idle"… */
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.revokedAt)],
);

/** A single-use link to choose a password (72 h); only the token's hash is kept. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    userId: account(),
    tokenHash: text("token_hash").notNull(),
    createdBy: staffId("created_by"),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("invitations_token_key").on(t.tokenHash), index("invitations_user_idx").on(t.userId)],
);

/** The TOTP second factor of a staff account (RFC 6238). The secret is encrypted like the NIR. */
export const userMfa = pgTable("user_mfa", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  /** null while the enrolment is not confirmed by a first code. */
  confirmedAt: at("confirmed_at"),
  /** The last accepted time step: a code is accepted once (a replay in its window is refused). */
  lastStep: bigint("last_step", { mode: "number" }),
  createdAt: createdAt(),
});

/** Ten single-use recovery codes per enrolment, stored hashed. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: id(),
    userId: account(),
    codeHash: text("code_hash").notNull(),
    usedAt: at("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);

/**
 * Account × structure × role: a staff account may work for several missions locales (a DPO shared by two).
 * users.structure_id stays the account's home structure (the one it was created in).
 */
export const memberships = pgTable(
  "memberships",
  {
    userId: account(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => structures.id, { onDelete: "restrict" }),
    role: roleEnum("role").notNull(),
    createdBy: staffId("created_by"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.structureId] }), index("memberships_structure_idx").on(t.structureId, t.role)],
);

/**
 * Fixed-window counters shared by every app instance: sign-in per IP and per account, invitations, password
 * choice, code entry (lib/auth/rate-limit.ts). The key is a keyed hash, never the IP or the address.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    keyHash: text("key_hash").notNull(),
    hits: integer("hits").notNull().default(0),
    windowStartedAt: at("window_started_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.keyHash] }), index("rate_limits_window_idx").on(t.windowStartedAt)],
);

/** An identity at an OpenID Connect provider linked to a staff account (first SSO sign-in of an invited account). */
export const ssoIdentities = pgTable(
  "sso_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: account(),
    linkedAt: createdAt(),
    lastUsedAt: at("last_used_at"),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), uniqueIndex("sso_identities_user_issuer_key").on(t.userId, t.issuer)],
);

export type UserSession = typeof userSessions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
