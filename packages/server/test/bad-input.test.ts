import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { bearer, NO_RATE_LIMITS, pledgeBody, projectBody, rowCounts, write } from './support/requests.ts';

const TABLE = DEMO_KEYS.tableHochelaga;
const PLEDGE = `/v1/needs/${DEMO_NEEDS.jardinBenevoles}/pledges`;
const consent = { version: CONSENT_VERSION, shareWithOrganizers: true };

interface Case {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** JSON, or a raw string sent as is. */
  body?: unknown;
  raw?: string;
  status?: number;
  /** The field the answer must name, or the problem code when no field is at fault. */
  field?: string;
  code?: string;
}

const pledge = (body: unknown, headers: Record<string, string> = write()): Partial<Case> => ({ method: 'POST', path: PLEDGE, headers, body });
const project = (more: Record<string, unknown>): Partial<Case> => ({ method: 'POST', path: '/v1/projects', headers: write(TABLE), body: projectBody(more) });
const forgedCursor = Buffer.from(JSON.stringify(['not-a-time', "x'; drop table projects; --"])).toString('base64url');

const CASES: Case[] = [
  { name: 'an unknown field', ...pledge({ ...pledgeBody(1), admin: true }), field: 'body.admin' } as Case,
  { name: 'an unknown nested field', ...pledge(pledgeBody(1, { contact: { name: 'A', email: 'a@example.org', phone: '514' } })), field: 'body.contact.phone' } as Case,
  { name: 'a missing contact', ...pledge({ quantity: 1, consent, lang: 'fr' }), field: 'body.contact' } as Case,
  { name: 'a name too long', ...pledge(pledgeBody(1, { contact: { name: 'x'.repeat(101), email: 'a@example.org' } })), field: 'body.contact.name' } as Case,
  { name: 'a blank name', ...pledge(pledgeBody(1, { contact: { name: '   ', email: 'a@example.org' } })), field: 'body.contact.name' } as Case,
  { name: 'a bad email', ...pledge(pledgeBody(1, { contact: { name: 'A', email: 'a@@example' } })), field: 'body.contact.email' } as Case,
  { name: 'a missing consent', ...pledge({ quantity: 1, contact: { name: 'A', email: 'a@example.org' }, lang: 'fr' }), field: 'body.consent' } as Case,
  { name: 'consent to share refused', ...pledge(pledgeBody(1, { consent: { version: CONSENT_VERSION, shareWithOrganizers: false } })), field: 'body.consent.shareWithOrganizers' } as Case,
  { name: 'an unknown consent version', ...pledge(pledgeBody(1, { consent: { version: '1999-01', shareWithOrganizers: true } })), field: 'body.consent.version' } as Case,
  { name: 'a negative quantity', ...pledge(pledgeBody(-3)), field: 'body.quantity' } as Case,
  { name: 'a fractional quantity', ...pledge(pledgeBody(1.5)), field: 'body.quantity' } as Case,
  { name: 'a zero quantity', ...pledge(pledgeBody(0)), field: 'body.quantity' } as Case,
  { name: 'a quantity as text', ...pledge(pledgeBody('2')), field: 'body.quantity' } as Case,
  { name: 'a quantity over the per-pledge bound', ...pledge(pledgeBody(21)), field: 'body.quantity' } as Case,
  { name: 'an unknown language', ...pledge(pledgeBody(1, { lang: 'de' })), field: 'body.lang' } as Case,
  { name: 'a message too long', ...pledge(pledgeBody(1, { message: 'm'.repeat(1001) })), field: 'body.message' } as Case,
  { name: 'a missing Idempotency-Key', ...pledge(pledgeBody(1), {}), field: 'header.idempotency-key' } as Case,
  { name: 'a malformed Idempotency-Key', ...pledge(pledgeBody(1), { 'idempotency-key': 'short' }), field: 'header.idempotency-key' } as Case,
  { name: 'a body that is not JSON', method: 'POST', path: PLEDGE, headers: write(), raw: '{"quantity": 1,', field: 'body' },
  { name: 'a JSON array for a body', ...pledge([pledgeBody(1)]), field: 'body' } as Case,
  { name: 'a body that is not application/json', method: 'POST', path: PLEDGE, headers: { ...write(), 'content-type': 'text/plain' }, raw: JSON.stringify(pledgeBody(1)), status: 415, code: 'unsupported_media_type' },
  { name: 'a body over the size limit', ...pledge(pledgeBody(1, { message: 'm'.repeat(20_000) })), status: 413, code: 'payload_too_large' } as Case,
  { name: 'a javascript: URL', ...project({ image: { url: 'javascript:alert(1)', alt: { fr: 'x' } } }), field: 'body.image.url' } as Case,
  { name: 'a data: URL', ...project({ image: { url: 'data:text/html,<script>alert(1)</script>', alt: { fr: 'x' } } }), field: 'body.image.url' } as Case,
  { name: 'a title too long', ...project({ title: { fr: 't'.repeat(141) } }), field: 'body.title.fr' } as Case,
  { name: 'a title without French', ...project({ title: { en: 'Only English' } }), field: 'body.title.fr' } as Case,
  { name: 'an unknown theme', ...project({ themes: ['astrology'] }), field: 'body.themes.0' } as Case,
  { name: 'too many themes', ...project({ themes: ['culture', 'health', 'housing', 'sport', 'youth', 'seniors'] }), field: 'body.themes' } as Case,
  { name: 'no community', ...project({ communities: [] }), field: 'body.communities' } as Case,
  { name: 'a malformed slug', ...project({ communities: ['Hochelaga Maisonneuve'] }), field: 'body.communities.0' } as Case,
  { name: 'a community this node lacks', ...project({ communities: ['hochelaga', 'atlantis'] }), field: 'body.communities.1' } as Case,
  { name: 'an end before the start', ...project({ startsOn: '2027-06-01', endsOn: '2027-05-01' }), field: 'body.endsOn' } as Case,
  { name: 'an impossible date', ...project({ startsOn: '2027-02-30' }), field: 'body.startsOn' } as Case,
  { name: 'an unknown need category', method: 'POST', path: `/v1/projects/${DEMO_PROJECTS.jardinOntario}/needs`, headers: write(TABLE), body: { category: 'spiritual', title: { fr: 'X' }, wanted: 1 }, field: 'body.category' },
  { name: 'a financial goal under one dollar', method: 'POST', path: `/v1/projects/${DEMO_PROJECTS.jardinOntario}/needs`, headers: write(TABLE), body: { category: 'financial', title: { fr: 'X' }, wanted: 50 }, field: 'body.wanted' },
  { name: 'an empty rejection reason', method: 'POST', path: `/v1/projects/${DEMO_PROJECTS.bibliothequeOutils}/reject`, headers: write(DEMO_KEYS.curator), body: { reason: ' ' }, field: 'body.reason' },
  { name: 'a pledge status an organization may not set', method: 'PATCH', path: '/v1/pledges/plg_jardin-ontario-benevoles-1', headers: bearer(TABLE), body: { status: 'withdrawn' }, field: 'body.status' },
  { name: 'a withdrawal token too short', method: 'POST', path: '/v1/pledges/withdraw', headers: write(), body: { token: 'abc' }, field: 'body.token' },
  { name: 'a garbled cursor', path: '/v1/projects?cursor=bm90LWpzb24', field: 'query.cursor' },
  { name: 'a forged cursor', path: `/v1/projects?cursor=${forgedCursor}`, field: 'query.cursor' },
  { name: 'a cursor with forbidden characters', path: '/v1/projects?cursor=abc%27%3B', field: 'query.cursor' },
  { name: 'a page size of 0', path: '/v1/projects?limit=0', field: 'query.limit' },
  { name: 'a page size of 1000', path: '/v1/projects?limit=1000', field: 'query.limit' },
  { name: 'a page size that is not a number', path: '/v1/organizations?limit=ten', field: 'query.limit' },
  { name: 'an unknown query parameter', path: '/v1/projects?colour=red', field: 'query.colour' },
  { name: 'an unknown status filter', path: '/v1/projects?status=archived', field: 'query.status' },
  { name: 'a search too long', path: `/v1/projects?q=${'a'.repeat(101)}`, field: 'query.q' },
  { name: 'a malformed slug in the path', path: '/v1/communities/Not_A_Slug', field: 'path.slug' },
  { name: 'a malformed id in the path', path: '/v1/projects/a%20b', field: 'path.id' },
  { name: 'an API key in the wrong scheme', path: '/v1/pledges', headers: { authorization: 'Basic dXNlcjpwYXNz' }, status: 401, code: 'unauthorized' },
];

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS })));
after(() => node.close());

