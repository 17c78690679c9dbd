import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey, type RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_ORGANIZATIONS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { bearer, NO_RATE_LIMITS, projectBody, write } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS })));
after(() => node.close());

const TABLE = DEMO_KEYS.tableHochelaga;
const CURATOR = DEMO_KEYS.curator;
const count = async (sql: string, params: unknown[] = []) => Number((await node.db.query<{ n: number }>(sql, params))[0]!.n);
const allPages = async (path: string, headers: Record<string, string> = {}) => {
  const items: any[] = [];
  let pages = 0;
  for (let cursor: string | null = null; ; ) {
    const res = await api(node, 'GET', `${path}${path.includes('?') ? '&' : '?'}limit=3${cursor ? `&cursor=${cursor}` : ''}`, { headers });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    items.push(...res.body.items);
    pages++;
    cursor = res.body.nextCursor;
    if (!cursor) return { items, pages };
  }
};

describe('the public list of projects', () => {
  test('shows published projects only by default, newest first, with organization, communities and progress', async () => {
    const res = await api(node, 'GET', '/v1/projects?limit=100');
    assert.equal(res.status, 200);
    // Live for a browser (a preload can't be an old copy), 30 s for a CDN.
    assert.equal(res.headers.get('cache-control'), 'public, max-age=0, s-maxage=30');
    assert.equal(res.headers.get('cdn-cache-control'), 'public, max-age=30, stale-while-revalidate=60');
    const published = await count(`select count(*) as n from projects where status = 'published'`);
    assert.equal(res.body.items.length, published);
    assert.ok(res.body.items.every((p: any) => p.status === 'published'));
    const dates = res.body.items.map((p: any) => p.createdAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const jardin = res.body.items.find((p: any) => p.id === DEMO_PROJECTS.jardinOntario);
    assert.equal(jardin.organization.slug, DEMO_ORGANIZATIONS.tableHochelaga);
    assert.deepEqual(jardin.communities, ['agriculture-urbaine', 'hochelaga', 'hochelaga-maisonneuve']);
    assert.deepEqual(jardin.progress.financial, { needs: 1, filled: 0, ratio: 0.35, wantedCents: 250000, pledgedCents: 87500 });
    assert.equal(jardin.url, `${node.url}/projects/${DEMO_PROJECTS.jardinOntario}`);
  });

  test('each project in the list is what its own address answers, timestamps included', async () => {
    // The list reads its rows as one JSON text, the project as typed columns: both must say the same.
    const { items } = await allPages('/v1/projects');
    assert.ok(items.length > 5);
    for (const item of items) {
      const { body } = await api(node, 'GET', `/v1/projects/${item.id}`);
      const { needs, ...project } = body;
      assert.ok(Array.isArray(needs));
      assert.deepEqual(item, project);
      assert.match(item.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  test('walks every page by cursor without repeating or skipping a project', async () => {
    const { items, pages } = await allPages('/v1/projects');
    const ids = items.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids.length, await count(`select count(*) as n from projects where status = 'published'`));
    assert.ok(pages >= 3);
  });

  test('filters by status, theme, organization and open needs of a category', async () => {
    const completed = await api(node, 'GET', '/v1/projects?status=completed');
    assert.deepEqual(completed.body.items.map((p: any) => p.id), [DEMO_PROJECTS.feteVoisins]);
    const sport = await api(node, 'GET', '/v1/projects?theme=sport');
    assert.deepEqual(sport.body.items.map((p: any) => p.id), [DEMO_PROJECTS.patinoire]);
    const coop = await api(node, 'GET', '/v1/projects?organization=cooperative-verte');
    assert.deepEqual(coop.body.items.map((p: any) => p.id).sort(), [DEMO_PROJECTS.ruelleVerte, DEMO_PROJECTS.serreEcole].sort());
    // The Mile End green alley's only human need is filled: it has no open human need.
    const human = await api(node, 'GET', '/v1/projects?needs=human&limit=100');
    const ids = human.body.items.map((p: any) => p.id);
    assert.ok(ids.includes(DEMO_PROJECTS.jardinOntario));
    assert.ok(!ids.includes(DEMO_PROJECTS.ruelleVerte));
    const expected = await count(
      `select count(*) as n from projects p where status = 'published' and exists (select 1 from needs n where n.project_id = p.id and n.category = 'human' and n.status = 'open')`,
    );
    assert.equal(ids.length, expected);
  });

  test('an organization names its partners by slug; ?partner= lists only the projects an organization supports', async () => {
    const supported = await api(node, 'GET', '/v1/projects?partner=caisse-du-centre&limit=100');
    assert.equal(supported.status, 200);
    const expected = await count(
      `select count(*) as n from projects p where p.status = 'published' and p.hidden_at is null and exists (select 1 from project_partners pp join organizations o on o.id = pp.organization_id where pp.project_id = p.id and o.slug = 'caisse-du-centre')`,
    );
    assert.ok(expected >= 2, 'the demo caisse supports several projects');
    assert.equal(supported.body.items.length, expected);
    assert.ok(supported.body.items.every((p: any) => p.partners.some((x: any) => x.organization.slug === 'caisse-du-centre')));
    assert.equal((await api(node, 'GET', '/v1/projects?partner=nobody-here')).body.items.length, 0);
    assert.equal((await api(node, 'GET', '/v1/projects?partner=Not%20a%20slug')).status, 400);

    const unknown = await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody({ partners: [{ organization: 'caisse-du-centre', role: 'funder' }, { organization: 'nobody-here', role: 'partner' }] }) });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.errors.map((e: any) => [e.path, e.code]), [['body.partners.1.organization', 'unknown_organization']]);
    const own = await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody({ partners: [{ organization: 'table-hochelaga', role: 'partner' }] }) });
    assert.equal(own.status, 400);
    assert.equal(own.body.errors[0].path, 'body.partners.0.organization');
    assert.equal((await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody({ partners: [{ organization: 'caisse-du-centre', role: 'patron' }] }) })).status, 400);

    const created = await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody({ partners: [{ organization: 'caisse-du-centre', role: 'funder' }] }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.partners.map((x: any) => [x.organization.slug, x.role]), [['caisse-du-centre', 'funder']]);
    const id = created.body.id;
    const changed = await api(node, 'PATCH', `/v1/projects/${id}`, { headers: write(TABLE), body: { partners: [{ organization: 'quincaillerie-ontario', role: 'sponsor' }] } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.partners.map((x: any) => [x.organization.slug, x.role]), [['quincaillerie-ontario', 'sponsor']], 'the list given replaces the partners');
    const untouched = await api(node, 'PATCH', `/v1/projects/${id}`, { headers: write(TABLE), body: { themes: ['culture'] } });
    assert.equal(untouched.body.partners.length, 1, 'an update without partners keeps them');
    const cleared = await api(node, 'PATCH', `/v1/projects/${id}`, { headers: write(TABLE), body: { partners: [] } });
    assert.deepEqual(cleared.body.partners, []);
    assert.equal(await count('select count(*) as n from project_partners where project_id = $1', [id]), 0);
  });

  test('searches titles and summaries in both languages, without accents or case', async () => {
    const ids = async (q: string) => (await api(node, 'GET', `/v1/projects?q=${encodeURIComponent(q)}`)).body.items.map((p: any) => p.id);
    assert.deepEqual(await ids('NUMERIQUES'), [DEMO_PROJECTS.ateliersNumeriques]);
    assert.deepEqual(await ids('ateliers numériques aînés'), [DEMO_PROJECTS.ateliersNumeriques]);
    assert.deepEqual(await ids('skating rink'), [DEMO_PROJECTS.patinoire]);
    assert.deepEqual(await ids('patinoire introuvable-xyz'), []);
    assert.deepEqual(await ids('100%'), []);
  });

  test('a community includes the communities nested in it', async () => {
    // A project only in the Hochelaga neighbourhood shows under its borough and the city, not elsewhere.
    const created = await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody({ communities: ['viauville'], title: { fr: 'Ruelle Viau' } }) });
    const id = created.body.id;
    await api(node, 'POST', `/v1/projects/${id}/submit`, { headers: write(TABLE), body: {} });
    await api(node, 'POST', `/v1/projects/${id}/publish`, { headers: write(CURATOR), body: {} });
    const inList = async (community: string) => (await allPages(`/v1/projects?community=${community}`)).items.some((p) => p.id === id);
    assert.equal(await inList('viauville'), true);
    assert.equal(await inList('hochelaga-maisonneuve'), true);
    assert.equal(await inList('montreal'), true);
    assert.equal(await inList('plateau-mont-royal'), false);
    assert.equal(await inList('hochelaga'), false);
    const villeray = await api(node, 'GET', '/v1/projects?community=villeray-saint-michel-parc-extension');
    assert.deepEqual(villeray.body.items.map((p: any) => p.id).sort(), [DEMO_PROJECTS.frigo, DEMO_PROJECTS.patinoire].sort());
  });

  test('drafts, submissions and rejected projects are not public', async () => {
    for (const id of [DEMO_PROJECTS.jumelage, DEMO_PROJECTS.bibliothequeOutils, DEMO_PROJECTS.marcheSolidaire]) {
      const res = await api(node, 'GET', `/v1/projects/${id}`);
      assert.equal(res.status, 404);
      assert.equal(res.body.code, 'not_found');
    }
    const drafts = await api(node, 'GET', '/v1/projects?status=draft');
    assert.deepEqual(drafts.body.items, []);
  });
});

