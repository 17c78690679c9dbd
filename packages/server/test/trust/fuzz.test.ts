import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../../src/seed/demo-ids.ts';
import { startTestNode } from '../support/node.ts';
import { NO_RATE_LIMITS } from '../support/requests.ts';

/**
 * Walks every operation of the node's OpenAPI document with generated requests: mostly
 * well-formed, each with a few hostile values (NUL, bidi overrides, huge and tiny numbers,
 * years 0 and 9999, wrong types, unicode). A seeded generator makes every run the same.
 */
const PER_OPERATION = Number(process.env.FUZZ_N ?? 70); // `npm test`'s embedded-database pass sends fewer (scripts/test.mjs)

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, workerPollMs: 0 })));
after(() => node.close());

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261130);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number) => random() < p;

const HOSTILE: unknown[] = [
  '\u0000', 'a\u0000b', 'Titre\u202Eevil', '\u2066x\u2069', '😀'.repeat(40), 'é'.repeat(300), '', ' ', 'x'.repeat(5000),
  -1, 0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER,
  true, null, [], {}, [1, 2], { fr: '\u0000' },
  '0000-01-01', '9999-12-31', '0001-01-01', '2026-02-30', '1969-12-31', 'pas une adresse', 'data:text/html,x', 'ftp://example.org/x', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z',
  'javascript:alert(1)', 'https://\u0000.example', '../../etc/passwd', "' or 1=1 --",
];
const DATES = ['2026-12-01', '2027-06-15', '2027-01-20', '2026-12-24'];
const TIMES = ['2026-12-05T14:00:00-05:00', '2026-12-05T16:00:00-05:00', '2027-01-10T09:00:00Z', '2027-01-10T11:30:00Z'];
const IDS = [DEMO_PROJECTS.jardinOntario, DEMO_NEEDS.jardinBenevoles, DEMO_NEEDS.jardinFonds, DEMO_NEEDS.patinoireArrosage, 'prj_unknown', 'x'.repeat(64)];

type Schema = Record<string, any>;
let components: Record<string, Schema> = {};
const resolve = (s: Schema): Schema => (s?.$ref ? resolve(components[s.$ref.split('/').pop()!]!) : s);

/** A well-formed value for the schema, mostly; dates reach years 0 and 9999. */
function generate(schema: Schema, depth = 0, name = ''): unknown {
  if (depth > 5) return pick(HOSTILE);
  // A few fields whose valid values the schema alone doesn't give.
  if (name === 'email') return pick(['lea@example.org', 'LEA@EXAMPLE.ORG', 'sam.o@example.com']);
  if (name === 'version') return CONSENT_VERSION;
  if (/^starts(On|At)$/.test(name)) return name.endsWith('On') ? '2026-12-01' : '2026-12-05T14:00:00-05:00';
  if (/^ends(On|At)$/.test(name)) return name.endsWith('On') ? pick(DATES) : '2026-12-05T16:00:00-05:00';
  const s = resolve(schema);
  const options = s.anyOf ?? s.oneOf;
  if (options) return generate(pick(options), depth + 1);
  if (s.const !== undefined) return s.const;
  if (s.enum) return pick(s.enum);
  const type = Array.isArray(s.type) ? pick(s.type.filter((t: string) => t !== 'null')) : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) if (s.required?.includes(k) || chance(0.6)) out[k] = generate(v, depth + 1, k);
      if (chance(0.03)) out.unexpected = 'field';
      return out;
    }
    case 'array':
      return Array.from({ length: pick([0, 1, 2, 3]) }, () => generate(s.items ?? {}, depth + 1));
    case 'integer':
    case 'number': {
      const edges = [s.minimum, s.maximum].filter((v) => v !== undefined);
      return chance(0.2) && edges.length ? pick(edges) : pick([1, 2, 3, 5]);
    }
    case 'boolean':
      return chance(0.5);
    case 'string':
      if (s.format === 'date') return pick(DATES);
      if (s.format === 'date-time') return pick(TIMES);
      if (s.format === 'email') return pick(['lea@example.org', 'LEA@EXAMPLE.ORG', 'sam.o@example.com']);
      if (s.format === 'uri') return pick(['https://example.org/image.png', 'http://example.org']);
      if (s.pattern && /\[a-z0-9\]/.test(s.pattern)) return pick(['montreal', 'hochelaga', 'villeray', 'table-hochelaga', 'agriculture-urbaine', 'nowhere']);
      if (s.pattern) return pick(IDS);
      return pick(['Corvée de printemps', 'Spring clean-up', 'العربية', '日本語', 'x'.repeat(Math.min(s.maxLength ?? 20, 200))]);
    default:
      return pick(HOSTILE);
  }
}

/** The value with one leaf (or the whole) replaced by a hostile value, so that the rest still reaches the database. */
function mutate(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || chance(0.1)) return pick(HOSTILE);
  const keys = Object.keys(value);
  if (!keys.length) return pick(HOSTILE);
  const copy: any = Array.isArray(value) ? [...value] : { ...value };
  const k = pick(keys);
  copy[k] = mutate(copy[k]);
  return copy;
}

