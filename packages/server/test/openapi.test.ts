import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { routes, type Route } from '@perron/contract';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { NO_RATE_LIMITS } from './support/requests.ts';

let node: RunningNode;
let doc: any;
before(async () => {
  node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS });
  doc = (await api(node, 'GET', '/v1/openapi.json')).body;
});
after(() => node.close());

/** A validator per route for its success answer, from the JSON Schema inside the served document. */
function responseValidator(route: Route) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: doc.components });
  const content = doc.paths[route.path].get.responses[String(route.status)].content;
  const schema = (content['application/json'] ?? content['application/activity+json']).schema;
  return ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')));
}

const first = async (table: string, where = 'true') => (await node.db.query<{ id: string }>(`select id from ${table} where ${where} order by id limit 1`))[0]!.id;

describe('the OpenAPI document', () => {
  test('is valid OpenAPI 3.1 and describes every route of the contract', async () => {
    const result = await new Validator().validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    assert.equal(doc.openapi, '3.1.0');
    for (const [name, route] of Object.entries(routes) as [string, Route][]) {
      assert.equal(doc.paths[route.path]?.[route.method.toLowerCase()]?.operationId, name);
    }
  });

  test('matches what the seeded node answers on every public GET route', async () => {
    const event = await first('events');
    const idea = await first('ideas', `status <> 'pending'`);
    const contest = await first('contests');
    const service = await api(node, 'POST', '/v1/services', {
      headers: { authorization: `Bearer ${DEMO_KEYS.tableHochelaga}`, 'idempotency-key': 'openapi-test-service' },
      body: { name: { fr: 'Halte-garderie', en: 'Drop-in daycare' }, description: { fr: 'Trois heures de répit.' }, languages: ['fr'], hours: [{ days: ['MO'], opens: '09:00', closes: '12:00' }], place: { name: 'Carrefour', address: '1611, rue Dézéry', city: 'Montréal', postalCode: 'H1W 2R8' }, cost: { free: true } },
    });
    assert.equal(service.status, 201, JSON.stringify(service.body));
    // Each public JSON route, with the requests whose answers are checked against its schema.
    const requests: Record<string, string[]> = {
      nodeInfo: ['/.well-known/perron.json'],
      listCommunities: ['/v1/communities'],
      getCommunity: ['/v1/communities/montreal', '/v1/communities/agriculture-urbaine'],
      listOrganizations: ['/v1/organizations', '/v1/organizations?community=montreal&limit=2'],
      getOrganization: ['/v1/organizations/caisse-du-centre', '/v1/organizations/quincaillerie-ontario'],
      listProjects: ['/v1/projects?limit=100', '/v1/projects?status=completed', '/v1/projects?status=cancelled', '/v1/projects?needs=material&community=montreal&limit=2', '/v1/projects?q=jardin'],
      listSkills: ['/v1/skills'],
      getProject: [...Object.values(DEMO_PROJECTS).slice(0, 11).map((id) => `/v1/projects/${id}`)],
      getNeed: [`/v1/needs/${DEMO_NEEDS.jardinBenevoles}`, `/v1/needs/${DEMO_NEEDS.jardinTerreau}`, `/v1/needs/${DEMO_NEEDS.jardinFonds}`],
      listEvents: ['/v1/events', '/v1/events?category=workshop&limit=2'],
      getEvent: [`/v1/events/${event}`],
      listIdeas: ['/v1/ideas', '/v1/ideas?sort=recent&limit=3'],
      getIdea: [`/v1/ideas/${idea}`],
      listContests: ['/v1/contests'],
      getContest: [`/v1/contests/${contest}`],
      getImpact: ['/v1/impact?partner=caisse-du-centre', '/v1/impact?community=montreal&from=2026-01-01&to=2026-06-30'],
      activityProjects: ['/v1/activitystreams/projects', '/v1/activitystreams/projects?page=true&limit=3&lang=en'],
      activityEvents: ['/v1/activitystreams/events?community=montreal', '/v1/activitystreams/events?page=true'],
      getService: [`/v1/services/${service.body.id}`],
      suggestServices: [`/v1/service-suggestions?project=${DEMO_PROJECTS.frigo}`, `/v1/service-suggestions?need=${DEMO_NEEDS.jardinBenevoles}&lang=en&limit=1`],
      hsdsMeta: ['/hsds'],
      hsdsServices: ['/hsds/services', '/hsds/services?page=1&per_page=1&search=garderie'],
      hsdsService: [`/hsds/services/${service.body.id}`, `/hsds/services/${service.body.id}?lang=en`],
      hsdsOrganizations: ['/hsds/organizations'],
      oembed: [`/oembed?url=${encodeURIComponent(`${node.url}/projects/${DEMO_PROJECTS.patinoire}`)}&format=json`, `/oembed?url=${encodeURIComponent(`${node.url}/events/${event}`)}&maxwidth=400`],
    };
    const publicJsonGets = (Object.entries(routes) as [string, Route][]).filter(([, r]) => r.method === 'GET' && r.auth === 'public' && (r.format === 'json' || r.format === 'activity'));
    assert.deepEqual(publicJsonGets.map(([name]) => name).sort(), Object.keys(requests).sort());
    let checked = 0;
    for (const [name, route] of publicJsonGets) {
      const validate = responseValidator(route);
      for (const path of requests[name]!) {
        const res = await api(node, 'GET', path);
        assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
        const body = res.body as { items?: unknown[] };
        assert.ok(validate(body), `${name} ${path}: ${JSON.stringify(validate.errors, null, 2)}`);
        const items = body.items ?? (body as { orderedItems?: unknown[] }).orderedItems ?? (body as { contents?: unknown[] }).contents;
        if (Array.isArray(items)) assert.ok(items.length > 0, `${path} is empty: nothing was checked`);
        checked++;
      }
    }
    assert.ok(checked >= 30);
  });

  test('a wrong answer does not pass: the schemas have teeth', () => {
    const validate = responseValidator(routes.getProject as Route);
    assert.equal(validate({ id: 'prj_x', status: 'published' }), false);
  });

  test('the iCalendar routes answer text/calendar, as the document says', async () => {
    assert.ok(doc.paths[routes.eventsFeed.path].get.responses['200'].content['text/calendar']);
    const res = await fetch(`${node.url}/v1/events.ics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.match(await res.text(), /^BEGIN:VCALENDAR/);
  });
});
