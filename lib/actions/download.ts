/**
 * `runDownload`, the audited-read twin of `runAction`, for every PDF/CSV/JSON route handler:
 * session → capability → parsed params → one transaction (the dossier gate, which records the
 * consultation; the file; its audit entry) → a Response that is an attachment, never cached.
 * Refusals are plain French texts with 401/403/404; a file is never built for a caller who may not have it.
 */
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { can, type Capability } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { type AuditInput, writeAudit } from "@/lib/audit/write";
import { type DossierExemption, type DossierState, type OpenedDossier, openDossier } from "@/lib/dossier/gate";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import { logger } from "@/lib/log/logger";
import { errorCode, isConnectionLoss } from "@/lib/errors/connection";
import { messageFor } from "@/lib/errors/messages";
import type { NoDossier } from "./run";

export type DownloadType = "pdf" | "csv" | "json" | "png" | "jpeg";

const CONTENT_TYPES: Record<DownloadType, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  png: "image/png",
  jpeg: "image/jpeg",
};

/**
 * A body read after the transaction has committed (the gate, the audit entry and any count are done):
 * `chunks()` yields the file piece by piece — each piece from its own short query (keyset pages) — so a
 * large export never sits whole in memory and holds no transaction while the client downloads it.
 */
export interface StreamedBody {
  chunks: () => AsyncIterable<string>;
}

export interface DownloadFile {
  body: Uint8Array | string | StreamedBody;
  type: DownloadType;
  /** Never personal data in it: downloads folders and mail attachments are seen by others. */
  filename: string;
  audit: AuditInput | AuditInput[];
}

export interface DownloadDossier<P> {
  /** The file the document is about (null: the document concerns nobody's file, e.g. after a lookup). */
  jeuneId: (params: P, tx: Tx, user: SessionUser) => string | null | Promise<string | null>;
  /** What the consultation records as opened (a tab slug, "acces"…). */
  onglet: string;
  states?: readonly DossierState[];
  exempt?: DossierExemption;
}

export interface DownloadDefinition<S extends z.ZodType> {
  name: string;
  /** Every capability listed is required. */
  capability: Capability | readonly Capability[];
  /** The route's params (and search params) — anything malformed is a 404, like a missing document. */
  params: S;
  dossier: DownloadDossier<z.output<S>> | NoDossier;
  /** French text of the 404 ("Document introuvable."). */
  notFound?: string;
  /** Builds the file in the transaction; null when there is nothing to download (404). */
  render: (ctx: { tx: Tx; user: SessionUser; params: z.output<S>; dossier: OpenedDossier | null }) => Promise<DownloadFile | null>;
}

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** Ends the transaction without writing anything, carrying the response to give. */
class Refusal extends Error {
  constructor(readonly response: Response) {
    super("download refused");
  }
}

export async function runDownload<S extends z.ZodType>(
  def: DownloadDefinition<S>,
  raw: unknown,
  user: SessionUser | null,
  options: { requestId?: string } = {},
): Promise<Response> {
  const notFound = () => text(def.notFound ?? "Document introuvable.", 404);
  if (!user) return text("Connectez-vous pour télécharger ce document.", 401);
  const capabilities: readonly Capability[] = typeof def.capability === "string" ? [def.capability] : def.capability;
  if (!capabilities.every((c) => can(user.role, c))) return text("Accès refusé : vous ne pouvez pas télécharger ce document.", 403);
  const parsed = def.params.safeParse(raw);
  if (!parsed.success) return notFound();

  try {
    const db = await getDb();
    const file = await db.transaction(async (tx) => {
      let dossier: OpenedDossier | null = null;
      if (!("none" in def.dossier)) {
        const target = def.dossier;
        const jeuneId = await target.jeuneId(parsed.data, tx, user);
        if (!jeuneId) throw new Refusal(notFound());
        const opened = await openDossier(tx, user, jeuneId, "download", {
          onglet: target.onglet,
          states: target.states ?? ["archive", "anonymise"],
          exempt: target.exempt,
        });
        if (!opened.ok) {
          throw new Refusal(
            opened.refusal === "reason_required"
              ? text("Ouvrez d'abord le dossier en indiquant le motif de votre consultation.", 403)
              : notFound(),
          );
        }
        dossier = opened.dossier;
      }
      const rendered = await def.render({ tx, user, params: parsed.data, dossier });
      if (!rendered) throw new Refusal(notFound());
      await writeAudit(tx, user, rendered.audit, options.requestId);
      return rendered;
    });
    const body =
      typeof file.body === "string"
        ? file.body
        : file.body instanceof Uint8Array
          ? Buffer.from(file.body)
          : streamOf(file.body, def.name, options.requestId);
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[file.type],
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        // Files sent by people (uploads) are served as their checked type, never sniffed into something else.
        "X-Content-Type-Options": "nosniff",
        // Personal data: never kept by a shared cache or the browser's back-forward cache.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof Refusal) return error.response;
    if (isDomainError(error)) return error.code === "forbidden" ? text(error.message, 403) : notFound();
    if (isConnectionLoss(error)) {
      logger.warn(
        { download: def.name, requestId: options.requestId, err: { type: (error as Error)?.name, code: errorCode(error) } },
        "download interrupted: database connection lost",
      );
      return text(`${messageFor("connection_lost")} (référence : ${options.requestId ?? "inconnue"})`, 503);
    }
    logger.error({ download: def.name, requestId: options.requestId, err: { type: (error as Error)?.name } }, "download failed");
    return text(`Le document n'a pas pu être préparé. Réessayez dans un instant (référence : ${options.requestId ?? "inconnue"}).`, 500);
  }
}

/**
 * The streamed body as a ReadableStream pulled by the client: one chunk read ahead at most (backpressure),
 * the iterator closed when the client goes away. A failure after the headers are sent cannot change the
 * status: the stream errors, so the download ends as failed rather than silently short.
 */
function streamOf(body: StreamedBody, name: string, requestId: string | undefined): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = body.chunks()[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          logger.error({ download: name, requestId, err: { type: (error as Error)?.name } }, "streamed download failed");
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** A domain error for a render that finds the caller may not have this document after all. */
export const downloadForbidden = (message: string) => new DomainError("forbidden", { message });
