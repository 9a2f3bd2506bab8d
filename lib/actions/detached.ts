/**
 * Work started after a response without making it wait (a pack to build, a dry run, a code's e-mail). Each such
 * promise is tracked until it settles, so a process that stops — or a test that counts rows — can wait for it
 * instead of racing it. A failure is reported to `onError` and never rejects anything else.
 */
const running = new Set<Promise<void>>();

export function detach(work: () => Promise<unknown>, onError: (error: unknown) => void): void {
  const promise: Promise<void> = Promise.resolve()
    .then(work)
    .then(
      () => undefined,
      (error: unknown) => {
        try {
          onError(error);
        } catch {
          // The report itself failed: nothing more to do for best-effort work.
        }
      },
    )
    .finally(() => running.delete(promise));
  running.add(promise);
}

/** Resolves once every detached work started so far (and any it started in turn) has settled. */
export async function detachedSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
