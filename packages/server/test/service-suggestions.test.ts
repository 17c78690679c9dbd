// "Other organizations can help": for a project's open needs (or one need), the services of the
// node's directory that could answer them: this node's own, in the project's community or those it
// is nested in, and those of an imported HSDS directory (read by the worker from a real HTTP
// server), matched on the need's words, skills and kind against their text and taxonomy.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createApiKey, pollDirectories, type RunningNode } from '../src/index.ts';
import { api, startTestNode } from './support/node.ts';
import { NO_RATE_LIMITS, write } from './support/requests.ts';

let node: RunningNode;
let directory: Server;
let directoryUrl: string;
const ids: Record<string, string> = {};
const sql = (text: string, values: unknown[] = []) => node.db.query(text, values);

/** An HSDS 3 directory as another region's API serves it: two services, one filed under a taxonomy term only. */
const organization = { id: 'a0000000-0000-4000-8000-000000000001', name: 'Réseau régional', description: 'Un réseau' };
const imported = [
  {
    id: 'b0000000-0000-4000-8000-000000000001',
    organization_id: organization.id,
    name: 'Conseils verts',
    description: 'Des visites à domicile.',
    status: 'active',
    url: 'https://region.example.org/conseils',
    attributes: [{ id: 'c1', link_id: 'b1', link_type: 'service', taxonomy_term_id: 't1', taxonomy_term: { id: 't1', name: 'Horticulture', code: 'HORT' } }],
  },
  {
    id: 'b0000000-0000-4000-8000-000000000002',
    organization_id: organization.id,
    name: 'Fonds de démarrage',
    description: 'Une subvention pour lancer un projet citoyen.',
    status: 'active',
    attributes: [{ id: 'c2', link_id: 'b2', link_type: 'service', taxonomy_term_id: 't2', taxonomy_term: { id: 't2', name: 'Financement communautaire', code: 'FIN' } }],
  },
  // Closed: never suggested, though it says "jardinage".
  { id: 'b0000000-0000-4000-8000-000000000003', organization_id: organization.id, name: 'Jardinage d’hiver', description: 'Fermé.', status: 'inactive' },
];

function serveDirectory(): Promise<void> {
  const page = (contents: unknown[]) => ({ total_items: contents.length, total_pages: 1, page_number: 1, size: contents.length, first_page: true, last_page: true, empty: !contents.length, contents });
  directory = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const body =
      path === '/' ? { version: '3.0', profile: 'https://openreferral.org/', openapi_url: 'https://region.example.org/openapi.json' }
      : path === '/services' ? page(imported)
      : path === '/organizations' ? page([organization])
      : imported.find((s) => path === `/services/${s.id}`);
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  return new Promise((resolve) => directory.listen(0, '127.0.0.1', () => resolve()));
}

