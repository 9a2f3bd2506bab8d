import diagnostics_channel from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "./logger";
import { type RouteMatcher, routeMatcher } from "./route-pattern";

interface HttpMessage {
  request: IncomingMessage;
  response: ServerResponse;
}

/** Next's own assets: one line each would drown the requests people make. */
const QUIET = /^\/(?:_next\/(?:static|image)|favicon\.ico|icon\.svg|apple-touch-icon\.png|robots\.txt)/;

/**
 * The fields of one request's line: its id (proxy.ts's X-Request-Id), method, route pattern, status and
 * duration. Never the path, the query, a header value or an address: they can hold ids, tokens, names.
 */
export function requestLine(
  request: Pick<IncomingMessage, "method" | "url">,
  response: Pick<ServerResponse, "statusCode" | "getHeader">,
  durationMs: number,
  route: RouteMatcher,
): Record<string, string | number | undefined> | null {
  const url = request.url ?? "/";
  if (QUIET.test(url)) return null;
  const id = response.getHeader("x-request-id");
  return {
    requestId: typeof id === "string" ? id : undefined,
    method: request.method,
    route: route(url),
    status: response.statusCode,
    durationMs: Math.round(durationMs),
  };
}

type GlobalWithLog = typeof globalThis & { __sillageRequestLog?: boolean };

/**
 * One structured line per HTTP request of this Node process, written when the response has finished.
 * Next has no hook that sees the status (proxy.ts runs before the route), so this listens to Node's own
 * `http.server.request.start` / `http.server.response.finish` diagnostics channels, which every
 * `http.Server` (so `next start`) publishes. Installed once per process from instrumentation.ts.
 */
export function installRequestLog(route: RouteMatcher = routeMatcher()): void {
  const store = globalThis as GlobalWithLog;
  if (store.__sillageRequestLog) return;
  store.__sillageRequestLog = true;
  const started = new WeakMap<ServerResponse, number>();
  diagnostics_channel.subscribe("http.server.request.start", (message) => {
    started.set((message as HttpMessage).response, performance.now());
  });
  diagnostics_channel.subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as HttpMessage;
    const start = started.get(response);
    const line = requestLine(request, response, start === undefined ? 0 : performance.now() - start, route);
    if (line) logger.info(line, "request");
  });
}
