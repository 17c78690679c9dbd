import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { contest, ideas } from '../../mocks/fixtures.ts';
import { $, $$, expectAccessible, mount, startMocks, textOf, waitFor, worker } from '../../test/helpers.ts';
import { sharedSuite } from '../../test/shared.ts';

const vote = (attrs = '') => `<perron-idea-vote ${attrs}><a href="https://perron.example/idees/i-ruelle">Voir sur Perron</a></perron-idea-vote>`;

sharedSuite('perron-idea-vote', {
  markup: (attrs = '') => vote(`idea="i-ruelle" ${attrs}`),
  fr: /Une ruelle verte rue Darling.*42 appuis.*J’appuie cette idée/,
  en: /Une ruelle verte rue Darling.*42 supporters.*Support this idea/,
  empty: /0 appui\b/,
  notFound: /Cette idée est introuvable/,
});

async function keyboardVote(el: HTMLElement, email: string) {
  document.querySelector<HTMLButtonElement>('#before')!.focus();
  await sendKeys({ press: 'Tab' });
  expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="support"]'));
  await sendKeys({ press: 'Enter' });
  await waitFor(() => el.shadowRoot!.activeElement?.getAttribute('name') === 'email');
  await sendKeys({ type: email });
  await sendKeys({ press: 'Enter' });
}