function pathValue(name: string): string {
  if (chance(0.15)) return encodeURIComponent(String(pick(HOSTILE)));
  if (name === 'slug') return pick(['montreal', 'hochelaga', 'table-hochelaga', 'nowhere']);
  if (name === 'token') return pick(['abcdefghijklmnopqrstuvwxyz012345', 'x']);
  return encodeURIComponent(pick(IDS));
}

test('a few thousand generated requests over every operation of the OpenAPI document: no 5xx, every 4xx a problem naming the field', async (t) => {
  const doc = await (await fetch(`${node.url}/v1/openapi.json`)).json();
  components = doc.components.schemas;
  const operations = Object.entries<Schema>(doc.paths).flatMap(([path, item]) => Object.entries<Schema>(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  assert.ok(operations.length >= 40, `${operations.length} operations`);
  const keys = [`Bearer ${DEMO_KEYS.tableHochelaga}`, `Bearer ${DEMO_KEYS.curator}`];
  const wrongAuth = [undefined, 'bearer nope-nope-nope', 'Basic abc'];
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;

  for (const { path, method, op } of operations) {
    for (let i = 0; i < PER_OPERATION; i++) {
      const params: Schema[] = op.parameters ?? [];
      const url = new URL(path.replace(/\{(\w+)\}/g, (_, name) => pathValue(name)), node.url);
      for (const p of params.filter((p) => p.in === 'query')) if (p.required || chance(0.5)) url.searchParams.set(p.name, String(generate(p.schema)));
      if (path.startsWith('/v1/events') && i === 0) url.searchParams.set('to', '9999-12-31');
      else if (chance(0.1)) url.searchParams.set(pick(params.filter((p) => p.in === 'query').map((p) => p.name).concat('x')), String(pick(HOSTILE)));
      const headers: Record<string, string> = { 'accept-language': pick(['fr-CA', 'en-CA', 'zz']) };
      const key = chance(0.85) ? (op.security?.length ? pick(keys) : undefined) : pick([...keys, ...wrongAuth]);
      if (key) headers.authorization = key;
      if (method !== 'GET' && chance(0.95)) headers['idempotency-key'] = chance(0.97) ? randomUUID() : 'bad key';
      let body: string | undefined;
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (schema) {
        headers['content-type'] = chance(0.97) ? 'application/json' : 'text/plain';
        const value = generate(schema);
        body = chance(0.03) ? '{"broken": ' : JSON.stringify(chance(0.5) ? mutate(value) : value);
      }
      const res = await fetch(url, { method, headers, body });
      const text = await res.text();
      sent++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const where = `${method} ${url.pathname}${url.search} ${body?.slice(0, 300) ?? ''} → ${res.status} ${text.slice(0, 300)}`;
      if (res.status >= 500) failures.push(where);
      else if (res.status >= 400) {
        if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) failures.push(`not a problem: ${where}`);
        else if (res.status === 400) {
          const problem = JSON.parse(text);
          if (!problem.errors?.length || !problem.errors.every((e: { path?: string }) => e.path)) failures.push(`400 naming no field: ${where}`);
        }
      }
    }
  }
  t.diagnostic(`${sent} requests: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n} × ${s}`).join(', ')}`);
  if (PER_OPERATION >= 70) assert.ok(sent >= 2500, `${sent} requests: a few thousand were promised`);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
});

test('the three causes the audit found are 400s naming the field: NUL, year 0, to=9999-12-31', async () => {
  const post = (path: string, body: unknown, key?: string) =>
    fetch(`${node.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) });
  const idea = await post('/v1/ideas', { title: 'Un\u0000titre', description: 'Rien.', community: 'montreal', author: { name: 'Léa', email: 'lea@example.org' }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' });
  const pledge = await post(`/v1/needs/${DEMO_NEEDS.patinoireArrosage}/pledges`, { quantity: 1, contact: { name: 'L\u0000a', email: 'lea@example.org' }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' });
  const bidi = await post('/v1/projects', { title: { fr: 'Bacs \u202Egniruoc' }, summary: { fr: 'Des bacs.' }, themes: ['environment'], communities: ['hochelaga'] }, DEMO_KEYS.tableHochelaga);
  const year0 = await post('/v1/projects', { title: { fr: 'Bacs' }, summary: { fr: 'Des bacs.' }, themes: ['environment'], communities: ['hochelaga'], startsOn: '0000-01-01' }, DEMO_KEYS.tableHochelaga);
  const to = await fetch(`${node.url}/v1/events?to=9999-12-31`);
  const ics = await fetch(`${node.url}/v1/events.ics?to=9999-12-31`);
  const expected: [Response, string][] = [[idea, 'body.title'], [pledge, 'body.contact.name'], [bidi, 'body.title.fr'], [year0, 'body.startsOn'], [to, 'query.to'], [ics, 'query.to']];
  for (const [res, field] of expected) {
    assert.equal(res.status, 400, field);
    assert.equal((await res.json()).errors[0].path, field);
  }
});
