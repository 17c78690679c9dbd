import { CONSENT_VERSION, VERSION, type OrganizationSummary } from '@perron/contract';
import { summaryJson } from '../db/queries/organizations.ts';
import type { Handlers } from './types.ts';

export const nodeHandlers = {
  async nodeInfo({ node }) {
    return {
      name: process.env.PERRON_NODE_NAME ?? 'Perron',
      version: VERSION,
      url: node.baseUrl,
      api: `${node.baseUrl}/v1`,
      openapi: `${node.baseUrl}/v1/openapi.json`,
      elements: `${node.baseUrl}/elements/perron.js`,
      languages: ['fr', 'en'],
      timeZone: 'America/Toronto',
      consentVersion: CONSENT_VERSION,
      hsds: `${node.baseUrl}/hsds`,
      activityStreams: { projects: `${node.baseUrl}/v1/activitystreams/projects`, events: `${node.baseUrl}/v1/activitystreams/events` },
    };
  },

  async me({ key, q }) {
    const [org] = key?.organizationId
      ? await q.query<{ summary: OrganizationSummary }>(`select ${summaryJson('o')} as summary from organizations o where o.id = $1`, [key.organizationId])
      : [];
    const communities = key?.communityIds.length
      ? (await q.query<{ slug: string }>('select slug from communities where id = any($1) order by slug', [key.communityIds])).map((r) => r.slug)
      : [];
    return { role: key!.role, organization: org?.summary ?? null, communities };
  },
} satisfies Partial<Handlers>;

