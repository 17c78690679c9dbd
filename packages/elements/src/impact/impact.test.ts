import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { impact } from '../../mocks/fixtures.ts';
import { $, $$, expectAccessible, mount, startMocks, textOf, useScenario, waitFor, worker } from '../../test/helpers.ts';
import { sharedSuite } from '../../test/shared.ts';
import '../define/perron-impact.ts';

const markup = (attrs = 'partner="caisse-coeur-de-l-ile"') => `<perron-impact ${attrs}><a href="https://perron.example/">Voir sur Perron</a></perron-impact>`;

sharedSuite('perron-impact', {
  markup: (attrs = '') => markup(`partner="caisse-coeur-de-l-ile" ${attrs}`),
  fr: /Période.*Bénévoles\s*48.*Heures de bénévolat\s*1\s234.*Dons de matériel\s*17 \(260 articles\).*Argent promis\s*12\s540\s\$.*Projets terminés\s*3.*Contributions par mois/,
  en: /Period.*Volunteers\s*48.*Volunteer hours\s*1,234.*Material donations\s*17 \(260 items\).*Money pledged\s*\$12,540.*Projects completed\s*3.*Contributions by month/,
  empty: /Aucune contribution pendant cette période/,
  notFound: /Cet organisme est introuvable/,
});

/** The figures as a screen reader gets them: each term with its value. */
const figures = (el: Element) => $$(el, '.figures > div').map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('.value')!.textContent!.trim()]);

describe('perron-impact', () => {
  before(startMocks);
  afterEach(() => useScenario('default'));

  it('shows the figures with Intl (fr-CA), the period, and a bar per month scaled to the highest', async () => {
    const el = await mount(markup());
    expect(figures(el)).to.deep.equal([
      ['Bénévoles', '48'],
      ['Heures de bénévolat', '1\u00A0234'],
      ['Dons de matériel', '17'],
      ['Argent promis', '12\u00A0540\u00A0$'],
      ['Projets terminés', '3'],
    ]);
    expect($(el, '[part~="period"]')!.textContent).to.match(/^Période\u202F: 1er\u00A0décembre 2025/);
    const columns = $$(el, '.column');
    expect(columns).to.have.length(12);
    // A month without contributions has no bar at all (not a sliver that reads as a few).
    expect($$(el, '[part~="bar"]')).to.have.length(impact.months.filter((m) => m.pledges).length);
    const heights = columns.map((c) => c.querySelector('[part~="bar"]')?.getBoundingClientRect().height ?? 0);
    const column = columns[0]!.clientHeight;
    // October's 14 is the highest: its bar fills the column; December's 4 is 4/14 of it; January has none.
    expect(heights[10]).to.be.closeTo(column, 1);
    expect(heights[0]).to.be.closeTo((column * 4) / 14, 1);
    expect(heights[1]).to.equal(0);
    expect($(el, 'figcaption')!.textContent).to.contain('Le plus haut\u202F: 14');
  });

  it('gives screen readers the chart as a table, the bars hidden from them', async () => {
    const el = await mount(markup('partner="caisse-coeur-de-l-ile" lang="en"'));
    expect($(el, '.bars')!.getAttribute('aria-hidden')).to.equal('true');
    const table = $<HTMLTableElement>(el, 'figure table')!;
    expect(table.caption!.textContent).to.equal('Contributions by month');
    const rows = [...table.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
    expect(rows).to.have.length(impact.months.length);
    expect(rows[0]).to.deep.equal(['December 2025', '4', '10', '$0']);
    expect(rows[10]).to.deep.equal(['October 2026', '14', '400', '$4,000']);
    expect(table.querySelectorAll('th[scope="row"]')).to.have.length(12);
    await expectAccessible(el);
  });

  it('asks the node for its scope and period: a partner, or a community with dates', async () => {
    const urls: string[] = [];
    const listen = ({ request }: { request: Request }) => void urls.push(request.url);
    worker.events.on('request:start', listen);
    try {
      await mount(markup('community="montreal" from="2026-01-01" to="2026-06-30"'));
      await mount(markup('partner="caisse-coeur-de-l-ile" from="hier"'));
    } finally {
      worker.events.removeListener('request:start', listen);
    }
    const asked = urls.filter((u) => u.includes('/v1/impact')).map((u) => new URL(u).search);
    expect(asked).to.deep.equal(['?community=montreal&from=2026-01-01&to=2026-06-30', '?partner=caisse-coeur-de-l-ile']);
  });

  it('says when a community is not found', async () => {
    const el = await mount(markup('community="nulle-part"'), (e) => $(e, '[part~="not-found"]'));
    expect(textOf(el)).to.match(/Cette communauté est introuvable/);
  });

  it('at 320 px: figures stack, months by their initial, no sideways scroll', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await mount(markup());
      await waitFor(() => $(el, '.figures'));
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const labels = $$(el, '.label');
      expect(labels.every((l) => l.scrollWidth <= l.parentElement!.getBoundingClientRect().width + 1)).to.equal(true);
      expect(getComputedStyle($(el, '.narrow')!).display).to.equal('inline');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
