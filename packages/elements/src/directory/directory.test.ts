import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, expectAccessible, mount, startMocks, textOf, waitFor } from '../../test/helpers.ts';
import { sharedSuite } from '../../test/shared.ts';
import '../define/perron-directory.ts';

const directory = (attrs = '') => `<perron-directory ${attrs}><a href="https://perron.example/hsds/services">Voir sur Perron</a></perron-directory>`;

sharedSuite('perron-directory', {
  markup: directory,
  fr: /Besoin ou mot-clé.*Comptoir alimentaire.*Offert par Table de quartier.*Pour qui.{0,3}Familles du quartier.*mar\., jeu\. · 13:00–16:30/,
  en: /Need or keyword.*Food bank.*Offered by Table de quartier.*For whom.{0,3}Families of the neighbourhood.*Tue, Thu · 13:00–16:30/,
  empty: /Aucun service ne correspond pour le moment/,
});

const names = (el: Element) => $$(el, '.services .title').map((t) => t.textContent!.trim());

describe('perron-directory', () => {
  before(startMocks);

  it('searches by need with the keyboard: type, Enter; the search is reflected', async () => {
    const el = await mount(directory());
    expect(names(el)).to.deep.equal(['Comptoir alimentaire', 'Clinique d’impôts', 'Halte-garderie']);
    $<HTMLInputElement>(el, '#q')!.focus();
    await sendKeys({ type: 'impôts' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => names(el).length === 1);
    expect(names(el)).to.deep.equal(['Clinique d’impôts']);
    expect(el.getAttribute('q')).to.equal('impôts');
    await expectAccessible(el);
  });

  it('filters by the language a service is offered in', async () => {
    const el = await mount(directory('service-language="ar"'));
    expect(names(el)).to.deep.equal(['Clinique d’impôts']);
    expect($<HTMLSelectElement>(el, '#language')!.value).to.equal('ar');
    expect(textOf(el)).to.match(/Langues.{0,3}français, arabe/);
  });

  it('pages with "more", announces the count and moves the focus to the first new service', async () => {
    const el = await mount(directory('limit="2"'));
    expect(names(el)).to.have.length(2);
    $<HTMLButtonElement>(el, '[part~="more"]')!.click();
    await waitFor(() => names(el).length === 3);
    expect($(el, '[role="status"]')!.textContent).to.equal('3 services affichés');
    expect($(el, '[part~="more"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($$(el, '.services .title')[2]);
    await expectAccessible(el);
  });

  it('shows a closed service as such, its cost, and contact links that work', async () => {
    const el = await mount(directory('heading-level="2"'));
    const closed = $$(el, '[part~="service"]')[2]!;
    expect(closed.querySelector('[part~="status"]')!.textContent).to.equal('Fermé temporairement');
    expect(closed.textContent).to.contain('5 $ la demi-journée');
    expect(closed.querySelector('a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:5145550100');
    expect(closed.querySelector('a[href="https://services.example/3"]')).to.not.equal(null);
    expect($$(el, '[role="heading"]').every((h) => h.getAttribute('aria-level') === '2')).to.equal(true);
    expect($$(el, '[part~="service"]')[0]!.textContent).to.contain('Gratuit');
  });
});
