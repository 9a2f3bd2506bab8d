/**
 * The absolute origin of links sent by e-mail (an invitation): APP_URL when set — always set it in production,
 * behind a proxy the Host header is whatever the client sent — else the origin of the current request, else
 * the development server's.
 */
export const DEFAULT_APP_URL = "http://localhost:3000";

function configured(): string | null {
  const raw = process.env.APP_URL?.trim();
  if (!raw || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
}

/** From the request headers of a server action or page; null outside a request (scripts, tests). */
async function fromRequest(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host");
    if (!host || !/^[A-Za-z0-9.[\]:-]{1,255}$/.test(host)) return null;
    const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
    return `${proto}://${host}`;
  } catch {
    return null;
  }
}

export async function appOrigin(): Promise<string> {
  return configured() ?? (await fromRequest()) ?? DEFAULT_APP_URL;
}
