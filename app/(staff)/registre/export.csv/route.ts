import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/session";
import { registerExport } from "@/lib/data-map/export";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return registerExport(await getDb(), await getSessionUser(), "csv", new Date());
}
