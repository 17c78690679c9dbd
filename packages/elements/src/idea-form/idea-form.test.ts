import { expect, oneEvent } from '@open-wc/testing';
import { IDEA_CONSENT_VERSION } from '@perron/contract';
import { createClient } from '@perron/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { problem, received } from '../../mocks/handlers.ts';
import { $, $$, describedBy, expectAccessible, mount, startMocks, tabTo, textOf, waitFor, worker } from '../../test/helpers.ts';
import { sharedSuite } from '../../test/shared.ts';
import type { PerronIdeaForm } from './idea-form.ts';

const fallback = '<a href="https://perron.example/idees">Voir sur Perron</a>';
const form = (attrs = 'community="hochelaga-maisonneuve"') => `<perron-idea-form ${attrs}>${fallback}</perron-idea-form>`;

sharedSuite('perron-idea-form', {
  markup: (attrs = '') => form(`community="hochelaga-maisonneuve" ${attrs}`),
  fr: /Proposer une idée pour Hochelaga-Maisonneuve.*Titre de votre idée/,
  en: /Propose an idea for Hochelaga-Maisonneuve.*Title of your idea/,
  // Without any contest, the form is the same, without the contest choice.
  empty: /Proposer une idée pour Hochelaga-Maisonneuve/,
  notFound: /Cette communauté est introuvable/,
});

const input = (el: Element, selector: string) => $<HTMLInputElement>(el, selector)!;
function fill(el: Element, v: { title?: string; description?: string; name?: string; email?: string; share?: boolean; contest?: string }) {
  if (v.title !== undefined) input(el, '[name="title"]').value = v.title;
  if (v.description !== undefined) $<HTMLTextAreaElement>(el, '[name="description"]')!.value = v.description;
  if (v.name !== undefined) input(el, '[name="name"]').value = v.name;
  if (v.email !== undefined) input(el, '[name="email"]').value = v.email;
  if (v.share !== undefined) input(el, '[name="shareWithOrganizers"]').checked = v.share;
  if (v.contest !== undefined) $<HTMLSelectElement>(el, '[name="contestId"]')!.value = v.contest;
}
const submit = (el: Element) => $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
const ideasReceived = () => received.filter((r) => r.route === 'createIdea');
const complete = { title: 'Des bancs rue Ontario', description: 'Pour se reposer entre deux commerces.', name: 'Rosa Diallo', email: 'rosa@exemple.ca', share: true };


