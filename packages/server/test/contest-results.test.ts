// A curator finishes an idea contest in the workspace: closes its vote (later votes are refused),
// selects the winners and publishes the results (the contest's answer says them, the ideas are
// selected or not), and links an idea to the project it became.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { VOTE_CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../src/index.ts';
import { DEMO_PROJECTS, DEMO_STAFF } from '../src/seed/demo-ids.ts';
import { DEMO_CONTESTS } from '../src/seed/engagement.ts';
import { addCurator, ensurePerson } from '../src/services/people.ts';
import { api, startTestNode } from './support/node.ts';
import { write } from './support/requests.ts';
import { getPage, postForm, signIn } from './support/workspace.ts';

let node: RunningNode;
let curator: string;
const CONTEST = DEMO_CONTESTS.open;
const PAGE = `/workspace/c/montreal/contests/${CONTEST}`;

before(async () => {
  node = await startTestNode({ seed: true });
  curator = await signIn(node, DEMO_STAFF.curator);
});
after(() => node?.close());

const contest = async () => (await api(node, 'GET', `/v1/contests/${CONTEST}`)).body;
const ideas = async () => (await api(node, 'GET', `/v1/ideas?contest=${CONTEST}&limit=50`)).body.items as { id: string; status: string; supportCount: number; projectId: string | null }[];
const vote = (id: string, email: string) => api(node, 'POST', `/v1/ideas/${id}/votes`, { headers: write(), body: { email, consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' } });

test('a curator closes the vote, publishes the winners, and links an idea to its project', async () => {
  const before = await contest();
  assert.equal(before.currentPhase, 'vote');
  assert.equal(before.votingClosedAt, null);
  assert.equal(before.results, null);
  const [first, second] = await ideas();
  assert.ok(first && second);
  assert.equal((await vote(first.id, 'avant@example.org')).status, 202, 'votes are open');

  const queue = await getPage(node, '/workspace/c/montreal', curator);
  assert.ok(queue.text.includes(`href="${PAGE}"`), 'the queue links to the contest');
  const page = await getPage(node, PAGE, curator);
  assert.equal(page.status, 200);
  assert.match(page.text, /Fermer le vote/);
  assert.match((await getPage(node, `${PAGE}?lang=en`, curator)).text, /Close the vote/);

  const early = await postForm(node, `${PAGE}/results`, { 'winners[]': first.id }, curator);
  assert.equal(early.status, 409, 'results wait for the vote to close');

  const closed = await postForm(node, `${PAGE}/close`, {}, curator);
  assert.equal(closed.status, 303);
  assert.equal(closed.location, `${PAGE}?done=voting_closed`);
  const closing = await contest();
  assert.equal(closing.currentPhase, 'selection');
  assert.ok(closing.votingClosedAt);
  const late = await vote(second.id, 'apres@example.org');
  assert.equal(late.status, 409);
  assert.equal(late.body.code, 'phase_closed');
  assert.equal((await postForm(node, `${PAGE}/close`, {}, curator)).status, 409);
  assert.match((await getPage(node, PAGE, curator)).text, /Publier les résultats/);

  const published = await postForm(node, `${PAGE}/results`, { 'winners[]': first.id }, curator);
  assert.equal(published.location, `${PAGE}?done=results_published`);
  const after = await contest();
  assert.equal(after.currentPhase, 'results');
  assert.deepEqual(after.results.winners, [first.id]);
  const statuses = Object.fromEntries((await ideas()).map((i) => [i.id, i.status]));
  assert.equal(statuses[first.id], 'selected');
  assert.equal(statuses[second.id], 'not_selected');
  assert.equal(Object.values(statuses).filter((s) => s === 'selected').length, 1);
  assert.equal((await postForm(node, `${PAGE}/results`, { 'winners[]': second.id }, curator)).status, 409, 'published once');

  const linked = await postForm(node, `${PAGE}/ideas/${first.id}/project`, { projectId: DEMO_PROJECTS.jardinOntario }, curator);
  assert.equal(linked.location, `${PAGE}?done=project_linked`);
  assert.equal((await api(node, 'GET', `/v1/ideas/${first.id}`)).body.projectId, DEMO_PROJECTS.jardinOntario);
  assert.equal((await postForm(node, `${PAGE}/ideas/${first.id}/project`, { projectId: DEMO_PROJECTS.bibliothequeOutils }, curator)).status, 404, 'a project not yet published');
  assert.equal((await postForm(node, `${PAGE}/ideas/${first.id}/project`, {}, curator)).location, `${PAGE}?done=project_linked`);
  assert.equal((await api(node, 'GET', `/v1/ideas/${first.id}`)).body.projectId, null, 'unlinked');
});

test("another community's curator, and staff, cannot see or decide the contest", async () => {
  const person = await ensurePerson(node.db, { email: 'curatrice.villeray@example.org' });
  await addCurator(node.db, person.id, 'com_villeray');
  const local = await signIn(node, 'curatrice.villeray@example.org');
  assert.equal((await getPage(node, `/workspace/c/villeray/contests/${DEMO_CONTESTS.closed}`, local)).status, 404);
  assert.equal((await postForm(node, `/workspace/c/villeray/contests/${DEMO_CONTESTS.upcoming}/close`, {}, local)).status, 404);
  const staff = await signIn(node, DEMO_STAFF.carrefourVilleray);
  assert.equal((await postForm(node, `/workspace/c/montreal/contests/${DEMO_CONTESTS.upcoming}/close`, {}, staff)).status, 404);
  assert.equal((await api(node, 'GET', `/v1/contests/${DEMO_CONTESTS.upcoming}`)).body.votingClosedAt, null);
});
