// The node's project page for people who arrive without the script: the needs, the organization,
// a way back, and a pledge form posted as plain HTML, checked by the same rules as the API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { startTestNode } from './support/node.ts';
import { linkTokenTo, NO_PLEDGE_CAPS, NO_RATE_LIMITS, publishedProjectWithNeed } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS })));
after(() => node.close());

const project = DEMO_PROJECTS.jardinOntario;
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${node.url}${path}`, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const post = async (path: string, form: Record<string, string>) => {
  const res = await fetch(`${node.url}${path}`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const pledgesBy = (email: string) => node.db.query<any>('select * from pledges where contact_email = $1', [email]);
/** The message shown at a field, and whether its control says it is invalid and points to it. */
function fieldError(page: string, name: string) {
  const message = new RegExp(`<p class="field-error" id="${name}-error">([^<]*)</p>`).exec(page)?.[1];
  const control = new RegExp(`<(?:input|select|textarea)[^>]*id="pledge-${name}"[^>]*>`).exec(page)?.[0] ?? '';
  return { message, invalid: /aria-invalid="true"/.test(control) && control.includes(`${name}-error`) };
}

describe('the project page', () => {
  test('shows the needs, a link to pledge to each open one, the form, the organization and its website', async () => {
    const page = await get(`/projects/${project}?lang=fr`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Jardin collectif de la rue Ontario<\/h1>/);
    assert.match(page.text, /<h2 id="organization">L’organisme<\/h2>/);
    assert.match(page.text, /<strong>Table de quartier Hochelaga-Maisonneuve<\/strong>/);
    assert.match(page.text, /<form method="post" action="\/projects\/[^"]+\/pledges\?lang=fr#pledge" novalidate>/);
    assert.match(page.text, new RegExp(`href="/projects/${project}\\?lang=fr&amp;need=${DEMO_NEEDS.jardinTerreau}#pledge"`));
    // The consent notice is the API's, naming the organization; nothing is ticked for the person.
    assert.match(page.text, /Table de quartier Hochelaga-Maisonneuve recueille votre nom et votre courriel uniquement pour organiser votre contribution/);
    assert.doesNotMatch(page.text, /name="share"[^>]*checked/);
    const en = await get(`/projects/${project}?lang=en`);
    assert.match(en.text, /<h2 id="organization">The organization<\/h2>/);
    assert.match(en.text, /<button type="submit">Send my pledge<\/button>/);
  });

  test('shows the organization’s logo beside its name when it gave one (an http(s) address only)', async () => {
    const org = (await node.db.query<{ organization_id: string }>('select organization_id from projects where id = $1', [project]))[0]!.organization_id;
    const logo = async (url: string | null) => {
      await node.db.query('update organizations set logo_url = $2 where id = $1', [org, url]);
      return /<p class="organization-name">(<img[^>]*>)?<strong>/.exec((await get(`/projects/${project}?lang=fr`)).text)?.[1] ?? null;
    };
    try {
      assert.equal(await logo('https://table.example/logo.png?size=2&v=1'), '<img class="logo" src="https://table.example/logo.png?size=2&amp;v=1" alt="" width="64" height="64" loading="lazy" referrerpolicy="no-referrer">');
      assert.equal(await logo('javascript:alert(1)'), null);
      assert.equal(await logo(null), null);
    } finally {
      await node.db.query('update organizations set logo_url = null where id = $1', [org]);
    }
  });

  test('names each skill in the page’s language; text the organization typed stays French, marked lang="fr"', async () => {
    const { projectId } = await publishedProjectWithNeed(node, DEMO_KEYS.tableHochelaga, DEMO_KEYS.curator, { category: 'human', title: { fr: 'Affiches', en: 'Posters' }, unit: 'hours', wanted: 5, skills: ['graphic-design', 'bonne humeur'] });
    const skills = async (lang: string) => /<p class="hint">(?:Compétences|Skills)\s?:? ?(.*?)<\/p>/.exec((await get(`/projects/${projectId}?lang=${lang}`)).text)?.[1];
    assert.equal(await skills('fr'), '<span lang="fr">graphisme</span>, <span lang="fr">bonne humeur</span>');
    assert.equal(await skills('en'), '<span lang="en">graphic design</span>, <span lang="fr">bonne humeur</span>');
  });

  test('leads back to the site the person came from: `from` first, else the Referer; never a script, never the node itself', async () => {
    const from = 'https://carrefour.example/projets?x=1';
    assert.match((await get(`/projects/${project}?from=${encodeURIComponent(from)}`)).text, /<a href="https:\/\/carrefour.example\/projets\?x=1">Retour à carrefour.example<\/a>/);
    assert.match((await get(`/projects/${project}?lang=en`, { referer: 'https://caisse.example/' })).text, /<a href="https:\/\/caisse.example\/">Back to caisse.example<\/a>/);
    assert.doesNotMatch((await get(`/projects/${project}?from=${encodeURIComponent('javascript:alert(1)')}`)).text, /class="back"/);
    assert.doesNotMatch((await get(`/projects/${project}`, { referer: `${node.url}/` })).text, /class="back"/);
  });

  test('a pledge posted without JavaScript is held like the API’s, with the consent given, and its confirmation emailed', async () => {
    const email = 'sans-js@example.org';
    const res = await post(`/projects/${project}/pledges?lang=fr`, {
      need: DEMO_NEEDS.jardinTerreau,
      quantity: '3',
      name: 'Aline Sans-Script',
      email,
      share: 'yes',
      from: 'https://carrefour.example/',
    });
    assert.equal(res.status, 303);
    const location = res.headers.get('location')!;
    assert.match(location, new RegExp(`^/projects/${project}/pledged\\?lang=fr&from=https%3A%2F%2Fcarrefour.example%2F$`));
    const [pledge, ...more] = await pledgesBy(email);
    assert.equal(more.length, 0);
    assert.equal(pledge.status, 'held');
    assert.equal(pledge.quantity, 3);
    assert.equal(pledge.need_id, DEMO_NEEDS.jardinTerreau);
    assert.equal(pledge.contact_name, 'Aline Sans-Script');
    assert.equal(pledge.consent_version, CONSENT_VERSION);
    assert.equal(pledge.consent_share, true);
    assert.equal(pledge.consent_updates, false);
    assert.equal(pledge.lang, 'fr');
    assert.ok(await linkTokenTo(node, email, '/pledges/confirm/'), 'the confirmation link is emailed');
    const thanks = await get(location);
    assert.equal(thanks.status, 200);
    assert.match(thanks.text, /Merci\s!\sDernière étape\s:\svotre courriel/);
    assert.match(thanks.text, /Suivez-le dans les 45 minutes pour confirmer votre engagement/);
    assert.match(thanks.text, /<a href="https:\/\/carrefour.example\/">Retour à carrefour.example<\/a>/);
    assert.doesNotMatch(thanks.text, /sans-js@example.org/, 'nothing personal in the confirmation page');
  });

  test('errors come back at their fields, in the page’s language, with what was typed; nothing is recorded', async () => {
    const email = 'pas-encore@example.org';
    const res = await post(`/projects/${project}/pledges?lang=fr`, { need: DEMO_NEEDS.jardinTerreau, quantity: '0', name: 'Paul <b>Roy</b>', email: 'pas-une-adresse', message: 'Bonjour' });
    assert.equal(res.status, 400);
    assert.match(res.text, /<div class="error-summary" role="alert"/);
    assert.match(fieldError(res.text, 'quantity').message!, /^Indiquez un nombre entier entre 1 et /);
    assert.equal(fieldError(res.text, 'quantity').invalid, true);
    assert.equal(fieldError(res.text, 'email').message, 'Indiquez une adresse courriel valide, comme nom@exemple.org.');
    assert.equal(fieldError(res.text, 'email').invalid, true);
    assert.match(res.text, /<p class="field-error" id="share-error">Cochez cette case/);
    assert.equal(fieldError(res.text, 'name').message, undefined);
    // What was typed stays, escaped.
    assert.match(res.text, /value="Paul &lt;b&gt;Roy&lt;\/b&gt;"/);
    assert.match(res.text, /<textarea id="pledge-message"[^>]*>Bonjour<\/textarea>/);
    assert.match(res.text, new RegExp(`<option value="${DEMO_NEEDS.jardinTerreau}" selected>`));
    assert.equal((await pledgesBy('pas-une-adresse')).length, 0);

    const en = await post(`/projects/${project}/pledges?lang=en`, { need: '', quantity: '2', name: 'Paul', email, share: 'yes' });
    assert.equal(en.status, 400);
    assert.equal(fieldError(en.text, 'need').message, 'Choose an open need.');
    assert.equal((await pledgesBy(email)).length, 0);
  });

  test('more than what is left is refused at the quantity, as the API refuses it', async () => {
    const { projectId, needId } = await publishedProjectWithNeed(node, DEMO_KEYS.tableHochelaga, DEMO_KEYS.curator, { category: 'material', title: { fr: 'Brouettes', en: 'Wheelbarrows' }, unit: { fr: 'brouettes', en: 'wheelbarrows' }, wanted: 2 });
    const first = await post(`/projects/${projectId}/pledges?lang=en`, { need: needId, quantity: '2', name: 'A', email: 'a-brouette@example.org', share: 'yes' });
    assert.equal(first.status, 303);
    // Held, the two wheelbarrows are reserved: a second pledge finds none left.
    const second = await post(`/projects/${projectId}/pledges?lang=en`, { need: needId, quantity: '1', name: 'B', email: 'b-brouette@example.org', share: 'yes' });
    assert.equal(second.status, 409);
    assert.equal(fieldError(second.text, 'quantity').message, 'That is more than what is left to fill on this need. Enter a smaller quantity.');
    assert.equal((await pledgesBy('b-brouette@example.org')).length, 0);
  });
});
