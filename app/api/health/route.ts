import { healthResponse } from "@/lib/ops/health";

// Every probe asks the database now: never a cached answer.
export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return healthResponse();
}
