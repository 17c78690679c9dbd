import { KeyIdentity, NodeInfo } from '../node-info.ts';
import { route } from '../route.ts';

/** What the node is, and who a key acts for. */
export const nodeRoutes = {
  nodeInfo: route({ method: 'GET', path: '/.well-known/perron.json', tag: 'node', summary: 'What this node is and where its parts are', response: NodeInfo }),
  me: route({ method: 'GET', path: '/v1/me', tag: 'node', auth: 'key', summary: 'Who the API key acts for', response: KeyIdentity }),
} as const;
