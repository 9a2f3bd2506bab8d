#!/usr/bin/env node
// postgres.js 3.4.9 crashes the process when a query is written to a connection whose socket has just
// closed (a backend terminated inside a transaction, a restart, a proxy dropping the link): the deferred
// write runs on `socket = null` and throws from a setImmediate, out of every try/catch
// (porsager/postgres#1154, #1208; fixes proposed in #1168, #1209, not released). Run after every install
// (`postinstall`): the deferred write settles the waiting queries with CONNECTION_CLOSED instead, and the
// teardown forgets the deferred write (so the next one is scheduled again) and rejects a query whose
// bytes it dropped. Idempotent; exits 1 if the
// driver's code is not the expected one (a new version: check whether it still needs this).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "node_modules", "postgres");
const MARK = "/* sillage: closed-socket guard */";
const WRITE = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
const GUARDED = `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;
const CLOSED = `    clearImmediate(nextWriteTimer)
    socket.removeListener('data', data)`;
const CLOSED_RESET = `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null
    socket.removeListener('data', data)`;
// A query written between the socket's error and its close lost its bytes with the deferred write: it is
// rejected too (the error handler had only rejected the queries before it).
const CLOSED_REJECT = "    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))";
const CLOSED_REJECT_ALL = "    ;(query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))";

if (!existsSync(root)) process.exit(0);
const version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version;
let failed = false;
for (const file of ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"]) {
  const full = path.join(root, file);
  if (!existsSync(full)) continue;
  const source = readFileSync(full, "utf8");
  if (source.includes(MARK)) continue;
  if (!source.includes(WRITE) || !source.includes(CLOSED) || !source.includes(CLOSED_REJECT)) {
    console.error(`patch-postgres: postgres ${version}, ${file} is not the expected code; check porsager/postgres#1208 and this script.`);
    failed = true;
    continue;
  }
  writeFileSync(full, source.replace(WRITE, GUARDED).replace(CLOSED, CLOSED_RESET).replace(CLOSED_REJECT, CLOSED_REJECT_ALL));
}
process.exit(failed ? 1 : 0);
