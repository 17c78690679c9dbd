import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, expectAccessible, mount, startMocks, textOf, waitFor } from '../../test/helpers.ts';
import { sharedSuite } from '../../test/shared.ts';

const list = (attrs = '') =>
  `<perron-project-list ${attrs}><a href="https://perron.example/projets">Voir sur Perron</a></perron-project-list>`;

sharedSuite('perron-project-list', {
  markup: (attrs = '') => list(`community="hochelaga-maisonneuve" ${attrs}`),
  fr: /Thème.*Tous les thèmes.*Jardin collectif Sainte-Marie/,
  en: /Theme.*All themes.*Sainte-Marie community garden/,
  empty: /Aucun projet ne correspond pour le moment/,
});

const titles = (el: Element) => $$(el, '.grid .title').map((t) => t.textContent!.trim());

describe('perron-project-list', () => {
  before(startMocks);

  it('pages with "more", announces the count and moves the focus to the first new project', async () => {
    const el = await mount(list('limit="6"'));
    expect(titles(el)).to.have.length(6);
    $<HTMLButtonElement>(el, '[part~="more"]')!.click();
    await waitFor(() => titles(el).length === 8);
    expect($(el, '[role="status"]')!.textContent).to.equal('8 projets affichés');
    expect($(el, '[part~="more"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($$(el, '.grid .title')[6]);
    await expectAccessible(el);
  });

  it('filters by theme with the keyboard, and reflects the filter', async () => {
    const el = await mount(list());
    const select = $<HTMLSelectElement>(el, '#theme')!;
    select.focus();
    select.value = 'culture';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => titles(el).length === 1);
    expect(titles(el)[0]).to.contain('Murale de la ruelle Préfontaine');
    expect(el.getAttribute('theme')).to.equal('culture');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('needs');
  });

  it('with partner, lists only the projects that organization supports', async () => {
    const el = await mount(list('partner="caisse-coeur-de-l-ile" no-filters'));
    await waitFor(() => titles(el).length > 0);
    expect(titles(el)).to.deep.equal(['Jardin collectif Sainte-Marie', 'Projet 2 : Murale de la ruelle Préfontaine']);
    el.setAttribute('partner', 'nobody-here');
    await waitFor(() => $(el, '[part~="empty"]') !== null);
    await expectAccessible(el);
  });

  it('labels its list and keeps each project’s title a heading', async () => {
    const el = await mount(list('heading-level="2"'));
    expect($(el, '[part~="grid"]')!.getAttribute('aria-label')).to.equal('Projets');
    const headings = $$(el, '.grid [role="heading"]');
    expect(headings.length).to.be.greaterThan(0);
    expect(headings.every((h) => h.getAttribute('aria-level') === '2')).to.equal(true);
    expect(textOf(el)).to.contain('Villeray');
  });
});
