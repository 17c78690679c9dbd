import { nodeRoutes } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

/** What the node is and where its parts are. */
export const nodeInfo = (core: PerronCore, o?: CallOptions) => core.call(nodeRoutes.nodeInfo, {}, o);

/** Who the API key acts for. */
export const me = (core: PerronCore, o?: CallOptions) => core.call(nodeRoutes.me, {}, o);
