import type { PerronError } from './errors.ts';
import { validationError } from './errors.ts';

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
 * What a `list()` call returns: a promise of the first page that is also an async iterable over
 * every item of every page. Nothing is requested until it is awaited or iterated.
 */
export interface List<T> extends PromiseLike<Page<T>>, AsyncIterable<T> {
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R>;
  finally(onfinally?: (() => void) | null): Promise<Page<T>>;
  /** Walks the pages, from the first (or the query's `cursor`) to the last. */
  pages(): AsyncIterable<Page<T>>;
  /** Collects items until the end or `max`, whichever comes first: a list may be long. */
  toArray(options: { max: number }): Promise<T[]>;
}

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

export function createList<T>(fetchPage: PageFetcher<T>, cursor?: string): List<T> {
  let first: Promise<Page<T>> | undefined;
  const firstPage = () => (first ??= fetchPage(cursor));

  async function* pages(): AsyncGenerator<Page<T>> {
    let page = await firstPage();
    yield page;
    while (page.nextCursor !== null) {
      page = await fetchPage(page.nextCursor);
      yield page;
    }
  }

  return {
    then: (onfulfilled, onrejected) => firstPage().then(onfulfilled, onrejected),
    catch: (onrejected) => firstPage().catch(onrejected),
    finally: (onfinally) => firstPage().finally(onfinally),
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
    async toArray({ max }) {
      if (!Number.isInteger(max) || max < 1) {
        throw validationError('options', [{ code: 'custom', path: ['max'], message: 'Expected a whole number of at least 1', input: max }], 'toArray');
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
  };
}
