/**
 * `npm run test:bench`: keeps `npm run bench` working in CI, without timing anything. With
 * TEST_DATABASE_URL (the PostgreSQL of the integration tests), creates a fresh database next to it,
 * lets the bench seed it at a small size (BENCH_STRUCTURES 6, BENCH_JEUNES 1 500, BENCH_BIG 800), runs
 * every case twice (app and baseline compared deep-equal: a difference fails), then drops the database.
 * Without TEST_DATABASE_URL it says so and passes (the PGlite suite has no PostgreSQL to bench).
 * Targets are printed, never enforced here (no BENCH_STRICT). The HTTP part needs a production build on
 * the bench database: run it by hand (README, « Passer à l'échelle »).
 */
import { spawnSync } from "node:child_process";
import postgres from "postgres";

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.info("test:bench : TEST_DATABASE_URL absent, banc non exécuté (il demande PostgreSQL).");
  process.exit(0);
}
const name = `sillage_bench_ci_${process.pid}`;
const admin = postgres(url, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
let status = 1;
try {
  const target = new URL(url);
  target.pathname = `/${name}`;
  const result = spawnSync("npm", ["run", "--silent", "bench"], {
    stdio: "inherit",
    env: {
      ...process.env,
      BENCH_DATABASE_URL: target.toString(),
      BENCH_STRUCTURES: process.env.BENCH_STRUCTURES ?? "6",
      BENCH_JEUNES: process.env.BENCH_JEUNES ?? "1500",
      BENCH_BIG: process.env.BENCH_BIG ?? "800",
      BENCH_RUNS: process.env.BENCH_RUNS ?? "2",
      BENCH_WARMUP: process.env.BENCH_WARMUP ?? "1",
      BENCH_REPORT_DIR: process.env.BENCH_REPORT_DIR ?? "reports/bench-ci",
      BENCH_STRICT: "",
      BENCH_BASE_URL: "",
    },
  });
  status = result.status ?? 1;
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 5 });
}
process.exit(status);
