// Ideas are moderated: a confirmed idea waits in its community's curator queue, and the public
// lists and reads it only once a curator publishes it; declined, it never shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../src/index.ts';
import { DEMO_STAFF } from '../src/seed/demo-ids.ts';
import { addCurator, ensurePerson } from '../src/services/people.ts';
import { mailTo, tokenFor } from './support/engagement.ts';
import { api, startTestNode } from './support/node.ts';
import { write } from './support/requests.ts';
import { getPage, postForm, signIn } from './support/workspace.ts';

let node: RunningNode;
let curator: string;
const QUEUE = '/workspace/c/montreal';

before(async () => {
  node = await startTestNode({ seed: true });
  curator = await signIn(node, DEMO_STAFF.curator);
});
after(() => node?.close());

/** An idea proposed and confirmed by its author: in review. */
async function confirmedIdea(title: string, email: string, community = 'villeray', lang: 'fr' | 'en' = 'fr'): Promise<string> {
  const made = await api(node, 'POST', '/v1/ideas', {
    headers: write(),
    body: { title, description: `${title} : le détail.`, community, author: { name: 'Rosa Diallo', email }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang },
  });
  assert.equal(made.status, 202, JSON.stringify(made.body));
  const confirmed = await api(node, 'POST', `/v1/confirmations/${await tokenFor(node, email)}`, { headers: write(), body: {} });
  assert.equal(confirmed.status, 200);
  assert.equal(confirmed.body.idea.status, 'in_review');
  return made.body.ideaId;
}

const listed = async (id: string) => {
  const res = await api(node, 'GET', '/v1/ideas?sort=recent&limit=100');
  assert.equal(res.status, 200);
  return res.body.items.some((i: { id: string }) => i.id === id);
};

test('a confirmed idea waits in the queue, unlisted, unreadable and closed to votes, until a curator publishes it', async () => {
  const id = await confirmedIdea('Un frigo partagé rue Jarry', 'rosa@example.org');
  assert.equal((await api(node, 'GET', `/v1/ideas/${id}`)).status, 404);
  assert.equal(await listed(id), false);
  const vote = await api(node, 'POST', `/v1/ideas/${id}/votes`, { headers: write(), body: { email: 'voisin@example.org', consent: { version: '2026-11' }, lang: 'fr' } });
  assert.equal(vote.status, 404);

  const queue = await getPage(node, QUEUE, curator);
  assert.equal(queue.status, 200);
  assert.match(queue.text, /<h2 id="ideas-to-review">Idées à publier<\/h2>/);
  assert.match(queue.text, /<h3 id="idea-[^"]+" lang="fr-CA">Un frigo partagé rue Jarry<\/h3>/);
  assert.ok(queue.text.includes(`action="${QUEUE}/ideas/${id}/publish"`));
  assert.ok(queue.text.includes(`action="${QUEUE}/ideas/${id}/decline"`));
  assert.match(queue.text, /Publier l’idée/);
  const english = await getPage(node, `${QUEUE}?lang=en`, curator);
  assert.match(english.text, /Ideas to publish/);
  assert.match(english.text, /Community: Villeray · confirmed on/);

  const published = await postForm(node, `${QUEUE}/ideas/${id}/publish`, {}, curator);
  assert.equal(published.status, 303);
  assert.equal(published.location, `${QUEUE}?done=idea_published#ideas-to-review`);
  assert.match((await getPage(node, published.location!, curator)).text, /L’idée est publiée/);

  const [row] = await node.db.query<{ status: string; reviewed_by: string | null; reviewed_at: Date | null }>('select status, reviewed_by, reviewed_at from ideas where id = $1', [id]);
  assert.equal(row!.status, 'published');
  assert.ok(row!.reviewed_by && row!.reviewed_at, 'who decided, and when');
  const read = await api(node, 'GET', `/v1/ideas/${id}`);
  assert.equal(read.status, 200);
  assert.equal(read.body.status, 'published');
  assert.equal(await listed(id), true);
  assert.ok(!(await getPage(node, QUEUE, curator)).text.includes(`/ideas/${id}/publish`), 'it left the queue');

  const [mail] = await mailTo(node, 'rosa@example.org');
  assert.equal(mail!.subject, 'Votre idée est publiée : « Un frigo partagé rue Jarry »');

  const again = await postForm(node, `${QUEUE}/ideas/${id}/decline`, {}, curator);
  assert.equal(again.status, 409, 'decided already: said, not an error');
  assert.equal((await node.db.query<{ status: string }>('select status from ideas where id = $1', [id]))[0]!.status, 'published');
});

test('a declined idea never shows; its author is told in their language', async () => {
  const id = await confirmedIdea('Free parking on every street', 'sam@example.org', 'hochelaga', 'en');
  const declined = await postForm(node, `${QUEUE}/ideas/${id}/decline`, {}, curator);
  assert.equal(declined.location, `${QUEUE}?done=idea_declined#ideas-to-review`);
  assert.equal((await node.db.query<{ status: string }>('select status from ideas where id = $1', [id]))[0]!.status, 'declined');
  assert.equal((await api(node, 'GET', `/v1/ideas/${id}`)).status, 404);
  assert.equal(await listed(id), false);
  const [mail] = await mailTo(node, 'sam@example.org');
  assert.equal(mail!.subject, 'Your idea is not published: “Free parking on every street”');
  assert.match(mail!.text, /\/my-data\?lang=en/);
});

test("a curator decides only their communities' ideas; staff decide none", async () => {
  const id = await confirmedIdea('Une ruelle verte rue Drolet', 'lea@example.org', 'mile-end');
  const person = await ensurePerson(node.db, { email: 'curatrice.villeray@example.org' });
  await addCurator(node.db, person.id, 'com_villeray');
  const local = await signIn(node, 'curatrice.villeray@example.org');
  assert.ok(!(await getPage(node, '/workspace/c/villeray', local)).text.includes(id), "the Mile End idea is not in Villeray's queue");
  assert.equal((await postForm(node, `/workspace/c/villeray/ideas/${id}/publish`, {}, local)).status, 404);
  const staff = await signIn(node, DEMO_STAFF.carrefourVilleray);
  assert.equal((await postForm(node, `${QUEUE}/ideas/${id}/publish`, {}, staff)).status, 404);
  assert.equal((await postForm(node, `${QUEUE}/ideas/${id}/publish`, {}, curator, 'https://evil.example')).status, 403, 'a form from another site');
  assert.equal((await node.db.query<{ status: string }>('select status from ideas where id = $1', [id]))[0]!.status, 'in_review');
  assert.equal((await postForm(node, `${QUEUE}/ideas/idea_nowhere/publish`, {}, curator)).status, 404);
});
