import * as supports from '../services/supports.ts';
import type { Handlers } from './types.ts';

export const supportsHandlers = {
  async supportProject({ q, params, body, node }) {
    return supports.supportProject(q, node, params.id, body);
  },

  async confirmSupport({ q, body, node }) {
    return supports.confirmSupport(q, node, body.token);
  },
} satisfies Partial<Handlers>;
