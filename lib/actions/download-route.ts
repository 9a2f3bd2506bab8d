import "server-only";
import type { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { type DownloadDefinition, runDownload } from "./download";

/**
 * A route handler's GET for a download definition: the session from the cookie, the route params and
 * the query string as the raw params (the definition's schema parses them), the request id for the audit.
 */
export function downloadRoute<S extends z.ZodType>(def: DownloadDefinition<S>) {
  return async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const raw = { ...query, ...(await context.params) };
    return runDownload(def, raw, await getSessionUser(), { requestId: request.headers.get("x-request-id") ?? undefined });
  };
}
