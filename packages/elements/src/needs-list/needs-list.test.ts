import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { $, $$, expectAccessible, mount, startMocks, textOf, waitFor, worker } from '../../test/helpers.ts';
import { jardin, needs as fixtureNeeds, pledgeFor } from '../../mocks/fixtures.ts';
import { sharedSuite } from '../../test/shared.ts';

const list = (attrs = '') =>
  `<perron-needs-list project="p-jardin" ${attrs}><a href="https://perron.example/projets/p-jardin">Voir sur Perron</a></perron-needs-list>`;

sharedSuite('perron-needs-list', {
  markup: list,
  fr: /Bénévoles et expertise.*Animer les ateliers de semis.*12 h sur 40 h/,
  en: /Volunteers and skills.*Lead the seedling workshops.*12 h of 40 h/,
  empty: /Ce projet n’a pas de besoin ouvert pour le moment/,
  notFound: /Ce projet est introuvable/,
});

describe('perron-needs-list', () => {
  before(startMocks);

  it('groups the needs by category, each with pledged against wanted in its unit', async () => {
    const el = await mount(list());
    const headings = $$(el, '[role="heading"][aria-level="3"]').map((h) => h.textContent!.trim());
    expect(headings).to.deep.equal(['Bénévoles et expertise', 'Matériel', 'Dons']);
    const text = textOf(el);
    expect(text).to.contain('4 personnes sur 10 personnes');
    expect(text).to.contain('5 bacs sur 20 bacs');
    expect(text).to.contain('875 $ sur 2 500 $');
    expect(text).to.contain('Compétences recherchées : jardinage, animation');
  });

  it('marks a filled need and offers no pledge for it', async () => {
    const el = await mount(list('category="material"'));
    const needs = $$(el, '[part~="need"]');
    expect(needs).to.have.length(2);
    expect(needs[1]!.textContent).to.contain('Comblé');
    expect(needs[1]!.querySelector('button')).to.equal(null);
  });

  it('opens a need’s pledge form in place with the keyboard; a held pledge moves nothing until its email is confirmed', async () => {
    const el = await mount(list('category="material"'));
    const button = $<HTMLButtonElement>(el, '[part~="help"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Je contribue\u202F: Bacs de plantation en cèdre');
    button.focus();
    await sendKeys({ press: 'Enter' });
    // The form's code comes on this first opening.
    await waitFor(() => button.getAttribute('aria-expanded') === 'true');
    const form = $(el, 'perron-pledge-form')!;
    expect(form.getAttribute('need')).to.equal('n-bacs');
    await waitFor(() => form.shadowRoot?.querySelector('[name="quantity"]'));
    await expectAccessible(el);
    const q = (s: string) => form.shadowRoot!.querySelector<HTMLInputElement>(s)!;
    q('[name="quantity"]').value = '3';
    q('[name="name"]').value = 'Ana';
    q('[name="email"]').value = 'ana@exemple.ca';
    q('[name="shareWithOrganizers"]').checked = true;
    q('button[type="submit"]').click();
    await waitFor(() => form.shadowRoot?.querySelector('[part~="check-email"]'));
    expect(textOf(el)).to.contain('5 bacs sur 20 bacs');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#pledge-n-bacs')!.hidden).to.equal(true);
  });

  it('dresses the form it opens in the page’s theme', async () => {
    const el = await mount(list('category="material"'));
    el.style.setProperty('--perron-accent', 'rgb(0, 100, 0)');
    el.style.setProperty('--perron-radius', '0px');
    $<HTMLButtonElement>(el, '[part~="help"]')!.click();
    const submit = (await waitFor(() => $(el, 'perron-pledge-form')?.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')))!;
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(0, 100, 0)');
    expect(getComputedStyle(submit).borderTopLeftRadius).to.equal('0px');
  });

  it('counts at once a pledge the node answers as counted', async () => {
    const bacs = fixtureNeeds.find((n) => n.id === 'n-bacs')!;
    worker.use(http.post('*/v1/needs/:id/pledges', () => HttpResponse.json({ ...pledgeFor(bacs, 3), status: 'pending', heldUntil: null }, { status: 201 }), { once: true }));
    const el = await mount(list('category="material"'));
    $<HTMLButtonElement>(el, '[part~="help"]')!.click();
    const form = await waitFor(() => $(el, 'perron-pledge-form')!);
    await waitFor(() => form.shadowRoot?.querySelector('[name="quantity"]'));
    const q = (s: string) => form.shadowRoot!.querySelector<HTMLInputElement>(s)!;
    q('[name="quantity"]').value = '3';
    q('[name="name"]').value = 'Ana';
    q('[name="email"]').value = 'ana@exemple.ca';
    q('[name="shareWithOrganizers"]').checked = true;
    q('button[type="submit"]').click();
    await waitFor(() => textOf(el).includes('8 bacs sur 20 bacs'));
  });

  it('says the day a need is needed by, in Montréal’s calendar, with the year only when it is another', async () => {
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric' }).format(new Date()));
    const [first, second, ...rest] = jardin.needs;
    const project = { ...jardin, needs: [{ ...first!, deadline: `${year}-12-01` }, { ...second!, deadline: `${year + 1}-01-15` }, ...rest] };
    worker.use(http.get('*/v1/projects/:id', () => HttpResponse.json(project)));
    const fr = await mount(list());
    const deadlines = $$(fr, '[part~="deadline"]').map((p) => p.textContent!.trim());
    expect(deadlines).to.deep.equal(['D’ici le 1er\u00A0décembre', `D’ici le 15 janvier ${year + 1}`]);
    expect($$(fr, '[part~="need"]')[0]!.textContent).to.contain('D’ici le 1er\u00A0décembre');
    await expectAccessible(fr);
    const en = await mount(list('lang="en"'));
    await waitFor(() => $$(en, '[part~="deadline"]').length === 2);
    expect($$(en, '[part~="deadline"]').map((p) => p.textContent!.trim())).to.deep.equal(['By December 1', `By January 15, ${year + 1}`]);
  });
});
