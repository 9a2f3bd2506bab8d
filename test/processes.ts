/**
 * Child processes for the fault tests on PostgreSQL: the real worker (`scripts/worker.ts`) and the burst
 * script (`test/burst-instance.ts`), each a Node process of its own with its own pool, run through tsx's
 * loader in the same process (a signal sent reaches the program itself, not a wrapper).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The URL of the test file's own database (test/db.ts creates one per file on TEST_DATABASE_URL's server). */
export async function databaseUrlOf(db: Db): Promise<string> {
  const [row] = (await db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return url.toString();
}

export interface Child {
  process: ChildProcess;
  /** stdout + stderr so far (for a failure message). */
  output(): string;
  /** Resolves with the exit code (a signal's death gives null) — at most once. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnScript(script: string, env: Record<string, string>, args: string[] = []): Child {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { process: child, output: () => out, exited };
}

/** The HTTPS channel for every recipient, towards one local receiver. */
export function httpsChannelEnv(url: string, token: string): Record<string, string> {
  return {
    TRANSMISSIONS_ADAPTER: "https",
    TRANSMISSIONS_HTTPS_URL_FRANCE_TRAVAIL: url,
    TRANSMISSIONS_HTTPS_URL_CNAM_CPAM: url,
    TRANSMISSIONS_HTTPS_URL_ASP: url,
    TRANSMISSIONS_HTTPS_TOKEN: token,
    TRANSMISSIONS_HTTPS_TIMEOUT_MS: "60000",
  };
}

export function spawnWorker(databaseUrl: string, env: Record<string, string>): Child {
  return spawnScript("scripts/worker.ts", { DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "3", ...env });
}

/** Polls until `check` is true, or fails after `timeoutMs` with `what`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Kills a child still running at the end of a test (never leaves one behind). */
export function killIfRunning(child: Child | undefined): void {
  if (child && child.process.exitCode === null && child.process.signalCode === null) child.process.kill("SIGKILL");
}
