/** Shared reads and writes of the rights-request actions (inside their transaction). */
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { demandeEvenements, demandePauses, demandesDroits, jeunes, structures, type DemandeDroits } from "@/db/schema";
import { assertSameStructure, type SessionUser } from "@/lib/auth/session-user";
import type { CivilDate } from "@/lib/calendar/civil-date";
import { DomainError } from "@/lib/errors/domain-error";
import type { MailKind } from "@/lib/mail/kinds";
import { enqueueMail } from "@/lib/mail/outbox";
import type { IdentityPause } from "./deadline";
import { letterToText, type Letter, type LetterContext } from "./letters";
import { renderLetterPdf } from "./pdf";
import { clockOf, formatNumero, type DemandeState } from "./rules";

export const DEMANDE_NOT_FOUND = "Cette demande est introuvable ou vous n'y avez pas accès.";
export const DEMANDE_CONFLICT =
  "Cette demande a été modifiée par quelqu'un d'autre pendant que vous la traitiez. Rechargez la page : rien n'a été enregistré.";

/**
 * Next number of the structure for that year. The structure row is locked first, so two requests
 * recorded at the same time in one structure wait for each other instead of taking the same number
 * (the unique constraint on (structure_id, numero) backs this up).
 */
export async function allocateNumero(tx: Tx, structureId: string, year: number): Promise<string> {
  await tx.select({ id: structures.id }).from(structures).where(eq(structures.id, structureId)).for("update");
  const [row] = await tx
    .select({ last: sql<number | null>`max(split_part(${demandesDroits.numero}, '-', 2)::int)` })
    .from(demandesDroits)
    .where(and(eq(demandesDroits.structureId, structureId), sql`${demandesDroits.numero} like ${`${year}-%`}`));
  return formatNumero(year, Number(row?.last ?? 0) + 1);
}

/** The request, if it belongs to the caller's structure (admin: any); else "not found". */
export async function loadDemande(db: DbOrTx, user: SessionUser, demandeId: string): Promise<DemandeDroits> {
  const [row] = await db.select().from(demandesDroits).where(eq(demandesDroits.id, demandeId));
  if (!row) throw new DomainError("not_found", { message: DEMANDE_NOT_FOUND });
  try {
    assertSameStructure(user, row.structureId);
  } catch {
    throw new DomainError("not_found", { message: DEMANDE_NOT_FOUND });
  }
  return row;
}

export async function loadPauses(db: DbOrTx, demandeId: string) {
  return db
    .select()
    .from(demandePauses)
    .where(eq(demandePauses.demandeId, demandeId))
    .orderBy(asc(demandePauses.demandeeLe), asc(demandePauses.createdAt));
}

export function toIdentityPauses(rows: { demandeeLe: CivilDate; recueLe: CivilDate | null }[]): IdentityPause[] {
  return rows.map((p) => ({ from: p.demandeeLe, to: p.recueLe }));
}

export function stateOf(d: DemandeDroits, pauses: { recueLe: CivilDate | null }[]): DemandeState {
  return {
    statut: d.statut,
    pauseOuverte: pauses.some((p) => p.recueLe === null),
    prolongee: d.prolongeeLe !== null,
    identiteVerifiee: d.identiteVerifieeLe !== null,
  };
}

/** The deadline after this change: pauses and extension as they will be. */
export function echeanceAfter(d: Pick<DemandeDroits, "recueLe">, pauses: IdentityPause[], prolongee: boolean): CivilDate | null {
  return clockOf({ recueLe: d.recueLe, pauses, prolongee }).echeance;
}

/** Compare-and-set on `version`: a stale form never overwrites another person's step. */
export async function updateDemande(
  tx: Tx,
  d: DemandeDroits,
  expectedVersion: number,
  values: Partial<typeof demandesDroits.$inferInsert>,
): Promise<DemandeDroits> {
  if (d.version !== expectedVersion) throw new DomainError("conflict", { message: DEMANDE_CONFLICT });
  const [row] = await tx
    .update(demandesDroits)
    .set({ ...values, version: sql`${demandesDroits.version} + 1`, updatedAt: new Date() })
    .where(and(eq(demandesDroits.id, d.id), eq(demandesDroits.version, expectedVersion)))
    .returning();
  if (!row) throw new DomainError("conflict", { message: DEMANDE_CONFLICT });
  return row;
}

export async function addEvent(tx: Tx, demandeId: string, type: string, par: string | null, message: string): Promise<void> {
  await tx.insert(demandeEvenements).values({ demandeId, type, par, message });
}

/** Structure and young person a letter is addressed from and to. */
export async function loadLetterContext(db: DbOrTx, d: DemandeDroits): Promise<LetterContext & { email: string | null }> {
  const [structure] = await db
    .select({ name: structures.name, commune: structures.commune, dpoEmail: structures.dpoEmail })
    .from(structures)
    .where(eq(structures.id, d.structureId));
  const [jeune] = d.jeuneId
    ? await db
        .select({
          prenoms: jeunes.prenoms,
          nomNaissance: jeunes.nomNaissance,
          nomUsage: jeunes.nomUsage,
          adresse: jeunes.adresse,
          codePostal: jeunes.codePostal,
          commune: jeunes.commune,
          email: jeunes.email,
          anonymisedAt: jeunes.anonymisedAt,
        })
        .from(jeunes)
        .where(eq(jeunes.id, d.jeuneId))
    : [];
  if (!structure) throw new DomainError("unexpected");
  const person = jeune && !jeune.anonymisedAt ? jeune : null;
  return {
    structure,
    jeune: person
      ? {
          prenoms: person.prenoms,
          nomNaissance: person.nomNaissance,
          nomUsage: person.nomUsage,
          adresse: person.adresse,
          codePostal: person.codePostal,
          commune: person.commune,
        }
      : null,
    demande: { numero: d.numero, type: d.type, recueLe: d.recueLe, finalite: d.finalite },
    email: person?.email ?? null,
  };
}

/**
 * Queues a letter (with its PDF) in the action's transaction: it is sent right after the commit, and retried by
 * the worker if that fails (lib/mail/outbox.ts). A rolled-back action queues nothing.
 */
export async function queueLetter(
  tx: Tx,
  d: Pick<DemandeDroits, "id" | "structureId" | "jeuneId">,
  mail: { kind: MailKind; to: string; replyTo: string; letter: Letter; withPdf?: boolean },
): Promise<string> {
  const pdf = (mail.withPdf ?? true) ? await renderLetterPdf(mail.letter) : null;
  return enqueueMail(tx, {
    structureId: d.structureId,
    kind: mail.kind,
    demandeId: d.id,
    jeuneId: d.jeuneId,
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.letter.title,
    text: letterToText(mail.letter),
    attachments: pdf ? [{ filename: `${mail.letter.slug}.pdf`, content: pdf, contentType: "application/pdf" }] : [],
  });
}