describe('a project with its needs and partners', () => {
  test('comes in one request, with progress that matches its needs', async () => {
    const res = await api(node, 'GET', `/v1/projects/${DEMO_PROJECTS.jardinOntario}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('etag') ?? '', /^".+"$/);
    assert.deepEqual(res.body.needs.map((n: any) => n.category), ['human', 'material', 'financial']);
    assert.deepEqual(res.body.partners.map((p: any) => [p.organization.slug, p.role]), [['caisse-du-centre', 'funder'], ['quincaillerie-ontario', 'sponsor']]);
    const rows = await node.db.query<{ category: string; wanted: number; pledged: number }>('select category, wanted, pledged from needs where project_id = $1', [DEMO_PROJECTS.jardinOntario]);
    for (const row of rows) {
      const need = res.body.needs.find((n: any) => n.category === row.category);
      assert.equal(need.wanted, row.wanted);
      assert.equal(need.pledged, row.pledged);
      assert.equal(res.body.progress[row.category].ratio, Math.round((row.pledged / row.wanted) * 1000) / 1000);
    }
    const pledged = await count(`select coalesce(sum(quantity), 0) as n from pledges where need_id = 'need_jardin-ontario-terreau' and status in ('pending', 'confirmed', 'fulfilled')`);
    assert.equal(res.body.needs[1].pledged, pledged);
    assert.equal(res.body.supporterCount, await count(`select count(distinct contact_email) as n from pledges where project_id = $1`, [DEMO_PROJECTS.jardinOntario]));
  });

  test('has a bilingual page whose user text is escaped', async () => {
    const created = await api(node, 'POST', '/v1/projects', {
      headers: write(TABLE),
      body: projectBody({ title: { fr: '<script>alert("x")</script> Fête', en: 'Party <b>now</b>' } }),
    });
    const id = created.body.id;
    await api(node, 'POST', `/v1/projects/${id}/submit`, { headers: write(TABLE), body: {} });
    await api(node, 'POST', `/v1/projects/${id}/publish`, { headers: write(CURATOR), body: {} });
    const fr = await fetch(`${node.url}/projects/${id}`);
    const page = await fr.text();
    assert.equal(fr.status, 200);
    assert.match(fr.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Fête'));
    assert.ok(!page.includes('<script>alert'));
    assert.match(page, /<html lang="fr-CA">/);
    const en = await (await fetch(`${node.url}/projects/${id}?lang=en`)).text();
    assert.ok(en.includes('Party &lt;b&gt;now&lt;/b&gt;'));
    assert.match(en, /<html lang="en-CA">/);
    const demo = await (await fetch(`${node.url}/projects/${DEMO_PROJECTS.jardinOntario}`)).text();
    assert.ok(demo.includes('4 sur 10 personnes'));
    assert.ok(demo.includes('Caisse du Centre (bailleur de fonds)'));
    assert.equal((await fetch(`${node.url}/projects/${DEMO_PROJECTS.jumelage}`)).status, 404);
  });
});

describe('the project workflow', () => {
  test('draft → submitted → published → completed, with rows and answers at each step', async () => {
    const created = await api(node, 'POST', '/v1/projects', {
      headers: write(TABLE),
      body: projectBody({ themes: ['environment', 'environment', 'culture'], startsOn: '2027-05-01', endsOn: '2027-09-30', crowdfundingThreshold: 20 }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'draft');
    assert.deepEqual(created.body.themes, ['environment', 'culture']);
    assert.deepEqual(created.body.crowdfunding, { threshold: 20, unlocked: false });
    assert.deepEqual(created.body.needs, []);
    const id = created.body.id;
    const [row] = await node.db.query<any>('select organization_id, status, search from projects where id = $1', [id]);
    assert.equal(row.organization_id, 'org_table-hochelaga');
    assert.equal(row.search, 'bacs a fleurs de la rue adam adam street flower boxes des bacs fleuris devant les commerces de la rue adam flower boxes in front of the shops on adam street');
    assert.equal(await count('select count(*) as n from project_communities where project_id = $1', [id]), 1);

    // The owner sees its draft, in the list too; nobody else does.
    assert.equal((await api(node, 'GET', `/v1/projects/${id}`, { headers: bearer(TABLE) })).status, 200);
    const mine = await api(node, 'GET', '/v1/projects?status=draft', { headers: bearer(TABLE) });
    assert.ok(mine.body.items.some((p: any) => p.id === id));
    assert.equal(mine.headers.get('cache-control'), 'private, no-store');

    const edited = await api(node, 'PATCH', `/v1/projects/${id}`, { headers: bearer(TABLE), body: { title: { fr: 'Bacs fleuris Adam' }, communities: ['hochelaga', 'agriculture-urbaine'] } });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.title.fr, 'Bacs fleuris Adam');
    assert.deepEqual(edited.body.communities, ['agriculture-urbaine', 'hochelaga']);
    assert.match((await node.db.query<any>('select search from projects where id = $1', [id]))[0].search, /^bacs fleuris adam des bacs/);

    const early = await api(node, 'POST', `/v1/projects/${id}/publish`, { headers: write(CURATOR), body: {} });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'invalid_state');

    const submitted = await api(node, 'POST', `/v1/projects/${id}/submit`, { headers: write(TABLE), body: {} });
    assert.equal(submitted.status, 200);
    assert.equal(submitted.body.status, 'submitted');
    const review = await api(node, 'GET', '/v1/projects?status=submitted', { headers: bearer(CURATOR) });
    assert.ok(review.body.items.some((p: any) => p.id === id));
    assert.ok(review.body.items.some((p: any) => p.id === DEMO_PROJECTS.bibliothequeOutils));

    const published = await api(node, 'POST', `/v1/projects/${id}/publish`, { headers: write(CURATOR), body: {} });
    assert.equal(published.status, 200);
    assert.equal(published.body.status, 'published');
    assert.equal((await api(node, 'GET', `/v1/projects/${id}`)).status, 200);

    const again = await api(node, 'POST', `/v1/projects/${id}/submit`, { headers: write(TABLE), body: {} });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'invalid_state');

    const completed = await api(node, 'POST', `/v1/projects/${id}/complete`, { headers: write(TABLE), body: {} });
    assert.equal(completed.body.status, 'completed');
    assert.equal((await node.db.query<any>('select status from projects where id = $1', [id]))[0].status, 'completed');
    const frozen = await api(node, 'PATCH', `/v1/projects/${id}`, { headers: bearer(TABLE), body: { title: { fr: 'Trop tard' } } });
    assert.equal(frozen.status, 409);
    assert.equal(frozen.body.code, 'invalid_state');
    const cancelled = await api(node, 'POST', `/v1/projects/${id}/cancel`, { headers: write(TABLE), body: {} });
    assert.equal(cancelled.status, 409);
  });

  test('a curator rejects with a reason; the organization edits and resubmits', async () => {
    const id = (await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody() })).body.id;
    await api(node, 'POST', `/v1/projects/${id}/submit`, { headers: write(TABLE), body: {} });
    const rejected = await api(node, 'POST', `/v1/projects/${id}/reject`, { headers: write(CURATOR), body: { reason: '  Précisez le budget.  ' } });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.status, 'rejected');
    assert.equal(rejected.body.rejectionReason, 'Précisez le budget.');
    assert.equal((await api(node, 'GET', `/v1/projects/${id}`)).status, 404);
    const seen = await api(node, 'GET', `/v1/projects/${id}`, { headers: bearer(TABLE) });
    assert.equal(seen.body.rejectionReason, 'Précisez le budget.');
    const edited = await api(node, 'PATCH', `/v1/projects/${id}`, { headers: bearer(TABLE), body: { summary: { fr: 'Budget : 800 $ pour 12 bacs.' } } });
    assert.equal(edited.status, 200);
    const resubmitted = await api(node, 'POST', `/v1/projects/${id}/submit`, { headers: write(TABLE), body: {} });
    assert.equal(resubmitted.body.status, 'submitted');
    assert.equal(resubmitted.body.rejectionReason, null);
    const twice = await api(node, 'POST', `/v1/projects/${id}/reject`, { headers: write(CURATOR), body: { reason: 'Non.' } });
    assert.equal(twice.status, 200);
    const again = await api(node, 'POST', `/v1/projects/${id}/reject`, { headers: write(CURATOR), body: { reason: 'Non.' } });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'invalid_state');
  });

  test('a published project can be cancelled; its needs then take no pledge', async () => {
    const id = (await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody() })).body.id;
    const need = await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(TABLE), body: { category: 'financial', title: { fr: 'Fleurs' }, wanted: 10000 } });
    await api(node, 'POST', `/v1/projects/${id}/submit`, { headers: write(TABLE), body: {} });
    await api(node, 'POST', `/v1/projects/${id}/publish`, { headers: write(CURATOR), body: {} });
    const cancelled = await api(node, 'POST', `/v1/projects/${id}/cancel`, { headers: write(TABLE), body: {} });
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal((await api(node, 'GET', `/v1/projects?status=cancelled&organization=table-hochelaga`)).body.items[0].id, id);
    const pledge = await api(node, 'POST', `/v1/needs/${need.body.id}/pledges`, {
      headers: write(),
      body: { quantity: 500, contact: { name: 'A', email: 'a@example.org' }, consent: { version: '2026-11', shareWithOrganizers: true }, lang: 'fr' },
    });
    assert.equal(pledge.status, 409);
    assert.equal(pledge.body.code, 'invalid_state');
  });

  test('only a curator of one of its communities reviews a project', async () => {
    const plateau = await createApiKey(node.db, { role: 'curator', communityIds: ['com_plateau-mont-royal'], label: 'Plateau' });
    const id = (await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody() })).body.id;
    await api(node, 'POST', `/v1/projects/${id}/submit`, { headers: write(TABLE), body: {} });
    const elsewhere = await api(node, 'POST', `/v1/projects/${id}/publish`, { headers: write(plateau), body: {} });
    assert.equal(elsewhere.status, 404);
    const hidden = await api(node, 'GET', '/v1/projects?status=submitted', { headers: bearer(plateau) });
    assert.ok(!hidden.body.items.some((p: any) => p.id === id));
    const byOrg = await api(node, 'POST', `/v1/projects/${id}/publish`, { headers: write(TABLE), body: {} });
    assert.equal(byOrg.status, 403);
    assert.equal(byOrg.body.code, 'forbidden');
    const byCuratorCreate = await api(node, 'POST', '/v1/projects', { headers: write(CURATOR), body: projectBody() });
    assert.equal(byCuratorCreate.status, 403);
    assert.equal((await node.db.query<any>('select status from projects where id = $1', [id]))[0].status, 'submitted');
  });

  test('a replayed creation answers the first project and leaves one row; another body with that key is a conflict', async () => {
    const before = await count('select count(*) as n from projects');
    const headers = write(TABLE, 'create-project-replay-1');
    const first = await api(node, 'POST', '/v1/projects', { headers, body: projectBody() });
    const replay = await api(node, 'POST', '/v1/projects', { headers, body: projectBody() });
    assert.equal(first.status, 201);
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first.body);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('select count(*) as n from projects'), before + 1);
    const other = await api(node, 'POST', '/v1/projects', { headers, body: projectBody({ themes: ['culture'] }) });
    assert.equal(other.status, 409);
    assert.equal(other.body.code, 'idempotency_conflict');
    assert.equal(await count('select count(*) as n from projects'), before + 1);
  });
});