async function service(key: string, name: string, body: object) {
  const res = await api(node, 'POST', '/v1/services', { headers: write(key), body: { languages: ['fr'], ...body } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  ids[name] = res.body.id;
}

before(async () => {
  node = await startTestNode({ rateLimits: NO_RATE_LIMITS, workerPollMs: 0, followInterval: 0 });
  await serveDirectory();
  directoryUrl = `http://127.0.0.1:${(directory.address() as AddressInfo).port}`;

  // A city with two neighbourhoods, and another city.
  await sql(`insert into communities (id, slug, kind, level, parent_id, name) values ('com_city', 'ville', 'territorial', 'city', null, '{"fr":"Ville"}'),
             ('com_hood', 'quartier', 'territorial', 'neighbourhood', 'com_city', '{"fr":"Quartier"}'),
             ('com_next', 'voisin', 'territorial', 'neighbourhood', 'com_city', '{"fr":"Voisin"}'),
             ('com_else', 'ailleurs', 'territorial', 'city', null, '{"fr":"Ailleurs"}')`);
  await sql(`insert into organizations (id, slug, name, kind, website) values ('org_a', 'porteur', 'Porteur', 'community_organization', null),
             ('org_b', 'entraide', 'Entraide du quartier', 'community_organization', 'https://entraide.example.org/'), ('org_c', 'loin', 'Organisme lointain', 'community_organization', null)`);
  await sql(`update organizations set name_en = 'Neighbourhood mutual aid' where id = 'org_b'`);
  await sql(`insert into organization_communities (organization_id, community_id) values ('org_b', 'com_hood'), ('org_c', 'com_else')`);

  const project = (id: string, status: string, community: string) =>
    sql(`insert into projects (id, organization_id, status, title, summary, themes) values ($1, 'org_a', $2, '{"fr":"P"}', '{"fr":"S"}', '{environment}')`, [id, status])
      .then(() => sql('insert into project_communities (project_id, community_id) values ($1, $2)', [id, community]));
  const need = (id: string, projectId: string, category: string, title: object, more: { skills?: string[]; status?: string; position?: number } = {}) =>
    sql(`insert into needs (id, project_id, category, unit, title, wanted, skills, status, position) values ($1, $2, $3, $4, $5, 10, $6, $7, $8)`, [
      id, projectId, category, category === 'human' ? 'hours' : null, JSON.stringify(title), more.skills ?? [], more.status ?? 'open', more.position ?? 0,
    ]);
  await project('prj_pub', 'published', 'com_hood');
  await need('need_garden', 'prj_pub', 'human', { fr: 'Animer des ateliers de jardinage', en: 'Lead gardening workshops' }, { skills: ['compostage', 'horticulture'], position: 0 });
  await need('need_money', 'prj_pub', 'financial', { fr: 'Achat de semences', en: 'Buying seeds' }, { position: 1 });
  await need('need_nothing', 'prj_pub', 'material', { fr: 'Xylophones' }, { position: 2 });
  await need('need_closed', 'prj_pub', 'human', { fr: 'Jardinage' }, { status: 'closed', position: 3 });
  await project('prj_else', 'published', 'com_else');
  await need('need_else', 'prj_else', 'human', { fr: 'Ateliers de jardinage' });
  await project('prj_draft', 'draft', 'com_hood');
  await need('need_draft', 'prj_draft', 'human', { fr: 'Jardinage' });

  const b = await createApiKey(node.db, { role: 'organization', organizationId: 'org_b', label: 'b' });
  const c = await createApiKey(node.db, { role: 'organization', organizationId: 'org_c', label: 'c' });
  // In the city around the project's neighbourhood: suggested.
  await service(b, 'gardens', {
    name: { fr: 'Jardins collectifs', en: 'Community gardens' },
    description: { fr: 'Des ateliers de jardinage et de compostage pour tous.', en: 'Gardening workshops for everyone.' },
    website: 'https://jardins.example.org/',
    communities: ['ville'],
  });
  // No community of its own: its organization's neighbourhood, the project's. French only.
  await service(b, 'seedLibrary', { name: { fr: 'Grainothèque' }, description: { fr: 'Des semences à échanger, sans frais.' } });
  // Elsewhere, in a sibling neighbourhood, or inactive: never suggested for the project.
  await service(c, 'farAway', { name: { fr: 'Ateliers de jardinage' }, description: { fr: 'Au parc.' }, communities: ['ailleurs'] });
  await service(b, 'nextDoor', { name: { fr: 'Jardinage en ruelle' }, description: { fr: 'Dans la ruelle verte.' }, communities: ['voisin'] });
  // The project's own organization's: it is not another organization.
  const a = await createApiKey(node.db, { role: 'organization', organizationId: 'org_a', label: 'a' });
  await service(a, 'own', { name: { fr: 'Ateliers de jardinage du porteur' }, description: { fr: 'Jardinage et compostage.' }, communities: ['quartier'] });
  await service(b, 'closed', { name: { fr: 'Jardinage au sous-sol' }, description: { fr: 'Fermé cet hiver.' }, communities: ['quartier'], status: 'inactive' });

  await sql(`insert into directories (id, url, lang, next_poll_at, created_at) values ('dir_region', $1, 'fr', now(), now())`, [directoryUrl]);
  assert.equal(await pollDirectories(node.db, new Date(Date.now() + 1000), { interval: 60_000 }), 1);
  const [dir] = await sql(`select state from directories where id = 'dir_region'`);
  assert.equal((dir as { state: string }).state, 'ok');
});
after(async () => {
  await node?.close();
  await new Promise((resolve) => directory?.close(resolve));
});

const names = (body: { needs: { need: string; services: { name: string }[] }[] }) => Object.fromEntries(body.needs.map((n) => [n.need, n.services.map((s) => s.name)]));

describe('services that could answer a need', () => {
  test("a project's open needs, each with the services that match it, best first; none from another community; none when nothing matches", async () => {
    const res = await api(node, 'GET', '/v1/service-suggestions?project=prj_pub');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.headers.get('cache-control') ?? '', /public/);
    assert.ok(res.headers.get('etag'));
    // The garden need's words and skills: the city's gardens (atelier, jardinage, compostage, gardening, workshop),
    // then the imported service filed under "Horticulture" only. The money need: the imported fund
    // (fonds, subvention, financement: three of its kind's words), then the seed library (semence).
    assert.deepEqual(names(res.body), {
      need_garden: ['Jardins collectifs', 'Conseils verts'],
      need_money: ['Fonds de démarrage', 'Grainothèque'],
      need_nothing: [],
    });
    const [gardens, advice] = res.body.needs[0].services;
    assert.deepEqual(gardens, {
      id: ids.gardens,
      name: 'Jardins collectifs',
      description: 'Des ateliers de jardinage et de compostage pour tous.',
      lang: 'fr',
      organization: { name: 'Entraide du quartier' },
      url: 'https://jardins.example.org/',
    });
    assert.deepEqual(advice, {
      id: imported[0]!.id,
      name: 'Conseils verts',
      description: 'Des visites à domicile.',
      lang: 'fr',
      organization: { name: 'Réseau régional' },
      url: 'https://region.example.org/conseils',
      origin: directoryUrl,
    });
    // Without a website of its own, the service links to its organization's.
    assert.equal(res.body.needs[1].services[1].url, 'https://entraide.example.org/');
    assert.equal(res.body.needs[1].services[0].url, null);
  });

  test("a project in another community gets that community's services, not this one's", async () => {
    const res = await api(node, 'GET', '/v1/service-suggestions?project=prj_else');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(names(res.body), { need_else: ['Ateliers de jardinage'] });
    assert.equal(res.body.needs[0].services[0].id, ids.farAway);
  });

  test('one need, in English where the service has it, and as many as asked', async () => {
    const res = await api(node, 'GET', '/v1/service-suggestions?need=need_garden&lang=en&limit=1');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.needs, [
      { need: 'need_garden', services: [{ id: ids.gardens, name: 'Community gardens', description: 'Gardening workshops for everyone.', lang: 'en', organization: { name: 'Neighbourhood mutual aid' }, url: 'https://jardins.example.org/' }] },
    ]);
    // French only: said in French, and marked so (its organization still in English: it has an English name).
    const money = await api(node, 'GET', '/v1/service-suggestions?need=need_money&lang=en');
    assert.deepEqual(money.body.needs[0].services[1], { id: ids.seedLibrary, name: 'Grainothèque', description: 'Des semences à échanger, sans frais.', lang: 'fr', organization: { name: 'Neighbourhood mutual aid' }, url: 'https://entraide.example.org/' });
  });

  test('a project or need that is not public is not found; both or neither is refused', async () => {
    for (const query of ['project=prj_draft', 'need=need_draft', 'project=prj_nope', 'need=need_nope']) {
      const res = await api(node, 'GET', `/v1/service-suggestions?${query}`);
      assert.equal(res.status, 404, query);
      assert.equal(res.body.code, 'not_found');
    }
    for (const query of ['', 'project=prj_pub&need=need_garden']) {
      const res = await api(node, 'GET', `/v1/service-suggestions?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.errors[0].code, 'one_of');
    }
    assert.equal((await api(node, 'GET', '/v1/service-suggestions?project=prj_pub&limit=11')).status, 400);
  });
});
