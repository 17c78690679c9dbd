// A partnership is public only once the partner organization accepts it. Before, an organization
// could name the caisse as its project's funder and the project showed as the caisse's everywhere
// (its answers, `?partner=` that the caisse's showcase reads, the page, JSON-LD).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_STAFF } from '../../src/seed/demo-ids.ts';
import { api, startTestNode } from '../support/node.ts';
import { bearer, NO_RATE_LIMITS, projectBody, write } from '../support/requests.ts';
import { getPage, postForm, signIn } from '../support/workspace.ts';

const TABLE = DEMO_KEYS.tableHochelaga;
const CAISSE = 'caisse-du-centre';
let node: RunningNode;
let projectId: string;
before(async () => {
  node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS });
  const created = await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody({ partners: [{ organization: CAISSE, role: 'funder' }] }) });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  projectId = created.body.id;
  await api(node, 'POST', `/v1/projects/${projectId}/submit`, { headers: write(TABLE), body: {} });
  const published = await api(node, 'POST', `/v1/projects/${projectId}/publish`, { headers: write(DEMO_KEYS.curator), body: {} });
  assert.equal(published.status, 200);
  assert.deepEqual(published.body.partners, [], 'the curator reads what the public will');
});
after(() => node?.close());

/** What the public reads of the project's partners: its answer, the showcase's filter, its page and its JSON-LD. */
async function publicPartners() {
  const project = await api(node, 'GET', `/v1/projects/${projectId}`);
  const showcase = await api(node, 'GET', `/v1/projects?partner=${CAISSE}&limit=100`);
  const list = await api(node, 'GET', '/v1/projects?community=hochelaga&limit=100');
  const page = await api(node, 'GET', `/projects/${projectId}`);
  const listed = list.body.items.find((p: any) => p.id === projectId);
  return {
    answer: project.body.partners.map((x: any) => x.organization.slug),
    inShowcase: showcase.body.items.some((p: any) => p.id === projectId),
    inList: listed.partners.map((x: any) => x.organization.slug),
    onPage: /Caisse du Centre/.test(page.body),
    statusShown: JSON.stringify(project.body.partners).includes('status'),
  };
}

const caissePage = (cookie: string, lang = 'fr') => getPage(node, `/workspace/o/${CAISSE}/partnerships?lang=${lang}`, cookie);
const answer = (cookie: string, value: 'accepted' | 'declined', org = CAISSE) => postForm(node, `/workspace/o/${org}/partnerships`, { project: projectId, answer: value }, cookie);

