import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../src/index.ts';
import { DEMO_CONTESTS, DEMO_IDEAS } from '../src/seed/engagement.ts';
import { mailTo, startEngagementNode, tokenFor, write } from './support/engagement.ts';
import { api } from './support/node.ts';

let node: RunningNode;
before(async () => ({ node } = await startEngagementNode()));
after(() => node.close());

interface IdeaAnswer {
  id: string;
  supportCount: number;
  createdAt: string;
  status: string;
  contestId: string | null;
  community: string;
}

async function allPages(path: string, limit: number): Promise<IdeaAnswer[]> {
  const items: IdeaAnswer[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api(node, 'GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && items.length < 1000);
  return items;
}

const proposal = (extra: object = {}) => ({
  title: 'Des bacs à fleurs sur la rue Ontario',
  description: 'Verdir la rue avec des bacs entretenus par les commerçants et les voisins.',
  community: 'hochelaga-maisonneuve',
  author: { name: 'Rosa Diallo', email: 'rosa.diallo@example.org' },
  consent: { version: CONSENT_VERSION, shareWithOrganizers: true },
  lang: 'fr',
  ...extra,
});

describe('listing ideas', () => {
  test('by support (the default), most supported first, page by page to the end', async () => {
    const ideas = await allPages('/v1/ideas', 4);
    const rows = await node.db.query<{ id: string }>("select id from ideas where status <> 'pending' order by support_count desc, id desc");
    assert.deepEqual(ideas.map((i) => i.id), rows.map((r) => r.id));
    assert.equal(ideas[0]!.id, DEMO_IDEAS.ruelleVerte);
    for (let i = 1; i < ideas.length; i++) assert.ok(ideas[i - 1]!.supportCount >= ideas[i]!.supportCount);
  });

  test('by recent, newest first, page by page to the end', async () => {
    const ideas = await allPages('/v1/ideas?sort=recent', 5);
    const rows = await node.db.query<{ id: string }>("select id from ideas where status <> 'pending' order by created_at desc, id desc");
    assert.deepEqual(ideas.map((i) => i.id), rows.map((r) => r.id));
    assert.equal(ideas[0]!.id, DEMO_IDEAS.murales);
  });

  test('of a community (with its nested ones) or of a contest', async () => {
    await node.db.query(
      `insert into ideas (id, community_id, title, description, lang, status, consent_version, consent_at)
       values ('idea_viauville', 'com_viauville', 'Un parc à chiens', 'Clôturé.', 'fr', 'published', $1, now())`,
      [CONSENT_VERSION],
    );
    const hochelaga = await allPages('/v1/ideas?community=hochelaga-maisonneuve', 3);
    assert.deepEqual(
      hochelaga.map((i) => i.id).sort(),
      [DEMO_IDEAS.frigoPartage, DEMO_IDEAS.bibliothequeOutils, DEMO_IDEAS.serreCommunautaire, DEMO_IDEAS.jeuxParc, DEMO_IDEAS.fontainesEau, 'idea_viauville'].sort(),
    );
    const contest = await allPages(`/v1/ideas?contest=${DEMO_CONTESTS.open}`, 2);
    assert.equal(contest.length, 5);
    assert.ok(contest.every((i) => i.contestId === DEMO_CONTESTS.open));
  });

  test('a cursor of one order cannot continue the other', async () => {
    const first = await api(node, 'GET', '/v1/ideas?limit=2');
    const mixed = await api(node, 'GET', `/v1/ideas?sort=recent&cursor=${first.body.nextCursor}`);
    assert.equal(mixed.status, 400);
    assert.equal(mixed.body.errors[0].path, 'query.cursor');
  });
});

describe('idea contests', () => {
  test('say their phase today and how many ideas they hold', async () => {
    const list = await api(node, 'GET', '/v1/contests');
    assert.equal(list.status, 200);
    const byId = Object.fromEntries(list.body.items.map((c: { id: string }) => [c.id, c]));
    assert.equal(byId[DEMO_CONTESTS.open].currentPhase, 'vote');
    assert.equal(byId[DEMO_CONTESTS.open].ideaCount, 5);
    assert.equal(byId[DEMO_CONTESTS.upcoming].currentPhase, 'upcoming');
    assert.equal(byId[DEMO_CONTESTS.upcoming].ideaCount, 0);
    assert.equal(byId[DEMO_CONTESTS.closed].currentPhase, 'closed');
    const one = await api(node, 'GET', `/v1/contests/${DEMO_CONTESTS.open}`);
    assert.deepEqual(one.body.phases.map((p: { phase: string }) => p.phase), ['submission', 'vote', 'selection', 'results']);
    assert.deepEqual(one.body, byId[DEMO_CONTESTS.open]);
    assert.equal((await api(node, 'GET', '/v1/contests/contest_nowhere')).status, 404);
  });

  test('of a community, page by page', async () => {
    const montreal = await api(node, 'GET', '/v1/contests?community=montreal&limit=2');
    assert.equal(montreal.body.items.length, 2);
    const rest = await api(node, 'GET', `/v1/contests?community=montreal&limit=2&cursor=${montreal.body.nextCursor}`);
    assert.equal(rest.body.items.length, 1);
    assert.equal(rest.body.nextCursor, null);
    const plateau = await api(node, 'GET', '/v1/contests?community=plateau-mont-royal');
    assert.deepEqual(plateau.body.items.map((c: { id: string }) => c.id), [DEMO_CONTESTS.closed]);
  });

  test('a phase moves with the dates: the upcoming contest opens to ideas on its first day', async () => {
    await node.db.query("update contest_phases set starts_on = current_date - 1 where contest_id = $1 and phase = 'submission'", [DEMO_CONTESTS.upcoming]);
    const res = await api(node, 'POST', '/v1/ideas', {
      body: proposal({ community: 'villeray-saint-michel-parc-extension', contestId: DEMO_CONTESTS.upcoming, author: { name: 'Linh Nguyen', email: 'linh@example.org' } }),
      headers: write(),
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal((await api(node, 'GET', `/v1/contests/${DEMO_CONTESTS.upcoming}`)).body.currentPhase, 'submission');
  });
});

describe('proposing an idea', () => {
  test('is pending, unlisted and unreadable until the author follows the emailed link', async () => {
    const res = await api(node, 'POST', '/v1/ideas', { body: proposal(), headers: write() });
    assert.equal(res.status, 202);
    assert.equal(res.body.status, 'pending_confirmation');
    assert.equal(res.body.kind, 'idea');
    const id = res.body.ideaId;
    const [row] = await node.db.query('select status, author_email, consent_version, support_count from ideas where id = $1', [id]);
    assert.deepEqual(row, { status: 'pending', author_email: 'rosa.diallo@example.org', consent_version: CONSENT_VERSION, support_count: 0 });
    assert.equal((await api(node, 'GET', `/v1/ideas/${id}`)).status, 404);
    assert.ok(!(await allPages('/v1/ideas?sort=recent', 100)).some((i) => i.id === id));

    const [mail] = await mailTo(node, 'rosa.diallo@example.org');
    assert.equal(mail!.subject, 'Confirmez votre idée');
    const token = await tokenFor(node, 'rosa.diallo@example.org');
    assert.ok(mail!.text.includes(`${node.url}/confirm/${token}`));

    // Opening the link shows a button; it sends nothing by itself (mail scanners open links).
    const page = await (await fetch(`${node.url}/confirm/${token}`)).text();
    assert.match(page, /Envoyer mon idée/);
    assert.equal((await api(node, 'GET', `/v1/ideas/${id}`)).status, 404);

    // Confirmed, it waits for its curator: the author reads it, the public does not yet.
    const confirmed = await api(node, 'POST', `/v1/confirmations/${token}`, { body: {}, headers: write() });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.kind, 'idea');
    assert.equal(confirmed.body.idea.id, id);
    assert.equal(confirmed.body.idea.status, 'in_review');
    assert.equal((await node.db.query<{ status: string }>('select status from ideas where id = $1', [id]))[0]!.status, 'in_review');
    assert.equal((await api(node, 'GET', `/v1/ideas/${id}`)).status, 404);
    assert.ok(!(await allPages('/v1/ideas?sort=recent', 100)).some((i) => i.id === id));
    const done = await (await fetch(`${node.url}/confirm/${token}`)).text();
    assert.match(done, /L’équipe de la communauté la lira avant de la publier/);
  });

  test('in a contest only during its submission phase', async () => {
    const inVote = await api(node, 'POST', '/v1/ideas', { body: proposal({ contestId: DEMO_CONTESTS.open }), headers: write() });
    assert.equal(inVote.status, 409);
    assert.equal(inVote.body.code, 'phase_closed');
    assert.match(inVote.body.detail, /Ideas are accepted from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    const closed = await api(node, 'POST', '/v1/ideas', { body: proposal({ community: 'plateau-mont-royal', contestId: DEMO_CONTESTS.closed }), headers: write() });
    assert.equal(closed.body.code, 'phase_closed');
    const rows = await node.db.query("select 1 from ideas where status = 'pending' and contest_id is not null and author_email = 'rosa.diallo@example.org'");
    assert.equal(rows.length, 0, 'a refused idea leaves no row');
  });

  test('refuses, naming the field, what the node does not know', async () => {
    for (const [body, path] of [
      [proposal({ community: 'atlantis' }), 'body.community'],
      [proposal({ contestId: 'contest_nowhere' }), 'body.contestId'],
      [proposal({ community: 'plateau-mont-royal', contestId: DEMO_CONTESTS.open }), 'body.community'],
      [proposal({ consent: { version: '2001-01', shareWithOrganizers: true } }), 'body.consent.version'],
      [proposal({ consent: { version: CONSENT_VERSION, shareWithOrganizers: false } }), 'body.consent.shareWithOrganizers'],
      [proposal({ title: ' ' }), 'body.title'],
    ] as const) {
      const res = await api(node, 'POST', '/v1/ideas', { body, headers: write() });
      assert.equal(res.status, 400, path);
      assert.equal(res.body.errors[0].path, path);
    }
  });
});
