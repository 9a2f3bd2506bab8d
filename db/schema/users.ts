import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { antennes, structures } from "./structures";

export const roleEnum = pgEnum("role", ["admin", "directeur", "conseiller", "dpo", "jeune"]);
export type Role = (typeof roleEnum.enumValues)[number];

/**
 * Accounts: staff and young people. Every staff account belongs to one structure (admin: none = all);
 * a young person's account points at their dossier (jeune_id, set once the dossier table exists).
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    /** Display name, e.g. "Camille Martin". */
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    structureId: uuid("structure_id").references(() => structures.id, { onDelete: "restrict" }),
    antenneId: uuid("antenne_id").references(() => antennes.id, { onDelete: "set null" }),
    jeuneId: uuid("jeune_id"),
    /** argon2id hash; null for accounts that sign in without a password. */
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    /** Bumped to revoke every session of the account (deactivation, role change, password change). */
    sessionVersion: integer("session_version").notNull().default(1),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true, mode: "date" }),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true, mode: "date" }),
    /** Set when the retention rule replaced the name and address of an account whose access ended long ago. */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_structure_idx").on(t.structureId, t.role),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_staff_structure", sql`${t.role} in ('admin', 'jeune') or ${t.structureId} is not null`),
  ],
);

/**
 * Failed sign-in counter per key (a hash of the email, so unknown addresses are throttled exactly like
 * known ones and the response never reveals whether an account exists).
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  keyHash: text("key_hash").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "date" }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
});

export type User = typeof users.$inferSelect;
