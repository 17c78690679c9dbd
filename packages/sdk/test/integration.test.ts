// The SDK against a real node (embedded database, in memory), through HTTP on a free port.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VOTE_CONSENT_VERSION, CONSENT_VERSION, type Impact, type Skill } from '@perron/contract';
import { createApiKey, startNode, type RunningNode } from '@perron/server';
import { createClient, isPerronError, type PerronClient } from '@perron/sdk';
import { DEMO_IDEAS } from '../../server/src/seed/engagement.ts';
import { seedEngagementFixtures, tokenFor } from '../../server/test/support/engagement.ts';

const VILLERAY = 'villeray-saint-michel-parc-extension';

let node: RunningNode;
let publicClient: PerronClient;
let organization: PerronClient;
let curator: PerronClient;

before(async () => {
  node = await startNode({ port: 0, devMailbox: true });
  const { organizations, communities } = await seedEngagementFixtures(node.db, new Date());
  const orgKey = await createApiKey(node.db, { role: 'organization', organizationId: organizations['carrefour-villeray']!, label: 'sdk test' });
  const curatorKey = await createApiKey(node.db, { role: 'curator', communityIds: [communities[VILLERAY]!], label: 'sdk test curator' });
  publicClient = createClient({ node: node.url });
  organization = createClient({ node: node.url, apiKey: orgKey });
  curator = createClient({ node: node.url, apiKey: curatorKey });
});
after(() => node?.close());

const projectBody = (n: number, theme: 'culture' | 'environment') => ({
  title: { fr: `Projet d'essai ${n}`, en: `Test project ${n}` },
  summary: { fr: 'Un projet créé par le SDK' },
  themes: [theme],
  communities: [VILLERAY],
});

