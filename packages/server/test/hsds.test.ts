// The resource directory: organizations describe their services (French and English) through the
// API; the node serves them as an Open Referral HSDS 3 API, validated against the specification's
// own JSON schemas; a second node imports that API by URL and its worker keeps the copy in sync.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DEMO_KEYS } from '../src/seed/demo-ids.ts';
import { createApiKey, pollDirectories, type FollowingOptions, type RunningNode } from '../src/index.ts';
import { api, startTestNode } from './support/node.ts';
import { bearer, NO_RATE_LIMITS, write } from './support/requests.ts';

const SCHEMAS = join(import.meta.dirname, 'fixtures/hsds');

/** The specification's schemas, each under its file name so that their `$ref`s resolve. */
function hsdsValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.json'))) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')), file);
  for (const file of ['service_list.json', 'organization_list.json']) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, 'compiled', file), 'utf8')), `compiled/${file}`);
  // The API's Page (from the specification's openapi.json), with its contents.
  const page = (item: string) => ({
    type: 'object',
    required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
    properties: {
      total_items: { type: 'integer' },
      total_pages: { type: 'integer' },
      page_number: { type: 'integer' },
      size: { type: 'integer' },
      first_page: { type: 'boolean' },
      last_page: { type: 'boolean' },
      empty: { type: 'boolean' },
      contents: { type: 'array', items: { $ref: item } },
    },
  });
  return {
    service: ajv.getSchema('service.json')!,
    organization: ajv.getSchema('organization.json')!,
    servicePage: ajv.compile(page('compiled/service_list.json')),
    organizationPage: ajv.compile(page('compiled/organization_list.json')),
    meta: ajv.compile({ type: 'object', required: ['version'], properties: { version: { type: 'string' }, profile: { type: 'string', format: 'uri' }, openapi_url: { type: 'string', format: 'uri' } } }),
  };
}
const hsds = hsdsValidators();
function valid(validate: ReturnType<typeof hsdsValidators>['service'], body: unknown, what: string) {
  assert.ok(validate(body), `${what}: ${JSON.stringify(validate.errors, null, 2)}`);
}

const foodBank = {
  name: { fr: 'Comptoir alimentaire', en: 'Food bank' },
  description: { fr: 'Des denrées chaque semaine pour les familles du quartier.', en: 'Groceries every week for families of the neighbourhood.' },
  audience: { fr: 'Familles à faible revenu de Hochelaga', en: 'Low-income families in Hochelaga' },
  languages: ['fr', 'en', 'es'],
  hours: [
    { days: ['TU', 'TH'], opens: '13:00', closes: '16:30' },
    { days: ['SA'], opens: '09:00', closes: '12:00' },
  ],
  hoursNote: { fr: 'Fermé les jours fériés', en: 'Closed on holidays' },
  place: { name: 'Carrefour familial', address: '1611, rue Dézéry', city: 'Montréal', postalCode: 'H1W 2R8' },
  website: 'https://comptoir.example.org/',
  email: 'comptoir@example.org',
  phone: '514 555-0199 poste 2',
  cost: { free: false, amount: 500, note: { fr: '5 $ par panier', en: '$5 a basket' } },
  communities: ['hochelaga'],
};
const taxClinic = {
  name: { fr: 'Clinique d’impôts' },
  description: { fr: 'Des bénévoles remplissent vos déclarations de revenus.' },
  languages: ['fr'],
  cost: { free: true },
};

