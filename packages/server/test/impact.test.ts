import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { localDate } from '../src/services/time-zone.ts';
import { api, startTestNode } from './support/node.ts';

// Rows of its own on an empty node: each figure below is worked out by hand from them.
let node: RunningNode;
before(async () => {
  node = await startTestNode();
  await fixtures();
});
after(() => node.close());

const sql = (text: string, values: unknown[] = []) => node.db.query(text, values);
let pledgeNo = 0;
/** A pledge at a Montréal noon (-05:00 in winter, -04:00 in summer: noon is the same day either way). */
async function pledge(need: string, project: string, quantity: number, status: string, day: string, email = `p${++pledgeNo}@example.org`) {
  const at = `${day}T12:00:00-05:00`;
  await sql(
    `insert into pledges (id, need_id, project_id, quantity, status, contact_name, contact_email, consent_version, consent_share, consent_updates, consent_at, lang, withdraw_token_hash, created_at, updated_at)
     values ($1, $2, $3, $4, $5, 'Someone', $6, '2025-01', true, false, $7, 'fr', $1, $7, $7)`,
    [`plg_${++pledgeNo}`, need, project, quantity, status, email, at],
  );
}

async function project(id: string, status: string, community: string, partners: [string, string][], updatedAt = '2026-03-01T12:00:00Z') {
  await sql(`insert into projects (id, organization_id, status, title, summary, themes, created_at, updated_at) values ($1, 'org_a', $2, '{"fr":"P"}', '{"fr":"S"}', '{culture}', '2026-01-01T12:00:00Z', $3)`, [id, status, updatedAt]);
  await sql('insert into project_communities (project_id, community_id) values ($1, $2)', [id, community]);
  for (const [org, state] of partners) await sql(`insert into project_partners (project_id, organization_id, role, status) values ($1, $2, 'funder', $3)`, [id, org, state]);
}

async function need(id: string, project: string, category: string, unit: string | null, shiftHours = 0) {
  const shift = shiftHours ? ['2026-02-10T14:00:00Z', new Date(Date.parse('2026-02-10T14:00:00Z') + shiftHours * 3_600_000).toISOString()] : [null, null];
  await sql(`insert into needs (id, project_id, category, unit, title, wanted, shift_starts_at, shift_ends_at) values ($1, $2, $3, $4, '{"fr":"N"}', 1000000, $5, $6)`, [id, project, category, unit, ...shift]);
}

async function fixtures() {
  await sql(`insert into communities (id, slug, kind, level, parent_id, name) values ('com_city', 'ville', 'territorial', 'city', null, '{"fr":"Ville"}'),
             ('com_hood', 'quartier', 'territorial', 'neighbourhood', 'com_city', '{"fr":"Quartier"}'), ('com_else', 'ailleurs', 'territorial', 'city', null, '{"fr":"Ailleurs"}')`);
  await sql(`insert into organizations (id, slug, name, kind) values ('org_a', 'organisme', 'Organisme', 'community'), ('org_caisse', 'la-caisse', 'La caisse', 'funder'), ('org_other', 'autre-caisse', 'Autre', 'funder')`);
  // The caisse's: a published project in a sub-community, a completed one; not its own: a partnership
  // it has not accepted, a draft, a cancelled project, and another caisse's project.
  await project('prj_pub', 'published', 'com_hood', [['org_caisse', 'accepted']]);
  await project('prj_done', 'completed', 'com_city', [['org_caisse', 'accepted']], '2026-03-15T12:00:00Z');
  await project('prj_done_old', 'completed', 'com_city', [['org_caisse', 'accepted']], '2025-06-15T12:00:00Z');
  await project('prj_proposed', 'published', 'com_city', [['org_caisse', 'proposed']]);
  await project('prj_draft', 'draft', 'com_city', [['org_caisse', 'accepted']]);
  await project('prj_cancelled', 'cancelled', 'com_city', [['org_caisse', 'accepted']]);
  await project('prj_other', 'published', 'com_else', [['org_other', 'accepted']]);

  await need('need_hours', 'prj_pub', 'human', 'hours');
  await need('need_shift', 'prj_pub', 'human', 'people', 3);
  await need('need_things', 'prj_pub', 'material', null);
  await need('need_money', 'prj_pub', 'financial', null);
  await need('need_done_money', 'prj_done', 'financial', null);
  for (const p of ['prj_proposed', 'prj_draft', 'prj_cancelled', 'prj_other']) await need(`need_${p}`, p, 'financial', null);

  // Counted, in the period (January to March 2026): hours by two people (one twice), two people for a 3-hour shift.
  await pledge('need_hours', 'prj_pub', 4, 'confirmed', '2026-01-10', 'ana@example.org');
  await pledge('need_hours', 'prj_pub', 6, 'fulfilled', '2026-02-03', 'ANA@example.org');
  await pledge('need_hours', 'prj_pub', 5, 'pending', '2026-03-31', 'luc@example.org');
  await pledge('need_shift', 'prj_pub', 2, 'confirmed', '2026-02-05');
  await pledge('need_things', 'prj_pub', 7, 'confirmed', '2026-01-20');
  await pledge('need_things', 'prj_pub', 3, 'confirmed', '2026-03-02');
  await pledge('need_money', 'prj_pub', 2500, 'confirmed', '2026-02-14');
  await pledge('need_done_money', 'prj_done', 10000, 'fulfilled', '2026-03-10');
  // Not counted: held (email unconfirmed), withdrawn, declined, expired; outside the period; other projects.
  await pledge('need_hours', 'prj_pub', 50, 'held', '2026-02-01');
  await pledge('need_hours', 'prj_pub', 40, 'withdrawn', '2026-02-01');
  await pledge('need_money', 'prj_pub', 99900, 'declined', '2026-02-01');
  await pledge('need_things', 'prj_pub', 30, 'expired', '2026-02-01');
  await pledge('need_money', 'prj_pub', 70000, 'confirmed', '2025-12-31');
  await pledge('need_money', 'prj_pub', 80000, 'confirmed', '2026-04-01');
  for (const p of ['prj_proposed', 'prj_draft', 'prj_cancelled', 'prj_other']) await pledge(`need_${p}`, p, 123400, 'confirmed', '2026-02-01');
}

