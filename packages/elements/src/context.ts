import { createContext } from '@lit/context';
import { createClient, type PerronClient } from '@perron/sdk';

export type { PerronClient };

/**
 * Carries the client from `<perron-platform>` (or any provider) to the elements inside it.
 * A global symbol, so that elements loaded from separate bundles still find their provider.
 */
export const clientContext = createContext<PerronClient>(Symbol.for('perron.client'));

/** The node that served this script: where a snippet without any setup reads from. */
export const scriptNode = new URL(import.meta.url).origin;

const clients = new Map<string, PerronClient>();

/** One client per node, so that many elements on a page share its cache and de-duplication. */
export function clientFor(node: string): PerronClient {
  const base = new URL(node, document.baseURI).href.replace(/\/$/, '');
  let client = clients.get(base);
  if (!client) clients.set(base, (client = createClient({ node: base })));
  return client;
}