describe('the SDK against a node', () => {
  /** Each test makes the published projects it needs, so that none depends on another's leftovers. */
  async function publishedProjects(from: number, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let n = from; n < from + count; n++) {
      const draft = await organization.projects.create(projectBody(n, n % 2 ? 'culture' : 'environment'));
      assert.equal(draft.status, 'draft');
      assert.equal((await organization.projects.submit(draft.id)).status, 'submitted');
      assert.equal((await curator.projects.publish(draft.id)).status, 'published');
      ids.push(draft.id);
    }
    return ids;
  }

  it('an organization creates and submits projects, a curator publishes them', async () => {
    const ids = await publishedProjects(1, 2);
    for (const id of ids) assert.equal((await publicClient.projects.get(id)).status, 'published');
  });

  it('an organization completes a published project and cancels another', async () => {
    const [done, dropped] = await Promise.all([6, 7].map((n) => organization.projects.create(projectBody(n, 'culture'))));
    for (const p of [done!, dropped!]) {
      await organization.projects.submit(p.id);
      await curator.projects.publish(p.id);
    }
    assert.equal((await organization.projects.complete(done!.id)).status, 'completed');
    assert.equal((await organization.projects.cancel(dropped!.id)).status, 'cancelled');
    const completed = await publicClient.projects.list({ community: VILLERAY, status: 'completed' }).toArray({ max: 100 });
    assert.ok(completed.some((p) => p.id === done!.id));
  });

  it('lists, filters and paginates to the end', async () => {
    const created = await publishedProjects(11, 5);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of publicClient.projects.list({ community: VILLERAY, limit: 2 }).pages()) {
      pages++;
      for (const p of page.items) {
        assert.equal(p.origin, node.url);
        seen.push(p.id);
      }
    }
    assert.equal(new Set(seen).size, seen.length, 'no project twice');
    for (const id of created) assert.ok(seen.includes(id), `${id} listed`);
    assert.ok(pages >= 3);
    const culture = await publicClient.projects.list({ community: VILLERAY, theme: 'culture' }).toArray({ max: 100 });
    assert.deepEqual(culture.map((p) => p.id).filter((id) => created.includes(id)).sort(), [created[0], created[2], created[4]].sort());
    assert.ok(culture.every((p) => p.themes.includes('culture')));
  });

  it('a pledge sent twice with the same key is one pledge, that the organization confirms', async () => {
    const [project] = await publishedProjects(21, 1);
    const need = await organization.needs.create(project!, { category: 'human', title: { fr: 'Bénévoles' }, unit: 'people', wanted: 10 });
    const body = {
      quantity: 2,
      contact: { name: 'Marie Tremblay', email: 'marie@example.org' },
      consent: { version: CONSENT_VERSION, shareWithOrganizers: true as const },
      lang: 'fr' as const,
    };
    const first = await publicClient.pledges.create(need.id, body, { idempotencyKey: 'sdk-integration-pledge-1' });
    const again = await publicClient.pledges.create(need.id, body, { idempotencyKey: 'sdk-integration-pledge-1' });
    assert.equal(again.id, first.id);
    // Held until the emailed link is followed: not counted yet.
    assert.equal(first.status, 'held');
    assert.equal((await publicClient.needs.get(need.id)).pledged, 0);
    const mail = (await node.db.query<{ body_text: string }>("select body_text from mail_outbox where recipient = 'marie@example.org'"))[0]!;
    const pending = await publicClient.pledges.confirm(/\/pledges\/confirm\/([\w-]+)/.exec(mail.body_text)![1]!);
    assert.equal(pending.status, 'pending');

    const pledges = await organization.pledges.list({ need: need.id }).toArray({ max: 10 });
    assert.equal(pledges.length, 1);
    assert.equal(pledges[0]!.contact?.email, 'marie@example.org');
    assert.equal((await publicClient.needs.get(need.id)).pledged, 2);

    const confirmed = await organization.pledges.update(first.id, 'confirmed');
    assert.equal(confirmed.status, 'confirmed');
    const [listed] = await organization.pledges.list({ need: need.id, status: 'confirmed' }).toArray({ max: 1 });
    assert.equal(listed?.id, first.id);
  });

  it('a pledge beyond what a need wants is a ConflictError', async () => {
    const [project] = await publishedProjects(31, 1);
    const need = await organization.needs.create(project!, { category: 'material', title: { fr: 'Pelles' }, unit: { fr: 'pelles' }, wanted: 3 });
    const body = { quantity: 4, contact: { name: 'Luc', email: 'luc@example.org' }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true as const }, lang: 'fr' as const };
    await assert.rejects(publicClient.pledges.create(need.id, body), (e) => isPerronError(e, 'ConflictError') && e.code === 'over_pledged' && !e.message.includes('luc@example.org'));
  });

  it("an organization's workspace calls: pledges as CSV, an event's registrants and its cancellation, an image upload", async () => {
    const [project] = await publishedProjects(41, 1);
    const need = await organization.needs.create(project!, { category: 'financial', title: { fr: 'Fonds', en: 'Fund' }, wanted: 10_000 });
    // A money need added to a published project opens once a curator approves it.
    assert.equal(need.inReview, true);
    const [revision] = (await curator.revisions.list().toArray({ max: 100 })).filter((r) => r.subjectId === project);
    assert.equal((await curator.revisions.approve(revision!.id)).status, 'approved');
    await publicClient.pledges.create(need.id, { quantity: 2_550, contact: { name: 'Rémi', email: 'remi@example.org' }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true as const }, lang: 'fr' as const });
    const csv = await organization.pledges.csv({ need: need.id, lang: 'en' });
    assert.match(csv, /^\uFEFFDate,Status,Project,Need,Quantity,Unit/);
    // A public pledge waits for its email's confirmation, and the inbox says so.
    assert.match(csv, /,Email to confirm,Test project 41,Fund,25\.50,\$ CAD,Rémi,remi@example\.org,/);

    const starts = new Date(Date.now() + 86_400_000);
    const event = await organization.events.create({ title: { fr: 'Atelier' }, category: 'workshop', community: VILLERAY, startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3_600_000).toISOString(), link: 'https://meet.example.org/atelier', registration: true });
    await publicClient.events.register(event.id, { contact: { name: 'Inès', email: 'ines@example.org' }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true as const }, lang: 'fr' });
    const registrants = await organization.events.registrations(event.id).toArray({ max: 10 });
    assert.deepEqual(registrants.map((r) => r.contact?.name), ['Inès']);
    assert.match(await organization.events.registrationsCsv(event.id), /Inès,ines@example\.org,1,français/);
    assert.equal((await organization.events.cancel(event.id, { reason: 'Pluie' })).status, 'cancelled');

    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAwAAAAICAYAAADN5B7xAAAAPklEQVR4AbyOQQ0AMAgDG6RMyzTMChpmBQ3zNt40fPqB5B6kuaa2wr+CQbwixH1guK8IHHb/sHB8g+FZ8qQEAAD//4jJw5gAAAAGSURBVAMAw8YqKWphlDAAAAAASUVORK5CYII=', 'base64');
    const image = await organization.images.upload(new Blob([png], { type: 'image/png' }));
    assert.deepEqual([image.type, image.width, image.height], ['image/png', 12, 8]);
    await assert.rejects(organization.images.upload(new Blob([png], { type: 'image/gif' })), (e) => isPerronError(e, 'ValidationError'));
  });

  it('the public sees no draft, and an unknown project is a NotFoundError', async () => {
    const draft = await organization.projects.create(projectBody(9, 'culture'));
    await assert.rejects(publicClient.projects.get(draft.id), (e) => isPerronError(e, 'NotFoundError'));
    await assert.rejects(publicClient.projects.get('nope'), (e) => isPerronError(e, 'NotFoundError') && typeof e.requestId === 'string');
  });

  it("a community's impact, parsed and typed as the node answers it; both scopes at once is a ValidationError", async () => {
    const query = { community: VILLERAY, from: '2025-12-01', to: '2026-11-30' };
    const impact: Impact = await publicClient.impact.get(query);
    const raw = await (await fetch(`${node.url}/v1/impact?community=${VILLERAY}&from=2025-12-01&to=2026-11-30`)).json();
    assert.deepEqual({ ...impact, origin: undefined }, { ...raw, origin: undefined });
    assert.equal(impact.months.length, 12);
    assert.equal(impact.money.currency, 'CAD');
    await assert.rejects(publicClient.impact.get({ community: VILLERAY, partner: 'caisse-du-centre' }), (e) => isPerronError(e, 'ValidationError') && e.status === 400);
    await assert.rejects(publicClient.impact.get({ community: 'Not a slug' }), (e) => isPerronError(e, 'ValidationError'));
    await assert.rejects(publicClient.impact.get({ community: 'nowhere' }), (e) => isPerronError(e, 'NotFoundError'));
  });

  it('the skills taxonomy, parsed; a need created with codes and free text answers their labels', async () => {
    const skills: Skill[] = await publicClient.skills.list();
    assert.deepEqual(skills.find((s) => s.code === 'cooking'), { code: 'cooking', label: { fr: 'cuisine', en: 'cooking' } });
    const project = await organization.projects.create(projectBody(8, 'culture'));
    const need = await organization.needs.create(project.id, { category: 'human', title: { fr: 'Cuisine' }, unit: 'people', wanted: 2, skills: ['cooking', 'bonne humeur'] });
    assert.equal(need.category, 'human');
    if (need.category === 'human') assert.deepEqual(need.skillLabels, [{ code: 'cooking', label: { fr: 'cuisine', en: 'cooking' } }, { label: { fr: 'bonne humeur' } }]);
  });

  it('a vote counts once the link in the dev mailbox is confirmed, and once per email', async () => {
    const idea = DEMO_IDEAS.patinoireRuelle;
    const uncached = createClient({ node: node.url, cache: false });
    const before = (await uncached.ideas.get(idea)).supportCount;
    const pending = await publicClient.ideas.vote(idea, { email: 'sdk-voter@example.org', consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' });
    assert.equal(pending.status, 'pending_confirmation');
    assert.equal((await uncached.ideas.get(idea)).supportCount, before);
    const confirmed = await publicClient.ideas.confirm(await tokenFor(node, 'sdk-voter@example.org'));
    assert.equal(confirmed.idea.supportCount, before + 1);
    assert.equal((await uncached.ideas.get(idea)).supportCount, before + 1);
    await assert.rejects(publicClient.ideas.vote(idea, { email: 'SDK-Voter@example.org', consent: { version: VOTE_CONSENT_VERSION }, lang: 'en' }), (e) => isPerronError(e) && e.code === 'already_voted');
  });
});
