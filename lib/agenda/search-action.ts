"use server";

import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { stripUnsafeChars } from "@/lib/validation/fields";
import { searchJeunes, type Option } from "./queries";

/** Cleaned rather than refused: control and text-direction characters go (lib/validation/fields). */
const querySchema = z.string().transform(stripUnsafeChars).pipe(z.string().trim().min(2).max(60));

/**
 * The young-person picker's search, as a server action (POST): the typed name never lands in a URL,
 * a log line or the browser history. Limited to the caller's structure, like every agenda read.
 */
export async function searchJeunesAction(query: string): Promise<{ ok: true; options: Option[] } | { ok: false; message: string }> {
  const user = await getSessionUser();
  if (!user || !can(user.role, "agenda.write") || !user.structureId)
    return { ok: false, message: "Vous n'avez pas les droits nécessaires pour cette recherche." };
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) return { ok: false, message: "Tapez au moins deux lettres du nom ou du prénom." };
  return { ok: true, options: await searchJeunes(user, parsed.data) };
}
