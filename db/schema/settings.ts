import { date, index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { staffId } from "./foreign-keys";
import { structures } from "./structures";

/**
 * Values that the law moves (allowance amounts, hour weights, sanction ladders, retention periods),
 * each with the civil date from which it applies. The value in force on day D is the row with the
 * greatest effective_from <= D. structure_id null = national value.
 */
export const settings = pgTable(
  "settings",
  {
    id: id(),
    key: text("key").notNull(),
    structureId: uuid("structure_id").references(() => structures.id, { onDelete: "cascade" }),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    value: jsonb("value").notNull(),
    /** Where the value comes from (text of reference), or why it is to be confirmed. */
    source: text("source").notNull(),
    toConfirm: text("to_confirm"),
    createdBy: staffId("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("settings_key_scope_date_key").on(t.key, t.structureId, t.effectiveFrom).nullsNotDistinct(),
    index("settings_key_date_idx").on(t.key, t.effectiveFrom),
  ],
);

export type SettingRow = typeof settings.$inferSelect;
