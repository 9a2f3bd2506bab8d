import { isIPv4, isIPv6 } from "node:net";
import { env } from "@/lib/env";

/**
 * The client's address, as the rate limits count it (lib/auth/rate-limit.ts).
 *
 * `next start` sets `x-forwarded-for` to the socket's address only when the request carries none
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`, next/dist/server/base-server.js): the page
 * renders, the server actions (`headers()`) and the route handlers (Auth.js's own endpoints) all read that
 * header. Each reverse proxy in front appends the address it received the request from, so with `hops`
 * trusted proxies the client is the `hops`-th entry from the right; what lies further left was written
 * by the client and is never trusted. Without a proxy (hops = 0) the last entry is the socket's address —
 * or, if the client sent the header itself, its own words: run Sillage behind a proxy in production.
 *
 * An IPv6 client is counted per /64 (one subscriber's network: an attacker gets a whole /64 for free).
 * An unreadable header gives "unknown", one shared bucket rather than no limit.
 */
export function clientIp(headers: Pick<Headers, "get">, hops: number = env().TRUST_PROXY_HOPS): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNKNOWN_IP;
  // Fewer entries than proxies: the request skipped one of them, so the leftmost is the nearest truth there is.
  const entry = entries[Math.max(0, entries.length - Math.max(1, hops))] ?? "";
  return normalizeIp(entry) ?? UNKNOWN_IP;
}

export const UNKNOWN_IP = "unknown";

/** "203.0.113.7", "2001:db8:1:2::/64", or null when the text is no address. Ports, brackets and zones are dropped. */
export function normalizeIp(raw: string): string | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, "").toLowerCase();
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return null;
  const groups = expandIPv6(text);
  // An IPv4 client seen through a dual-stack socket ("::ffff:203.0.113.7") is that IPv4 client.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted IPv4 part included). */
function expandIPv6(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a, b, c, d] = dotted[1].split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => Number.parseInt(g, 16));
}