describe('a partnership named by the project’s organization', () => {
  test('is proposed: public nowhere, its organization sees it waiting, the partner’s staff are told', async () => {
    assert.deepEqual(await publicPartners(), { answer: [], inShowcase: false, inList: [], onPage: false, statusShown: false });
    const own = await api(node, 'GET', `/v1/projects/${projectId}`, { headers: bearer(TABLE) });
    assert.deepEqual(own.body.partners.map((x: any) => [x.organization.slug, x.role, x.status]), [[CAISSE, 'funder', 'proposed']]);
    // A curator reviews what the public will read: accepted partners only.
    const curator = await api(node, 'GET', `/v1/projects/${projectId}`, { headers: bearer(DEMO_KEYS.curator) });
    assert.deepEqual(curator.body.partners, []);
    const mails = await node.db.query<{ subject: string; body_text: string }>('select subject, body_text from mail_outbox where recipient = $1', [DEMO_STAFF.admin(CAISSE)]);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /^Partenariat proposé\s:\s«\sBacs à fleurs de la rue Adam\s»/);
    assert.match(mails[0]!.body_text, /\/workspace\/o\/caisse-du-centre\/partnerships/);

    const staff = await signIn(node, DEMO_STAFF.tableHochelaga);
    const form = await getPage(node, `/workspace/o/table-hochelaga/projects/${projectId}`, staff);
    assert.match(form.text, /Caisse du Centre n’a pas encore répondu\s:\sce partenariat n’est pas public\./);
  });

  test('another organization can neither see nor answer it', async () => {
    const other = await signIn(node, DEMO_STAFF.carrefourVilleray);
    assert.equal((await caissePage(other)).status, 404);
    assert.equal((await answer(other, 'accepted', 'carrefour-villeray')).status, 404, 'it names the caisse, not the carrefour');
    assert.equal((await publicPartners()).inShowcase, false);
  });

  test('accepted by the partner’s staff in their workspace: public everywhere; declined later: public nowhere again', async () => {
    const caisse = await signIn(node, DEMO_STAFF.admin(CAISSE));
    const waiting = await caissePage(caisse);
    assert.equal(waiting.status, 200);
    assert.match(waiting.text, /<h1>Partenariats<\/h1>/);
    const row = waiting.text.split('<tr>').find((r) => r.includes('Bacs à fleurs de la rue Adam'))!;
    assert.ok(row, 'the project is listed');
    assert.match(row, /Table de quartier Hochelaga|Hochelaga/);
    assert.match(row, /Bailleur de fonds/);
    assert.match(row, /En attente de votre réponse/);
    assert.match(row, /aria-label="Accepter le partenariat avec « Bacs à fleurs de la rue Adam »"/);
    assert.match(waiting.text, /href="\/workspace\/o\/caisse-du-centre\/partnerships" aria-current="page">Partenariats<span class="ws-count"> 1<\/span>/, 'the navigation counts what waits');

    const accepted = await answer(caisse, 'accepted');
    assert.equal(accepted.status, 303);
    assert.match(accepted.location ?? '', /done=partnership_accepted$/);
    assert.deepEqual(await publicPartners(), { answer: [CAISSE], inShowcase: true, inList: [CAISSE], onPage: true, statusShown: false });
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec((await api(node, 'GET', `/projects/${projectId}`)).body)?.[1];
    assert.match(jsonLd ?? '', /"sponsor":\[\{[^\]]*Caisse du Centre/);
    const en = await caissePage(caisse, 'en');
    assert.doesNotMatch(en.text, /Partnerships<span class="ws-count">/, 'nothing waits any more');
    assert.match(en.text, /Accepted: public/);
    assert.match(en.text, /aria-label="Withdraw your agreement to the partnership with “Adam Street flower boxes”"/);
    const [logged] = await node.db.query<{ action: string }>(`select action from activity_log where organization_id = 'org_${CAISSE}' order by created_at desc limit 1`);
    assert.equal(logged?.action, 'partnership_accepted');

    // The project's organization saves its form again, the same partner in the same role: the answer stays.
    const again = await api(node, 'PATCH', `/v1/projects/${projectId}`, { headers: write(TABLE), body: { partners: [{ organization: CAISSE, role: 'funder' }] } });
    assert.deepEqual(again.body.partners.map((x: any) => x.status), ['accepted']);

    const declined = await answer(caisse, 'declined');
    assert.equal(declined.status, 303);
    assert.deepEqual(await publicPartners(), { answer: [], inShowcase: false, inList: [], onPage: false, statusShown: false });
    const staff = await signIn(node, DEMO_STAFF.tableHochelaga);
    const form = await getPage(node, `/workspace/o/table-hochelaga/projects/${projectId}?lang=en`, staff);
    assert.match(form.text, /Caisse du Centre declined: this partnership is not public\./);

    // Named in another role, it is a new proposal: asked again, not public meanwhile.
    await answer(caisse, 'accepted');
    const moved = await api(node, 'PATCH', `/v1/projects/${projectId}`, { headers: write(TABLE), body: { partners: [{ organization: CAISSE, role: 'sponsor' }] } });
    assert.deepEqual(moved.body.partners.map((x: any) => [x.role, x.status]), [['sponsor', 'proposed']]);
    assert.equal((await publicPartners()).inShowcase, false);
  });

  test('the demo’s partnerships are accepted: the caisse’s showcase lists its projects', async () => {
    const showcase = await api(node, 'GET', `/v1/projects?partner=${CAISSE}&limit=100`);
    assert.ok(showcase.body.items.length >= 2);
    const seeded = await node.db.query<{ status: string }>('select status from project_partners where project_id <> $1', [projectId]);
    assert.ok(seeded.length >= 2);
    assert.ok(seeded.every((r) => r.status === 'accepted'));
  });

  test('the partner answers through the API too, with its own key: the same rules and log as its workspace', async () => {
    const key = DEMO_KEYS.organization(CAISSE);
    const listed = await api(node, 'GET', '/v1/partnerships', { headers: bearer(key) });
    assert.equal(listed.status, 200);
    const mine = listed.body.items.find((x: any) => x.project.id === projectId);
    assert.deepEqual([mine.status, mine.role, mine.organization.slug, mine.project.title.fr], ['proposed', 'sponsor', 'table-hochelaga', 'Bacs à fleurs de la rue Adam']);
    assert.equal(listed.body.items[0].project.id, projectId, 'proposals first');

    assert.equal((await api(node, 'PATCH', `/v1/partnerships/${projectId}`, { headers: bearer(TABLE), body: { status: 'accepted' } })).status, 404, 'the project’s own organization is not the partner');
    assert.equal((await api(node, 'PATCH', `/v1/partnerships/${projectId}`, { headers: bearer(key), body: { status: 'proposed' } })).status, 400);
    assert.equal((await api(node, 'PATCH', `/v1/partnerships/${projectId}`, { body: { status: 'accepted' } })).status, 401);
    assert.equal((await publicPartners()).inShowcase, false);

    const accepted = await api(node, 'PATCH', `/v1/partnerships/${projectId}`, { headers: bearer(key), body: { status: 'accepted' } });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'accepted');
    assert.ok(accepted.body.decidedAt);
    assert.deepEqual(await publicPartners(), { answer: [CAISSE], inShowcase: true, inList: [CAISSE], onPage: true, statusShown: false });
    const [logged] = await node.db.query<any>(`select action, person_id from activity_log where organization_id = 'org_${CAISSE}' order by created_at desc limit 1`);
    assert.deepEqual([logged?.action, logged?.person_id], ['partnership_accepted', null]);

    const declined = await api(node, 'PATCH', `/v1/partnerships/${projectId}`, { headers: bearer(key), body: { status: 'declined' } });
    assert.equal(declined.body.status, 'declined');
    assert.equal((await publicPartners()).inShowcase, false);
  });
});
