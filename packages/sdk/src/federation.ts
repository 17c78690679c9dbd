import { PAGE_SIZE } from '@perron/contract';
import { isPerronError, fieldError } from './errors.ts';
import type { Order } from './orders.ts';
import type { NodeError, Page, PageFetcher } from './pagination.ts';

/** Where a node's list stands: the cursor of the page being read and how many of its items were taken; 0 once done. */
type Lane = [cursor: string | null, taken: number] | 0;

interface Loaded<T> {
  cursor: string | null;
  taken: number;
  rest: T[];
  next: string | null;
}

export type NodePage<T> = (node: string, cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>;

/**
 * Pages of one list read from several nodes, merged in one order (k-way merge of each node's
 * already ordered pages) behind one cursor. A node that fails is reported in `errors` and left out
 * from then on, so the order of what follows stays right; the page fails only if every node does.
 */
export function mergedPages<T>(nodes: readonly string[], nodePage: NodePage<T>, compare: Order<T>, limit: number = PAGE_SIZE.default): PageFetcher<T> {
  return async (cursor) => {
    const lanes = cursor === undefined ? nodes.map((): Lane => [null, 0]) : decode(cursor, nodes.length);
    const errors: NodeError[] = [];
    const load = async (i: number, cursor: string | null, taken: number): Promise<Loaded<T> | undefined> => {
      try {
        const page = await nodePage(nodes[i]!, cursor ?? undefined);
        return { cursor, taken, rest: page.items.slice(taken), next: page.nextCursor };
      } catch (error) {
        if (!isPerronError(error)) throw error;
        errors.push({ node: nodes[i]!, error });
        return undefined;
      }
    };
    const loaded = await Promise.all(lanes.map((lane, i) => (lane === 0 ? undefined : load(i, lane[0], lane[1]))));
    const live = lanes.filter((lane) => lane !== 0).length;
    if (live > 0 && errors.length === live) throw errors[0]!.error;

    const items: T[] = [];
    while (items.length < limit) {
      // A node whose page ran out but has more must show its next item before anyone can be picked.
      for (const [i, l] of loaded.entries()) if (l && l.rest.length === 0 && l.next !== null) loaded[i] = await load(i, l.next, 0);
      let best = -1;
      for (const [i, l] of loaded.entries()) {
        if (l?.rest.length && (best < 0 || compare(l.rest[0]!, loaded[best]!.rest[0]!) < 0)) best = i;
      }
      if (best < 0) break;
      const lane = loaded[best]!;
      items.push(lane.rest.shift()!);
      lane.taken++;
    }
    const after: Lane[] = loaded.map((l) => (!l ? 0 : l.rest.length ? [l.cursor, l.taken] : l.next !== null ? [l.next, 0] : 0));
    const page: Page<T> = { items, nextCursor: after.some((lane) => lane !== 0) ? encode(after) : null, errors };
    return page;
  };
}

// The merged cursor never reaches a node: base64url of JSON, opaque to the caller.
function encode(lanes: Lane[]): string {
  return btoa(JSON.stringify(lanes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function decode(cursor: string, count: number): Lane[] {
  try {
    const lanes: unknown = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
    const valid = (l: unknown) => l === 0 || (Array.isArray(l) && l.length === 2 && (l[0] === null || typeof l[0] === 'string') && Number.isInteger(l[1]) && l[1] >= 0);
    if (Array.isArray(lanes) && lanes.length === count && lanes.every(valid)) return lanes as Lane[];
  } catch {
    // reported below
  }
  throw fieldError('query', 'cursor', 'Expected a cursor returned by a previous page of this list', 'merged list');
}
