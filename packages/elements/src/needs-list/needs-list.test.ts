import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import { $, $$, expectAccessible, mount, startMocks, textOf, waitFor, worker } from '../../test/helpers.ts';
import { jardin, needs as fixtureNeeds, pledgeFor } from '../../mocks/fixtures.ts';
import { problem } from '../../mocks/handlers.ts';
import { sharedSuite } from '../../test/shared.ts';
import type { HumanNeed } from '@perron/contract';

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
    expect(text).to.contain('Compétences recherchées : jardinage, animation, bonne humeur');
  });

  it('names the skills in English on an English page; text the organization typed stays French, marked lang="fr"', async () => {
    const el = await mount(list('lang="en"'));
    const skills = $(el, '[part~="skills"]')!;
    expect(skills.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Skills wanted: gardening, facilitation, bonne humeur');
    expect([...skills.querySelectorAll('span')].map((s) => [s.textContent, s.lang])).to.deep.equal([
      ['gardening', 'en'],
      ['facilitation', 'en'],
      ['bonne humeur', 'fr'],
    ]);
    await expectAccessible(el);
  });

  it('shows the skills of a need from a node without skill labels as French', async () => {
    const { skillLabels: _, ...older } = fixtureNeeds.find((n) => n.id === 'n-ateliers')! as HumanNeed;
    worker.use(http.get('*/v1/projects/:id', () => HttpResponse.json({ ...jardin, needs: [older] }), { once: true }));
    const el = await mount(list('lang="en"'));
    expect($$(el, '[part~="skills"] span').map((s) => [s.textContent, s.lang])).to.deep.equal([
      ['jardinage', 'fr'],
      ['animation', 'fr'],
      ['bonne humeur', 'fr'],
    ]);
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

  describe('with suggest-services', () => {
    const suggesting = (attrs = '') => list(`suggest-services ${attrs}`);
    const services = (el: HTMLElement) => $$(el, '[part~="services"]');
    const loaded = (el: HTMLElement) => services(el).length > 0;
    // The answers a test puts first (a failure, a wait) go with it.
    afterEach(() => worker.resetHandlers());

    it('shows under a need the other organizations’ services that could answer it, in French', async () => {
      const el = await mount(suggesting(), loaded);
      await expectAccessible(el);
      const needs = $$(el, '[part~="need"]');
      // Under the workshops and the seeds; not under the needs nothing answers.
      expect(needs.map((n) => n.querySelectorAll('[part~="service"]').length)).to.deep.equal([2, 0, 0, 0, 1]);
      const workshops = needs[0]!.querySelector('[part~="services"]')!;
      const heading = workshops.querySelector('[role="heading"]')!;
      expect(heading.textContent!.trim()).to.equal('Des organismes peuvent aussi aider');
      // One level below the need's own heading.
      expect(heading.getAttribute('aria-level')).to.equal('5');
      const links = [...workshops.querySelectorAll('a')];
      expect(links.map((a) => [a.textContent!.trim(), a.getAttribute('href')])).to.deep.equal([
        ['Jardins collectifs', 'https://entraide.example.org/jardins'],
        ['Conseils en horticulture', 'https://region.example.org/conseils'],
      ]);
      const [local, imported] = [...workshops.querySelectorAll('[part~="service"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(local).to.equal('Jardins collectifs par Entraide Hochelaga');
      expect(imported).to.equal('Conseils en horticulture par Réseau régional (répertoire 211.region.example.org)');
      // A service without an address is named, not linked.
      const seeds = needs[4]!.querySelector('[part~="service"]')!;
      expect(seeds.querySelector('a')).to.equal(null);
      expect(seeds.textContent).to.contain('Grainothèque');
      expect($(el, '[part~="services-status"]')!.textContent!.trim()).to.equal('');
    });

    it('in English, each service’s text marked with its own language; its links reached by the keyboard', async () => {
      const el = await mount(suggesting('lang="en"'), loaded);
      await expectAccessible(el);
      const workshops = services(el)[0]!;
      expect(workshops.querySelector('[role="heading"]')!.textContent!.trim()).to.equal('Other organizations can help');
      expect(workshops.textContent!.replace(/\s+/g, ' ')).to.contain('Community gardens by Hochelaga Mutual Aid');
      expect(workshops.textContent!.replace(/\s+/g, ' ')).to.contain('(listed by 211.region.example.org)');
      const french = [...workshops.querySelectorAll('a')].find((a) => a.textContent!.includes('horticulture'))!;
      expect(french.getAttribute('lang')).to.equal('fr');
      // Tab from the workshops' "I want to help" to its first service.
      $<HTMLButtonElement>(el, '[part~="help"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Community gardens');
    });

    it('without the attribute, asks for no services and shows none', async () => {
      let asked = 0;
      worker.use(http.get('*/v1/service-suggestions', () => (asked++, HttpResponse.json({ needs: [] }))));
      const el = await mount(list());
      expect(textOf(el)).to.contain('12 h sur 40 h');
      expect(services(el)).to.have.length(0);
      expect($(el, '[part~="services-status"]')).to.equal(null);
      expect(asked).to.equal(0);
    });

    it('shows the needs while the services load, and says it is looking', async () => {
      worker.use(http.get('*/v1/service-suggestions', () => delay('infinite')));
      const el = await mount(suggesting());
      expect(textOf(el)).to.contain('12 h sur 40 h');
      const status = (await waitFor(() => $(el, '[part~="services-status"]')))!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent!.trim()).to.equal('Recherche d’autres organismes qui peuvent aider…');
      await expectAccessible(el);
    });

    it('says so once when no service answers any need', async () => {
      worker.use(http.get('*/v1/service-suggestions', () => HttpResponse.json({ needs: fixtureNeeds.map((n) => ({ need: n.id, services: [] })) })));
      const el = await mount(suggesting(), (e) => $(e, '[part~="services-status"]')?.textContent?.trim().startsWith('Aucun'));
      expect($(el, '[part~="services-status"]')!.textContent!.trim()).to.equal('Aucun autre organisme du répertoire ne correspond à ces besoins pour le moment.');
      expect(services(el)).to.have.length(0);
      expect($$(el, '[part~="need"]')).to.have.length(5);
    });

    it('says none when the needs it shows (one category) have none, though others have', async () => {
      const el = await mount(suggesting('category="material"'), (e) => $(e, '[part~="services-status"]')?.textContent?.trim().startsWith('Aucun'));
      expect(services(el)).to.have.length(0);
      const human = await mount(suggesting('category="human"'), loaded);
      expect($(human, '[part~="services-status"]')!.textContent!.trim()).to.equal('');
    });

    it('a failure keeps the needs, says it, and a retry by the keyboard brings the services', async () => {
      worker.use(http.get('*/v1/service-suggestions', () => problem('internal', 500), { once: true }));
      const el = await mount(suggesting(), (e) => $(e, '[part~="services-status"]')?.textContent?.trim().startsWith('Les autres'));
      expect($(el, '[part~="services-status"]')!.textContent!.trim()).to.equal('Les autres organismes qui peuvent aider n’ont pas pu être chargés.');
      expect(textOf(el)).to.contain('12 h sur 40 h');
      expect($$(el, '[part~="help"]').length).to.be.greaterThan(0);
      await expectAccessible(el);
      const retry = $<HTMLButtonElement>(el, '[part~="services-status"] + [part~="retry"]')!;
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => loaded(el));
      expect($(el, '[part~="retry"]')).to.equal(null);
    });

    it('keeps the services told apart in forced colours', async () => {
      await emulateMedia({ forcedColors: 'active' });
      try {
        const el = await mount(suggesting(), loaded);
        const box = getComputedStyle(services(el)[0]!);
        expect(box.borderInlineStartStyle).to.equal('solid');
        expect(box.borderInlineStartWidth).to.equal('3px');
        // The system's link colour, not the theme's accent.
        const link = services(el)[0]!.querySelector('a')!;
        expect(getComputedStyle(link).color).to.not.equal(getComputedStyle(services(el)[0]!).color);
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    });
  });
});