describe('the HSDS 3 resource directory', () => {
  let a: RunningNode;
  let b: RunningNode;
  let curator: string;
  const key = DEMO_KEYS.tableHochelaga;
  const ids: Record<string, string> = {};

  before(async () => {
    a = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, workerPollMs: 0, followInterval: 0 });
    // B's worker keeps imported directories in sync at this pace; the test runs it by hand.
    b = await startTestNode({ rateLimits: NO_RATE_LIMITS, workerPollMs: 0, followInterval: 60_000, readPrivateOrigins: true });
    curator = await createApiKey(b.db, { role: 'curator', label: 'B curator' });
  });
  after(async () => {
    await Promise.allSettled([a?.close(), b?.close()]);
  });

  describe('an organization describes its services', () => {
    test('created with its key, in French and English, read back whole', async () => {
      for (const [name, body] of Object.entries({ foodBank, taxClinic })) {
        const res = await api(a, 'POST', '/v1/services', { headers: write(key), body });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        assert.match(res.body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        ids[name] = res.body.id;
      }
      const { status, body } = await api(a, 'GET', `/v1/services/${ids.foodBank}`);
      assert.equal(status, 200);
      assert.deepEqual(body.name, foodBank.name);
      assert.deepEqual(body.hours, foodBank.hours);
      assert.deepEqual(body.place, foodBank.place);
      assert.deepEqual(body.cost, { free: false, amount: 500, note: foodBank.cost.note });
      assert.equal(body.organization.slug, 'table-hochelaga');
      assert.equal(body.status, 'active');
    });

    test('without a key, with a curator key or with a bad field, nothing is written', async () => {
      assert.equal((await api(a, 'POST', '/v1/services', { headers: write(), body: taxClinic })).status, 401);
      assert.equal((await api(a, 'POST', '/v1/services', { headers: write(DEMO_KEYS.curator), body: taxClinic })).status, 403);
      const bad = await api(a, 'POST', '/v1/services', { headers: write(key), body: { ...foodBank, place: { ...foodBank.place, postalCode: '12345' }, hours: [{ days: ['XX'], opens: '25:00', closes: '9h' }] } });
      assert.equal(bad.status, 400);
      const paths = bad.body.errors.map((e: { path: string }) => e.path);
      for (const path of ['body.place.postalCode', 'body.hours.0.days.0', 'body.hours.0.opens', 'body.hours.0.closes']) assert.ok(paths.includes(path), `${path} in ${paths}`);
      const [row] = await a.db.query<{ n: number }>("select count(*) as n from org_services where organization_id = 'org_table-hochelaga'");
      assert.equal(Number(row?.n), 2);
    });

    test('a NUL in a search or an organization id is a 400 naming it (the fuzz found a 500)', async () => {
      for (const [query, path] of [['organization_id=a%00b', 'query.organization_id'], ['search=a%00b', 'query.search']]) {
        const res = await api(a, 'GET', `/hsds/services?${query}`);
        assert.equal(res.status, 400, query);
        assert.equal(res.body.errors[0].path, path);
      }
    });

    test("edited by its organization only; another organization's key finds nothing", async () => {
      const other = await api(a, 'PATCH', `/v1/services/${ids.taxClinic}`, { headers: write(DEMO_KEYS.carrefourVilleray), body: { status: 'inactive' } });
      assert.equal(other.status, 404);
      const res = await api(a, 'PATCH', `/v1/services/${ids.taxClinic}`, { headers: write(key), body: { name: { fr: 'Clinique d’impôts bénévole', en: 'Volunteer tax clinic' } } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.name.en, 'Volunteer tax clinic');
      assert.deepEqual(res.body.cost, { free: true, amount: null, note: null }, 'what the edit did not name stays');
    });
  });

  describe('the HSDS API', () => {
    test('its root, with and without the trailing slash HSDS clients use', async () => {
      for (const path of ['/hsds', '/hsds/']) {
        const res = await api(a, 'GET', path);
        assert.equal(res.status, 200);
        valid(hsds.meta, res.body, path);
        assert.equal(res.body.version, '3.0');
      }
      assert.equal((await api(a, 'GET', '/.well-known/perron.json')).body.hsds, `${a.url}/hsds`);
    });

    test('services, a page and one whole service validate against the Open Referral schemas, in French and English', async () => {
      const list = await api(a, 'GET', '/hsds/services');
      assert.equal(list.status, 200);
      valid(hsds.servicePage, list.body, '/hsds/services');
      assert.equal(list.body.total_items, 7, "the demo's five and these two");
      assert.deepEqual(
        list.body.contents.slice(-2).map((s: { id: string }) => s.id),
        [ids.foodBank, ids.taxClinic],
      );

      const organizationId = list.body.contents.at(-1).organization_id;
      const second = await api(a, 'GET', `/hsds/services?page=2&per_page=1&organization_id=${organizationId}`);
      valid(hsds.servicePage, second.body, 'page 2');
      assert.deepEqual([second.body.page_number, second.body.size, second.body.total_pages, second.body.first_page, second.body.last_page], [2, 1, 2, false, true]);
      assert.equal(second.body.contents[0].id, ids.taxClinic);

      const fr = (await api(a, 'GET', `/hsds/services/${ids.foodBank}`)).body;
      valid(hsds.service, fr, 'a service');
      assert.equal(fr.name, 'Comptoir alimentaire');
      assert.equal(fr.alternate_name, 'Food bank');
      assert.equal(fr.eligibility_description, 'Familles à faible revenu de Hochelaga');
      assert.equal(fr.fees_description, '5 $ par panier');
      assert.deepEqual(fr.cost_options.map((c: any) => [c.option, c.amount, c.currency]), [['fee', 5, 'CAD']]);
      assert.deepEqual(fr.languages.map((l: any) => [l.code, l.name]), [['fr', 'français'], ['en', 'anglais'], ['es', 'espagnol']]);
      assert.deepEqual(fr.schedules.map((s: any) => [s.freq, s.byday, s.opens_at, s.closes_at]), [['WEEKLY', 'TU,TH', '13:00', '16:30'], ['WEEKLY', 'SA', '09:00', '12:00']]);
      const address = fr.service_at_locations[0].location.addresses[0];
      assert.deepEqual([address.address_1, address.city, address.state_province, address.postal_code, address.country], ['1611, rue Dézéry', 'Montréal', 'QC', 'H1W 2R8', 'CA']);
      assert.deepEqual([fr.phones[0].number, fr.email, fr.url], ['514 555-0199 poste 2', 'comptoir@example.org', 'https://comptoir.example.org/']);
      assert.equal(fr.organization.name, (await api(a, 'GET', '/v1/organizations/table-hochelaga')).body.name);
      valid(hsds.organization, fr.organization, 'its organization');

      const en = (await api(a, 'GET', `/hsds/services/${ids.foodBank}?lang=en`)).body;
      valid(hsds.service, en, 'in English');
      assert.deepEqual([en.name, en.eligibility_description, en.schedules[0].description], ['Food bank', 'Low-income families in Hochelaga', 'Closed on holidays']);
      assert.equal(en.languages[2].name, 'Spanish');
      assert.equal(en.id, fr.id, 'one record, two languages');
    });

    test('organizations: those that offer services, paged as HSDS says', async () => {
      const res = await api(a, 'GET', '/hsds/organizations');
      assert.equal(res.status, 200);
      valid(hsds.organizationPage, res.body, '/hsds/organizations');
      assert.equal(res.body.total_items, 5, "the demo's four and this one; none without a service");
      const fr = (await api(a, 'GET', `/hsds/services/${ids.foodBank}`)).body;
      assert.ok(res.body.contents.some((o: { id: string }) => o.id === fr.organization_id));
    });

    test('an organization with an English name: named in the language asked for, the other as alternate_name', async () => {
      await a.db.query(`update organizations set name_en = 'Hochelaga-Maisonneuve Neighbourhood Table' where slug = 'table-hochelaga'`);
      try {
        const names = (o: { name: string; alternate_name?: string }) => [o.name, o.alternate_name];
        const fr = (await api(a, 'GET', `/hsds/services/${ids.foodBank}`)).body.organization;
        const en = (await api(a, 'GET', `/hsds/services/${ids.foodBank}?lang=en`)).body.organization;
        assert.deepEqual(names(fr), ['Table de quartier Hochelaga-Maisonneuve', 'Hochelaga-Maisonneuve Neighbourhood Table']);
        assert.deepEqual(names(en), ['Hochelaga-Maisonneuve Neighbourhood Table', 'Table de quartier Hochelaga-Maisonneuve']);
        valid(hsds.organization, en, 'in English');
        const listed = (await api(a, 'GET', '/hsds/organizations?lang=en')).body.contents.find((o: { id: string }) => o.id === fr.id);
        assert.deepEqual(names(listed), names(en));
        // This node's own API gives both, for the elements to pick from.
        const service = (await api(a, 'GET', `/v1/services/${ids.foodBank}`)).body;
        assert.deepEqual([service.organization.name, service.organization.nameEn], ['Table de quartier Hochelaga-Maisonneuve', 'Hochelaga-Maisonneuve Neighbourhood Table']);
        // Without an English name, none is made up.
        const other = (await api(a, 'GET', '/hsds/organizations?lang=en')).body.contents.find((o: { id: string; name: string }) => o.name === 'Accueil Parc-Extension');
        assert.equal(other.alternate_name, undefined);
      } finally {
        await a.db.query(`update organizations set name_en = null where slug = 'table-hochelaga'`);
      }
    });

    test('searching by words, filtering by organization; an unknown service is a 404', async () => {
      const found = (await api(a, 'GET', `/hsds/services?search=${encodeURIComponent('impots')}`)).body.contents.map((s: { name: string }) => s.name);
      assert.deepEqual(found, ['Clinique d’impôts bénévole', 'Clinique d’impôts bénévole'], "the demo's and this one, accents or not");
      const spanish = (await api(a, 'GET', '/hsds/services?language=es')).body.contents.map((s: { id: string }) => s.id);
      assert.ok(spanish.includes(ids.foodBank) && !spanish.includes(ids.taxClinic), `${spanish}`);
      const none = await api(a, 'GET', `/hsds/services?organization_id=${'0'.repeat(8)}-0000-5000-8000-${'0'.repeat(12)}`);
      valid(hsds.servicePage, none.body, 'an empty page');
      assert.equal(none.body.empty, true);
      assert.equal((await api(a, 'GET', `/hsds/services/${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}`)).status, 404);
    });

    test('the schemas have teeth: a service without its id or with a wrong status does not pass', async () => {
      const fr = (await api(a, 'GET', `/hsds/services/${ids.foodBank}`)).body;
      const { id: _, ...noId } = fr;
      assert.equal(hsds.service(noId), false);
      assert.equal(hsds.service({ ...fr, status: 'open' }), false);
    });
  });

  describe('another node imports the directory by URL and keeps it in sync', () => {
    const logged: string[] = [];
    const statuses: number[] = [];
    let down = false;
    const options: FollowingOptions = {
      interval: 60_000,
      log: (line) => logged.push(line),
      fetch: async (input, init) => {
        if (down) throw new TypeError('fetch failed');
        const res = await fetch(input, init);
        statuses.push(res.status);
        return res;
      },
    };
    let clock = Date.now();
    const poll = () => pollDirectories(b.db, new Date((clock += 3_600_000 * 2)), options);
    const whole = async (node: RunningNode, id: string) => (await api(node, 'GET', `/hsds/services/${id}`)).body;

    test('a curator adds it; the worker reads it; every field of every service round-trips', async () => {
      assert.equal((await api(b, 'POST', '/v1/directories', { headers: write(), body: { url: `${a.url}/hsds/` } })).status, 401);
      const created = await api(b, 'POST', '/v1/directories', { headers: write(curator), body: { url: `${a.url}/hsds/` } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual([created.body.url, created.body.state, created.body.lang], [`${a.url}/hsds`, 'pending', 'fr']);
      const again = await api(b, 'POST', '/v1/directories', { headers: write(curator), body: { url: `${a.url}/hsds` } });
      assert.equal(again.status, 409);

      // The job the creation queued, run by B's worker.
      assert.ok((await b.worker.drain()) >= 1);
      const [dir] = (await api(b, 'GET', '/v1/directories', { headers: bearer(curator) })).body.items;
      assert.deepEqual([dir.state, dir.serviceCount, dir.organizationCount], ['ok', 7, 5], JSON.stringify(dir));

      const atOrigin = (await api(a, 'GET', '/hsds/services?per_page=100')).body.contents.map((s: { id: string }) => s.id);
      assert.equal(atOrigin.length, 7);
      for (const id of atOrigin) {
        const copy = await whole(b, id);
        valid(hsds.service, copy, 'an imported service');
        // Where it comes from, in HSDS's provenance record: the one thing B adds to what A served.
        const { metadata, ...rest } = copy;
        const { metadata: atA, ...original } = await whole(a, id);
        assert.deepEqual(rest, original);
        assert.equal(metadata.length, (atA ?? []).length + 1);
        const origin = metadata.at(-1);
        assert.match(origin.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.deepEqual({ ...origin, id: undefined, last_action_date: origin.last_action_date.length }, {
          id: undefined,
          resource_id: id,
          resource_type: 'service',
          last_action_date: 10,
          last_action_type: 'import',
          field_name: '',
          previous_value: '',
          replacement_value: `${a.url}/hsds/services/${id}`,
          updated_by: `${a.url}/hsds`,
        });
      }
      const list = await api(b, 'GET', '/hsds/services');
      valid(hsds.servicePage, list.body, "B's services");
      assert.equal(list.body.total_items, 7);
      assert.equal(list.body.contents.filter((s: { metadata?: { updated_by: string }[] }) => s.metadata?.at(-1)?.updated_by === `${a.url}/hsds`).length, 7, 'the list says it too');
      // A's own services say nothing of the kind.
      assert.equal((await whole(a, atOrigin[0])).metadata, undefined);
      const orgs = await api(b, 'GET', '/hsds/organizations');
      valid(hsds.organizationPage, orgs.body, "B's organizations");
      assert.deepEqual(orgs.body.contents, (await api(a, 'GET', '/hsds/organizations')).body.contents);
      const [origin] = await b.db.query<{ url: string }>('select d.url from directory_services s join directories d on d.id = s.directory_id where s.id = $1', [ids.foodBank]);
      assert.equal(origin!.url, `${a.url}/hsds`, 'each copy keeps its origin');
    });

    test('a node refuses a directory on this machine or a private network unless told otherwise (the worker would read it from inside)', async () => {
      const aCurator = await createApiKey(a.db, { role: 'curator', label: 'A curator' });
      for (const url of ['http://10.0.0.5/hsds', 'http://[::1]:8080/hsds', 'http://localhost/hsds', `${b.url}/hsds`]) {
        const refused = await api(a, 'POST', '/v1/directories', { headers: write(aCurator), body: { url } });
        assert.equal(refused.status, 400, url);
        assert.deepEqual(refused.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['body.url', 'private_address']], url);
      }
      assert.equal((await a.db.query('select 1 from directories')).length, 0);
    });

    test('an unchanged directory costs 304s; a change at the origin arrives; a service removed there leaves', async () => {
      statuses.length = 0;
      await poll();
      assert.ok(statuses.filter((s) => s === 304).length >= 2, `${statuses}`);
      await api(a, 'PATCH', `/v1/services/${ids.foodBank}`, { headers: write(key), body: { status: 'temporarily closed' } });
      await api(a, 'DELETE', `/v1/services/${ids.taxClinic}`, { headers: write(key) });
      await poll();
      assert.equal((await whole(b, ids.foodBank!)).status, 'temporarily closed');
      assert.equal((await api(b, 'GET', `/hsds/services/${ids.taxClinic}`)).status, 404);
      const { metadata, ...copy } = await whole(b, ids.foodBank!);
      assert.deepEqual(copy, await whole(a, ids.foodBank!));
      assert.equal(metadata.at(-1).last_action_date, new Date(clock).toISOString().slice(0, 10), 'the day of the last read');
    });

    test('an origin that does not answer costs a log line; the copy stays', async () => {
      down = true;
      try {
        await poll();
      } finally {
        down = false;
      }
      assert.equal(logged.length, 1);
      assert.match(logged[0]!, /unreachable.*copy is kept/);
      const [dir] = (await api(b, 'GET', '/v1/directories', { headers: bearer(curator) })).body.items;
      assert.equal(dir.state, 'unreachable');
      assert.equal((await api(b, 'GET', `/hsds/services/${ids.foodBank}`)).status, 200);
    });

    test('removing the directory removes its services', async () => {
      const [dir] = (await api(b, 'GET', '/v1/directories', { headers: bearer(curator) })).body.items;
      assert.equal((await api(b, 'DELETE', `/v1/directories/${dir.id}`, { headers: write(curator) })).status, 200);
      assert.equal((await api(b, 'GET', '/hsds/services')).body.total_items, 0);
    });
  });
});
