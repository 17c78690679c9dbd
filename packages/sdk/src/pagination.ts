import type { PerronError } from './errors.ts';
import { fieldError } from './errors.ts';

/** A node that failed while the others answered (several nodes only). */
export interface NodeError {
  node: string;
  error: PerronError;
}

export interface Page<T> {
  items: T[];
  /** Pass it as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  /** Nodes that failed for this page; their items are missing from it. Empty with one node. */
  errors: NodeError[];
}

/**
 * What a `list()` call returns: a promise of the first page (asked at once) that is also an async
 * iterable over every item of every page.
 */
export interface List<T> extends Promise<Page<T>>, AsyncIterable<T> {
  /** Walks the pages, from the first (or the query's `cursor`) to the last. */
  pages(): AsyncIterable<Page<T>>;
  /** Collects items until the end or `max`, whichever comes first: a list may be long. */
  toArray(options: { max: number }): Promise<T[]>;
}

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

export function createList<T>(fetchPage: PageFetcher<T>, cursor?: string): List<T> {
  const first = fetchPage(cursor);
  // Someone who only iterates still sees a failure, through the iterator; not as an unhandled rejection.
  first.catch(() => {});

  async function* pages(): AsyncGenerator<Page<T>> {
    let page = await first;
    yield page;
    while (page.nextCursor !== null) {
      page = await fetchPage(page.nextCursor);
      yield page;
    }
  }

  return Object.assign(first, {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
    async toArray({ max }: { max: number }) {
      if (!Number.isInteger(max) || max < 1) {
        throw fieldError('options', 'max', 'Expected a whole number of at least 1', 'toArray');
      }
      const out: T[] = [];
      for await (const page of pages()) {
        for (const item of page.items) {
          out.push(item);
          if (out.length >= max) return out;
        }
      }
      return out;
    },
  });
}
