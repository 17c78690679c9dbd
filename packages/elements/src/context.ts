import { createContext } from '@lit/context';
import { createCore, type PerronClient, type PerronCore } from '@perron/sdk';

export type { PerronClient, PerronCore };

/**
 * Carries the SDK's core (a client is one) from `<perron-platform>` (or any provider) to the
 * elements inside it. A global symbol, so that elements loaded from separate bundles still find
 * their provider. Elements call the SDK's per-call functions on it (`getProject(core, id)`), so a
 * bundle carries only the routes and schemas its elements use.
 */
export const coreContext = createContext<PerronCore>(Symbol.for('perron.core'));

/**
 * The node that served this script, where a snippet without any setup reads from. A node serves
 * the elements at `<node>/elements/` (`perron.js`, `perron-<tag>.js`, `forms.js`, `en-CA.js`, `chunks/…`); a script
 * bundled into an app comes from the app's own server, which is no node: undefined then.
 */
export const nodeOfScript = (url: string): string | undefined => /^(https?:\/\/.+?)\/elements\/(?:chunks\/)?[^/]+\.js(?:[?#].*)?$/.exec(url)?.[1];

export const scriptNode = nodeOfScript(import.meta.url);

const cores = new Map<string, PerronCore>();

/**
 * One core per node, so that many elements on a page share its cache and de-duplication. It does
 * not validate with the contract's schemas (size: docs/bundle-size.md): the node checks every
 * write, and the elements render a URL as a link only when it is http(s).
 */
export function coreFor(node: string): PerronCore {
  const base = new URL(node, document.baseURI).href.replace(/\/$/, '');
  let core = cores.get(base);
  if (!core) cores.set(base, (core = createCore({ node: base, validate: false })));
  return core;
}
