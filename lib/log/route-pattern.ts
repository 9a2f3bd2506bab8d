import fs from "node:fs";
import path from "node:path";

interface ManifestRoute {
  page: string;
  regex: string;
}

/** The route's pattern (`/jeunes/[id]/parcours`), never the path itself: ids, tokens and the query stay out. */
export type RouteMatcher = (pathname: string) => string;

const ID_LIKE = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Za-z0-9_-]{20,})$/i;

/** Without a route table: every segment that looks like an id, a number or a token becomes `[id]`. */
export function maskPath(pathname: string): string {
  const clean = pathname.split("?")[0]!.split("#")[0]!;
  return clean
    .split("/")
    .map((segment) => (segment && (ID_LIKE.test(segment) || segment.length > 40 || /%|@|\s/.test(segment)) ? "[id]" : segment))
    .join("/");
}

/**
 * Matches a path against the production build's route table (`.next/routes-manifest.json`: static routes
 * by equality, dynamic ones by Next's own regexes, in its order); paths it does not know fall back to
 * `maskPath`. Read once; a missing table (development, tests) means the fallback alone.
 */
export function routeMatcher(manifestPath = path.join(process.cwd(), ".next", "routes-manifest.json")): RouteMatcher {
  let statics = new Set<string>();
  let dynamics: { page: string; regex: RegExp }[] = [];
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as {
      staticRoutes?: ManifestRoute[];
      dynamicRoutes?: ManifestRoute[];
    };
    statics = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
    dynamics = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  } catch {
    // no build here: masking only
  }
  return (pathname) => {
    const clean = pathname.split("?")[0]!.split("#")[0]!;
    const bare = clean.length > 1 ? clean.replace(/\/+$/, "") : clean;
    if (statics.has(bare)) return bare;
    for (const d of dynamics) if (d.regex.test(bare)) return d.page;
    return maskPath(bare);
  };
}