describe('bad input gets a clear 4xx naming what is wrong, and writes nothing', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const before = await rowCounts(node);
      const headers = { ...c.headers };
      const init = c.raw !== undefined ? { method: c.method ?? 'GET', headers: { 'content-type': 'application/json', ...headers }, body: c.raw } : null;
      const res = init
        ? await fetch(`${node.url}${c.path}`, init).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() }))
        : await api(node, c.method ?? 'GET', c.path, { headers, body: c.body });
      assert.equal(res.status, c.status ?? 400, JSON.stringify(res.body));
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(res.body.status, res.status);
      assert.equal(res.body.type, `urn:perron:problem:${res.body.code}`);
      if (c.field) {
        assert.equal(res.body.code, 'validation_failed');
        const paths = (res.body.errors ?? []).map((e: any) => e.path);
        assert.ok(paths.includes(c.field), `expected ${c.field} in ${JSON.stringify(paths)}`);
        assert.ok(res.body.errors.every((e: any) => e.message));
      } else {
        assert.equal(res.body.code, c.code);
      }
      assert.deepEqual(await rowCounts(node), before);
    });
  }
});

describe('rate limits', () => {
  test('too many requests get 429 with Retry-After, and a throttled write writes nothing', async () => {
    const limited = await startTestNode({ rateLimits: { writesPerMinute: 2, readsPerMinute: 3 } });
    try {
      const reads = [];
      for (let i = 0; i < 4; i++) reads.push(await api(limited, 'GET', '/v1/communities'));
      assert.deepEqual(reads.map((r) => r.status), [200, 200, 200, 429]);
      const throttled = reads[3]!;
      assert.equal(throttled.body.code, 'rate_limited');
      const retryAfter = Number(throttled.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 60);
      assert.equal(throttled.body.retryAfter, retryAfter);

      const writes = [];
      for (let i = 0; i < 3; i++) writes.push(await api(limited, 'POST', '/v1/pledges/withdraw', { headers: write(), body: { token: 'x'.repeat(32) } }));
      assert.deepEqual(writes.map((r) => r.status), [404, 404, 429]);
      assert.ok(Number(writes[2]!.headers.get('retry-after')) > 0);
      assert.equal((await limited.db.query('select * from idempotency_keys')).length, 0);
    } finally {
      await limited.close();
    }
  });
});