const Q1 = 'from=2026-01-01&to=2026-03-31';

describe('the impact of a partner or a community', () => {
  test("counts a partner's public projects' counted pledges in the period, and its completed projects", async () => {
    const res = await api(node, 'GET', `/v1/impact?partner=la-caisse&${Q1}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.headers.get('cache-control') ?? '', /public/);
    assert.ok(res.headers.get('etag'));
    assert.deepEqual(res.body, {
      community: null,
      partner: 'la-caisse',
      from: '2026-01-01',
      to: '2026-03-31',
      // ana (twice, any case) and luc pledged hours; two people came for the shift.
      volunteers: 4,
      hours: 4 + 6 + 5 + 2 * 3,
      materials: { pledges: 2, items: 10 },
      money: { cents: 2500 + 10000, currency: 'CAD' },
      projectsCompleted: 1,
      months: [
        { month: '2026-01', pledges: 2, hours: 4, moneyCents: 0 },
        { month: '2026-02', pledges: 3, hours: 12, moneyCents: 2500 },
        { month: '2026-03', pledges: 3, hours: 5, moneyCents: 10000 },
      ],
    });
  });

  test('the period bounds: its first and last days count, the days around them do not', async () => {
    const one = await api(node, 'GET', '/v1/impact?partner=la-caisse&from=2026-03-31&to=2026-03-31');
    assert.deepEqual([one.body.hours, one.body.money.cents, one.body.months.length], [5, 0, 1]);
    const around = await api(node, 'GET', '/v1/impact?partner=la-caisse&from=2025-12-31&to=2026-04-01');
    assert.equal(around.body.money.cents, 2500 + 10000 + 70000 + 80000);
    assert.deepEqual(around.body.months.map((m: { month: string }) => m.month), ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    const year = await api(node, 'GET', '/v1/impact?partner=la-caisse&from=2025-06-01&to=2025-06-30');
    assert.equal(year.body.projectsCompleted, 1);
    assert.equal(year.body.hours, 0);
  });

  test('a community counts the projects of its sub-communities, whoever their partners', async () => {
    const city = await api(node, 'GET', `/v1/impact?community=ville&${Q1}`);
    assert.equal(city.status, 200);
    assert.equal(city.body.community, 'ville');
    // The unaccepted partnership does not matter here: that project is public in the city.
    assert.equal(city.body.money.cents, 2500 + 10000 + 123400);
    const hood = await api(node, 'GET', `/v1/impact?community=quartier&${Q1}`);
    assert.deepEqual([hood.body.money.cents, hood.body.volunteers, hood.body.projectsCompleted], [2500, 4, 0]);
    const other = await api(node, 'GET', `/v1/impact?partner=autre-caisse&${Q1}`);
    assert.deepEqual([other.body.money.cents, other.body.hours, other.body.volunteers], [123400, 0, 0]);
  });

  test('by default the last 12 months, this month included', async () => {
    const res = await api(node, 'GET', '/v1/impact?partner=la-caisse');
    assert.equal(res.status, 200);
    const today = localDate(new Date());
    assert.equal(res.body.to, today);
    assert.equal(res.body.months.length, 12);
    assert.equal(res.body.months.at(-1).month, today.slice(0, 7));
    assert.equal(res.body.from, `${res.body.months[0].month}-01`);
  });

  test('refuses a bad query with a 400 naming the parameter, an unknown slug with a 404', async () => {
    const cases: [string, string][] = [
      ['', 'query.community'],
      ['community=ville&partner=la-caisse', 'query.community'],
      ['partner=la-caisse&from=2026-02-30', 'query.from'],
      ['partner=la-caisse&from=yesterday', 'query.from'],
      ['partner=la-caisse&from=2026-03-01&to=2026-02-28', 'query.from'],
      ['partner=la-caisse&from=2024-01-01&to=2026-01-01', 'query.to'],
      ['partner=La%20Caisse', 'query.partner'],
      ['partner=la-caisse&since=2026-01-01', 'query'],
    ];
    for (const [query, path] of cases) {
      const res = await api(node, 'GET', `/v1/impact?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(res.body.code, 'validation_failed', query);
      assert.ok(res.body.errors.some((e: { path: string }) => e.path.startsWith(path)), `${query}: ${JSON.stringify(res.body.errors)}`);
    }
    // 24 months is the most: January 2024 to December 2025 passes.
    assert.equal((await api(node, 'GET', '/v1/impact?partner=la-caisse&from=2024-01-01&to=2025-12-31')).status, 200);
    const unknown = await api(node, 'GET', '/v1/impact?partner=nobody-here');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'not_found');
    assert.equal((await api(node, 'GET', '/v1/impact?community=nowhere')).status, 404);
  });

  test('answers totals only: no name or email anywhere', async () => {
    const res = await api(node, 'GET', `/v1/impact?partner=la-caisse&${Q1}`);
    assert.doesNotMatch(JSON.stringify(res.body), /@|Someone|ana/i);
  });
});
