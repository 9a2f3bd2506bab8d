import type { Db, Tx } from "@/db/client";

/** Work to do once a transaction has committed (never inside it): e.g. send the e-mails it queued. */
export type AfterCommit = (db: Db) => Promise<void>;

const hooks = new WeakMap<Tx, AfterCommit[]>();

/**
 * Registers `fn` to run after `tx` commits. Only transactions opened by runAction run their hooks; in any
 * other one (a seed, the worker) the hook is dropped, so it must be best effort — work that must happen
 * also has a durable row a worker picks up (the mail outbox).
 */
export function afterCommit(tx: Tx, fn: AfterCommit): void {
  const list = hooks.get(tx);
  if (list) list.push(fn);
  else hooks.set(tx, [fn]);
}

/** The hooks registered on `tx`, removed from it (runAction calls this once the transaction is over). */
export function takeAfterCommit(tx: Tx): AfterCommit[] {
  const list = hooks.get(tx) ?? [];
  hooks.delete(tx);
  return list;
}