describe('perron-idea-vote', () => {
  before(startMocks);
  afterEach(() => worker.resetHandlers());

  it('shows the contest’s current phase beside the idea, the idea in its own language', async () => {
    const el = await mount(vote('idea="i-ruelle"'));
    const current = $(el, '[aria-current="step"]')!;
    expect(current.textContent).to.match(/Vote.*étape en cours/s);
    expect($(el, '.idea-title')!.getAttribute('lang')).to.equal('fr');
  });

  it('is voted with the keyboard alone: email step, then "check your email", and fires perron-vote', async () => {
    const el = await mount(`<button id="before">avant</button>${vote('idea="i-ruelle"')}`);
    const fired = oneEvent(el, 'perron-vote');
    await keyboardVote(el, 'marie@exemple.ca');
    const event = await fired;
    expect(event.detail.ideaId).to.equal('i-ruelle');
    expect(event.composed).to.equal(true);
    await waitFor(() => $(el, '[part~="pending"]'));
    expect($(el, '[part~="pending"]')!.textContent).to.contain('Vérifiez vos courriels\u202F: suivez le lien envoyé à marie@exemple.ca');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="pending"]'));
    await expectAccessible(el);
  });

  it('says when this email has already voted', async () => {
    const el = await mount(`<button id="before">avant</button>${vote('idea="i-ruelle"')}`);
    await keyboardVote(el, 'deja@exemple.ca');
    await waitFor(() => textOf(el).includes('Vous avez déjà appuyé cette idée avec cette adresse.'));
    await expectAccessible(el);
  });

  it('ties an invalid email to its field, and cancels back to the button', async () => {
    const el = await mount(`<button id="before">avant</button>${vote('idea="i-ruelle"')}`);
    await keyboardVote(el, 'pas-un-courriel');
    const email = (await waitFor(() => $<HTMLInputElement>(el, '[name="email"][aria-invalid="true"]')))!;
    expect($(el, `#${email.getAttribute('aria-describedby')!.split(' ').at(-1)}`)!.textContent).to.contain('nom@exemple.ca');
    expect(el.shadowRoot!.activeElement).to.equal(email);
    await expectAccessible(el);
    $$<HTMLButtonElement>(el, 'form button').at(-1)!.click();
    await waitFor(() => el.shadowRoot!.activeElement === $(el, '[part~="support"]'));
  });

  it('dresses the vote form, whose code comes on the first support, as every field (44 px targets, error border)', async () => {
    const el = await mount(`<button id="before">avant</button>${vote('idea="i-ruelle"')}`);
    await keyboardVote(el, 'pas-un-courriel');
    const email = (await waitFor(() => $<HTMLInputElement>(el, '[name="email"][aria-invalid="true"]')))!;
    expect(getComputedStyle(email).minHeight).to.equal('44px');
    expect(getComputedStyle(email).borderTopWidth).to.equal('2px');
  });

  it('lists a contest’s ideas, each with its count and support button, in English', async () => {
    const el = await mount(vote('contest="c-budget" lang="en"'));
    expect($(el, '#contest-title')!.textContent).to.equal('Participatory budget 2027');
    expect($$(el, '[part~="idea"]')).to.have.length(3);
    expect($$(el, '[part~="support"]').map((b) => b.getAttribute('aria-label'))).to.include('Support this idea: Bike racks at the metro');
    expect(textOf(el)).to.contain('1 supporter');
    expect($$(el, '.phases li').map((li) => li.firstChild && li.textContent!.trim().split(/\s+/)[0])).to.deep.equal(['Idea', 'Vote', 'Selection', 'Results']);
    await expectAccessible(el);
  });

  it('offers no vote outside the contest’s vote phase', async () => {
    worker.use(http.get('*/v1/contests/:id', () => HttpResponse.json({ ...contest, currentPhase: 'selection' })));
    const el = await mount(vote('contest="c-budget"'));
    expect($$(el, '[part~="support"]')).to.have.length(0);
    expect(textOf(el)).to.contain('Le vote est fermé pour le moment.');
    expect($(el, '[aria-current="step"]')!.textContent).to.contain('Sélection');
  });

  it('lists a community’s published ideas, each with its support button', async () => {
    const el = await mount(vote('community="hochelaga-maisonneuve"'));
    expect($(el, 'ul.ideas')!.getAttribute('aria-label')).to.equal('4 idées');
    expect($$(el, '[part~="idea"] .idea-title').map((t) => t.textContent)).to.deep.equal([
      'Une ruelle verte rue Darling',
      'Des fontaines d’eau dans les parcs',
      'Bike racks at the metro',
      'Un frigo communautaire',
    ]);
    expect($$(el, '[part~="support"]')).to.have.length(4);
    await expectAccessible(el);
    const none = await mount(vote('community="villeray"'));
    expect($(none, '[part~="empty"]')!.textContent).to.equal('Aucune idée pour le moment.');
  });

  it('shows a closed contest’s results: the count of winners, each idea’s status, the project an idea became', async () => {
    worker.use(
      http.get('*/v1/contests/:id', () =>
        HttpResponse.json({ ...contest, currentPhase: 'results', votingClosedAt: '2026-12-15T20:00:00Z', results: { publishedAt: '2026-12-20T15:00:00Z', winners: ['i-ruelle'] } }),
      ),
      http.get('*/v1/ideas', () =>
        HttpResponse.json({
          items: ideas.filter((i) => i.contestId === contest.id).map((i) => ({ ...i, status: i.id === 'i-ruelle' ? 'selected' : 'not_selected', projectId: i.id === 'i-ruelle' ? 'p-jardin' : null })),
          nextCursor: null,
        }),
      ),
    );
    const el = await mount(vote('contest="c-budget"'));
    expect($(el, '[part~="results"]')!.textContent).to.equal('Résultats\u202f: 1 idée retenue sur 3.');
    expect($(el, '[aria-current="step"]')!.textContent).to.contain('Résultats');
    expect($$(el, '.badge').map((b) => b.textContent)).to.deep.equal(['Idée retenue', 'Idée non retenue', 'Idée non retenue']);
    const link = $<HTMLAnchorElement>(el, '[part~="project"] a')!;
    expect(link.textContent).to.equal('Devenue un projet\u202f: voir le projet');
    expect(link.href).to.equal(`${location.origin}/projects/p-jardin?lang=fr`);
    expect($$(el, '[part~="support"]')).to.have.length(0);
    expect(textOf(el)).not.to.contain('Le vote est fermé pour le moment.');
    await expectAccessible(el);
  });
});