describe('perron-idea-form', () => {
  before(startMocks);
  beforeEach(() => {
    received.length = 0;
  });
  afterEach(() => worker.resetHandlers());

  it('labels every field, offers the community’s contest taking ideas, and states the idea’s own notice', async () => {
    const el = await mount(form());
    expect($(el, 'label[for="title"]')!.textContent).to.equal('Titre de votre idée');
    expect(describedBy(el, input(el, '[name="title"]'))).to.equal('En quelques mots, comme un titre de journal.');
    expect($(el, 'label[for="description"]')!.textContent).to.equal('Votre idée en détail');
    // The contest in its vote phase is not offered; the one taking ideas is.
    const options = $$<HTMLOptionElement>(el, '[name="contestId"] option').map((o) => [o.value, o.textContent!.trim()]);
    expect(options).to.deep.equal([
      ['', 'Aucun concours\u202f: une idée pour le quartier'],
      ['c-ruelles', 'Nos ruelles en 2027'],
    ]);
    expect(textOf(el)).to.contain('Votre nom et votre courriel servent uniquement à confirmer votre idée');
    expect(textOf(el)).to.contain('Hochelaga-Maisonneuve');
    expect(textOf(el)).not.to.contain('contribution');
    const boxes = $$<HTMLInputElement>(el, 'input[type="checkbox"]');
    expect(boxes.map((b) => [b.name, b.checked])).to.deep.equal([
      ['shareWithOrganizers', false],
      ['updates', false],
    ]);
    await expectAccessible(el);
  });

  it('ties each error to its field, announces them, focuses the first and sends nothing', async () => {
    const el = await mount(form());
    fill(el, { title: '   ', email: 'pas-un-courriel' });
    submit(el);
    await waitFor(() => $(el, '[role="alert"]'));
    expect($(el, '[role="alert"]')!.textContent).to.contain('Le formulaire contient 5 erreurs');
    expect(describedBy(el, input(el, '[name="title"]'))).to.contain('Donnez un titre à votre idée');
    expect(describedBy(el, $(el, '[name="description"]')!)).to.contain('Décrivez votre idée');
    expect(describedBy(el, input(el, '[name="email"]'))).to.contain('nom@exemple.ca');
    expect(describedBy(el, input(el, '[name="shareWithOrganizers"]'))).to.contain('pour que votre idée puisse être confirmée');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, '[name="title"]'));
    expect(input(el, '[name="email"]').value).to.equal('pas-un-courriel');
    expect(ideasReceived()).to.have.length(0);
    await expectAccessible(el);
  });

  it('is completed with the keyboard alone, says to check the email, and fires perron-idea', async () => {
    const el = await mount<PerronIdeaForm>(`<button id="before">avant</button>${form()}`);
    document.querySelector<HTMLButtonElement>('#before')!.focus();
    await tabTo(el, '[name="title"]');
    await sendKeys({ type: complete.title });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: complete.description });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' }); // the contest taking ideas
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: complete.name });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: complete.email });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'button[type="submit"]');
    const fired = oneEvent(el, 'perron-idea');
    await sendKeys({ press: 'Enter' });
    const event = await fired;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.confirmation.ideaId).to.equal('i-nouvelle');
    await waitFor(() => $(el, '#sent'));
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#sent'));
    expect(textOf(el)).to.contain('Vérifiez vos courriels');
    expect(textOf(el)).to.contain('Nous avons envoyé un lien à rosa@exemple.ca. Suivez-le d’ici le 7 décembre 2026 pour confirmer votre idée.');
    expect(textOf(el)).to.contain('L’équipe de la communauté la lira ensuite avant de la publier');
    const [sent] = ideasReceived();
    expect(sent!.body).to.deep.equal({
      title: complete.title,
      description: complete.description,
      community: 'hochelaga-maisonneuve',
      contestId: 'c-ruelles',
      author: { name: complete.name, email: complete.email },
      consent: { version: IDEA_CONSENT_VERSION, shareWithOrganizers: true, updates: false },
      lang: 'fr',
    });
    expect(sent!.idempotencyKey).to.match(/^[a-f0-9]{32}$/);
    await expectAccessible(el);
    // Another idea: an empty form, the focus on its first field.
    $<HTMLButtonElement>(el, '[part~="check-email"] button')!.click();
    await waitFor(() => el.shadowRoot!.activeElement === $(el, '[name="title"]'));
    expect(input(el, '[name="title"]').value).to.equal('');
  });

  it('shows the node’s 400 at its field, keeping what was typed', async () => {
    const el = await mount(form());
    fill(el, { ...complete, title: 'refus\u202e' });
    submit(el);
    await waitFor(() => input(el, '[name="title"]').getAttribute('aria-invalid') === 'true');
    expect(describedBy(el, input(el, '[name="title"]'))).to.contain('Donnez un titre à votre idée');
    expect($(el, '[role="alert"]')!.textContent).to.contain('1 erreur');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, '[name="title"]'));
    expect(input(el, '[name="name"]').value).to.equal('Rosa Diallo');
    await expectAccessible(el);
  });

  it('keeps what was typed after a failure, and retries with the same idempotency key', async () => {
    const keys: (string | null)[] = [];
    worker.use(
      http.post('*/v1/ideas', ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length === 1 ? HttpResponse.error() : undefined;
      }),
    );
    const el = await mount<PerronIdeaForm>(form(), undefined, createClient({ node: location.origin, retries: 0 }));
    fill(el, complete);
    submit(el);
    await waitFor(() => $(el, '[part~="error"]'));
    expect(textOf(el)).to.contain('L’envoi n’a pas abouti. Votre texte est conservé');
    expect(input(el, '[name="title"]').value).to.equal(complete.title);
    expect(input(el, '[name="shareWithOrganizers"]').checked).to.equal(true);
    submit(el);
    await waitFor(() => $(el, '#sent'));
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('for a contest: its title, its community, and a closed contest says so', async () => {
    const open = await mount(form('contest="c-ruelles"'));
    expect(textOf(open)).to.contain('Proposer une idée : Nos ruelles en 2027');
    expect($(open, '[name="contestId"]')).to.equal(null);
    fill(open, complete);
    submit(open);
    await waitFor(() => $(open, '#sent'));
    expect(ideasReceived()[0]!.body).to.deep.include({ community: 'hochelaga-maisonneuve', contestId: 'c-ruelles' });

    const closed = await mount(form('contest="c-budget"'));
    expect($(closed, '[part~="closed"]')!.textContent).to.equal('Ce concours ne reçoit pas d’idées en ce moment.');
    await expectAccessible(closed);

    worker.use(http.post('*/v1/ideas', () => problem('phase_closed', 409)));
    const late = await mount(form('contest="c-ruelles"'));
    fill(late, complete);
    submit(late);
    await waitFor(() => $(late, '[part~="error"]'));
    expect(textOf(late)).to.contain('Ce concours ne reçoit plus d’idées');
  });

  it('speaks English, notice included', async () => {
    const el = await mount(form('community="hochelaga-maisonneuve" lang="en"'));
    expect(textOf(el)).to.contain('Propose an idea for Hochelaga-Maisonneuve');
    expect(textOf(el)).to.contain('Your name and email are used only to confirm your idea');
    expect($(el, 'button[type="submit"]')!.textContent!.trim()).to.equal('Send my idea');
    fill(el, complete);
    submit(el);
    await waitFor(() => $(el, '#sent'));
    expect(textOf(el)).to.contain('We sent a link to rosa@exemple.ca. Follow it by December 7, 2026 to confirm your idea.');
    expect((ideasReceived()[0]!.body as { lang: string }).lang).to.equal('en');
    await expectAccessible(el);
  });

  it('takes the page’s theme through the shared custom properties', async () => {
    const el = await mount(form('community="hochelaga-maisonneuve" style="--perron-accent: rgb(0, 100, 0)"'));
    expect(getComputedStyle($(el, 'button[type="submit"]')!).backgroundColor).to.equal('rgb(0, 100, 0)');
  });
});
