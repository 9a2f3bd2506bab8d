import { logger } from "./logger";

interface RequestErrorContext {
  routePath: string;
  routeType: string;
  renderSource?: string;
}

/**
 * One line per server error Next catches (instrumentation.ts): the digest the error page shows as its
 * reference, with the request id proxy.ts gave the request, so a reference quoted by a user leads to
 * the request's other lines. The route's pattern, never its path (it may hold a search) nor the message.
 */
export function logRequestError(
  error: unknown,
  request: { method: string; headers: Record<string, string | string[] | undefined> },
  context: RequestErrorContext,
): void {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  const header = request.headers["x-request-id"];
  logger.error(
    {
      digest,
      requestId: Array.isArray(header) ? header[0] : header,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      renderSource: context.renderSource,
      err: { type: error instanceof Error ? error.name : typeof error },
    },
    "request failed",
  );
}
