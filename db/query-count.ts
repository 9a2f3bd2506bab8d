import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm";

/**
 * Counts the statements a piece of work sends to the database (render-cost measurement and the tests that
 * keep a page's round trips bounded). Only the SQL text is kept, never the parameters: they may hold
 * personal data. Outside `countQueries` nothing is recorded.
 */
const scope = new AsyncLocalStorage<string[]>();

export const queryLogger: Logger = {
  logQuery(query: string): void {
    scope.getStore()?.push(query);
  },
};

export interface CountedQueries<T> {
  result: T;
  /** The statements sent, in order (SQL text without parameters). */
  queries: string[];
}

export async function countQueries<T>(work: () => Promise<T>): Promise<CountedQueries<T>> {
  const queries: string[] = [];
  const result = await scope.run(queries, work);
  return { result, queries };
}
