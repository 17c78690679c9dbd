import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jsonld from 'jsonld';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { approvePendingChanges, NO_RATE_LIMITS, publishedProjectWithNeed, write } from './support/requests.ts';

// schema.org JSON-LD on the public pages, read as a search engine would: the script blocks of the
// page, parsed, then expanded by a JSON-LD processor, whose types must be schema.org's.

const HOSTILE = 'Corvée </script><script>alert(1)</script> <!-- « ruelle »';
const S = 'https://schema.org/';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, workerPollMs: 0 })));
after(() => node.close());

/** The JSON-LD blocks of a page, as a crawler extracts them. */
async function blocks(path: string): Promise<{ html: string; data: any[] }> {
  const res = await fetch(`${node.url}${path}`);
  assert.equal(res.status, 200, path);
  const html = await res.text();
  const data = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
  return { html, data };
}

/** Expanded offline: the schema.org context is its vocabulary (what https://schema.org serves maps every term there). */
const expand = (doc: unknown): Promise<any[]> =>
  jsonld.expand(doc as jsonld.JsonLdDocument, {
    documentLoader: async (url: string) => {
      if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`unexpected context ${url}`);
      return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': S } } };
    },
  });
const types = (node: any) => node['@type'] as string[];
const value = (node: any, term: string) => node[`${S}${term}`]?.[0]?.['@value'] ?? node[`${S}${term}`]?.[0]?.['@id'];

describe('schema.org JSON-LD', () => {
  let projectId: string;
  before(async () => {
    const key = DEMO_KEYS.tableHochelaga;
    ({ projectId } = await publishedProjectWithNeed(
      node,
      key,
      DEMO_KEYS.curator,
      { category: 'human', title: { fr: 'Bénévoles </script>', en: 'Volunteers' }, unit: 'people', wanted: 6 },
      { title: { fr: HOSTILE, en: 'Alley clean-up' } },
    ));
    for (const need of [
      { category: 'material', title: { fr: 'Râteaux' }, unit: { fr: 'râteaux', en: 'rakes' }, wanted: 12, deadline: '2027-03-20' },
      { category: 'financial', title: { fr: 'Sacs compostables' }, wanted: 25_000 },
    ]) {
      const made = await api(node, 'POST', `/v1/projects/${projectId}/needs`, { headers: write(key), body: need });
      assert.equal(made.status, 201, JSON.stringify(made.body));
    }
    // The money need, added once published, is public when a curator approves it.
    await approvePendingChanges(node, DEMO_KEYS.curator, projectId);
  });

  test('a project page carries a Project that seeks its needs as Demand, and a hostile title cannot leave the script', async () => {
    const { html, data } = await blocks(`/projects/${projectId}`);
    assert.equal(data.length, 1);
    assert.ok(!html.includes('<script>alert(1)'), 'the typed </script> did not close the block');
    assert.equal(data[0].name, HOSTILE, 'the title reads back whole from the JSON');
    const [project] = await expand(data[0]);
    assert.deepEqual(types(project), [`${S}Project`]);
    assert.equal(value(project, 'url'), `${node.url}/projects/${projectId}`);
    assert.equal(value(project, 'inLanguage'), 'fr-CA');
    assert.deepEqual(types(project[`${S}parentOrganization`][0]), [`${S}Organization`]);
    const demands = project[`${S}seeks`] as any[];
    assert.equal(demands.length, 3);
    assert.ok(demands.every((d) => types(d)[0] === `${S}Demand`));
    const byName = Object.fromEntries(demands.map((d) => [value(d, 'name'), d]));
    assert.equal(value(byName['Bénévoles </script>'][`${S}eligibleQuantity`][0], 'value'), 6);
    assert.equal(value(byName['Râteaux'][`${S}eligibleQuantity`][0], 'unitText'), 'râteaux');
    const price = byName['Sacs compostables'][`${S}priceSpecification`][0];
    assert.deepEqual([value(price, 'price'), value(price, 'priceCurrency')], ['250.00', 'CAD']);
    assert.equal(value(byName['Râteaux'], 'availability'), `${S}InStock`);
    // A need's deadline is when the demand ends; a need without one has none.
    assert.equal(value(byName['Râteaux'], 'availabilityEnds'), '2027-03-20');
    assert.equal(byName['Bénévoles </script>'][`${S}availabilityEnds`], undefined);
  });

  test('a demo need with a deadline says it, the day the API gives', async () => {
    const need = await api(node, 'GET', `/v1/needs/${DEMO_NEEDS.jardinTerreau}`);
    assert.match(need.body.deadline, /^\d{4}-\d{2}-\d{2}$/);
    const [project] = await expand((await blocks(`/projects/${DEMO_PROJECTS.jardinOntario}`)).data[0]);
    const soil = (project[`${S}seeks`] as any[]).find((d) => d['@id'] === `${node.url}/projects/${DEMO_PROJECTS.jardinOntario}#need-${DEMO_NEEDS.jardinTerreau}`);
    assert.equal(value(soil, 'availabilityEnds'), need.body.deadline);
  });

  test('in English, the English words', async () => {
    const { data } = await blocks(`/projects/${projectId}?lang=en`);
    assert.equal(data[0].name, 'Alley clean-up');
    assert.equal(data[0].inLanguage, 'en-CA');
    assert.ok(data[0].seeks.some((d: any) => d.eligibleQuantity?.unitText === 'rakes'));
  });

  test('an event page carries an Event with its place, a free offer and its capacity', async () => {
    const created = await api(node, 'POST', '/v1/events', {
      headers: write(DEMO_KEYS.tableHochelaga),
      body: {
        title: { fr: 'Atelier </script><b>x</b>', en: 'Workshop' },
        category: 'workshop',
        community: 'hochelaga',
        startsAt: '2027-03-06T14:00:00-05:00',
        endsAt: '2027-03-06T16:00:00-05:00',
        place: { name: 'Centre communautaire', address: '1800, rue Adam, Montréal' },
        capacity: 30,
        registration: true,
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { html, data } = await blocks(`/events/${created.body.id}`);
    assert.ok(!html.includes('<b>x</b>'));
    assert.equal(data.length, 1);
    const [event] = await expand(data[0]);
    assert.deepEqual(types(event), [`${S}Event`]);
    assert.equal(value(event, 'name'), 'Atelier </script><b>x</b>');
    assert.equal(value(event, 'startDate'), '2027-03-06T14:00:00-05:00');
    assert.equal(value(event, 'eventStatus'), `${S}EventScheduled`);
    assert.equal(value(event, 'maximumAttendeeCapacity'), 30);
    assert.equal(value(event, 'remainingAttendeeCapacity'), 30);
    const place = event[`${S}location`][0];
    assert.deepEqual(types(place), [`${S}Place`]);
    assert.equal(value(place, 'name'), 'Centre communautaire');
    assert.equal(value(place[`${S}address`][0], 'streetAddress'), '1800, rue Adam, Montréal');
    const offer = event[`${S}offers`][0];
    assert.deepEqual(types(offer), [`${S}Offer`]);
    assert.deepEqual([value(offer, 'price'), value(offer, 'priceCurrency'), value(offer, 'availability')], ['0', 'CAD', `${S}InStock`]);
  });
});
