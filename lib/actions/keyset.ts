/** Rows per page of a streamed export: a page is what a download holds in memory at once. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Keyset pagination as an async iterable: `fetch(after, limit)` returns the rows that follow the key
 * `after` (null: from the start) in the query's order. Each page is its own short query, so no
 * transaction nor cursor stays open between pages, nor after the reader stops (a cancelled download).
 */
export async function* keysetPages<R, K>(
  fetch: (after: K | null, limit: number) => Promise<R[]>,
  keyOf: (row: R) => K,
  pageSize: number = EXPORT_PAGE_SIZE,
): AsyncGenerator<R[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await fetch(after, pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

/** Maps each page of an async iterable of pages. */
export async function* mapPages<R, T>(pages: AsyncIterable<R[]>, map: (row: R) => T): AsyncGenerator<T[]> {
  for await (const page of pages) yield page.map(map);
}
