import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accessPackJobs, demandesDroits, type PackStatut } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session-user";

export interface MyPack {
  id: string;
  status: PackStatut;
  progress: number;
  createdAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
  numero: string | null;
}

/** My latest pack request (the session's file only); a ready pack past its date reads as expired before the worker's pass. */
export async function getMyLatestPack(user: SessionUser, now: Date = new Date()): Promise<MyPack | null> {
  if (user.role !== "jeune" || !user.jeuneId) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: accessPackJobs.id,
      status: accessPackJobs.status,
      progress: accessPackJobs.progress,
      createdAt: accessPackJobs.createdAt,
      readyAt: accessPackJobs.readyAt,
      expiresAt: accessPackJobs.expiresAt,
      numero: demandesDroits.numero,
    })
    .from(accessPackJobs)
    .leftJoin(demandesDroits, eq(demandesDroits.id, accessPackJobs.demandeId))
    .where(eq(accessPackJobs.jeuneId, user.jeuneId))
    .orderBy(desc(accessPackJobs.createdAt), desc(accessPackJobs.id))
    .limit(1);
  if (!row) return null;
  if (row.status === "pret" && row.expiresAt && row.expiresAt <= now) return { ...row, status: "expire" };
  return row;
}
