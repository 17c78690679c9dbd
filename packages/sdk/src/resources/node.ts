import { routes } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

/** What the node is and where its parts are. */
export const nodeInfo = (core: PerronCore, o?: CallOptions) => core.call(routes.nodeInfo, {}, o);

/** Who the API key acts for. */
export const me = (core: PerronCore, o?: CallOptions) => core.call(routes.me, {}, o);
