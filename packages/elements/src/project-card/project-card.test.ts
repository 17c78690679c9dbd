import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { jardin, needs } from '../../mocks/fixtures.ts';
import { $, $$, expectAccessible, mount, startMocks, textOf, waitFor, worker } from '../../test/helpers.ts';
import { perronEvent } from '../events.ts';
import { sharedSuite } from '../../test/shared.ts';

const card = (attrs = '') =>
  `<perron-project-card project="p-jardin" ${attrs}><a href="https://perron.example/projets/p-jardin">Voir sur Perron</a></perron-project-card>`;

sharedSuite('perron-project-card', {
  markup: card,
  fr: /Jardin collectif Sainte-Marie.*Par Les Jardins du Faubourg/,
  en: /Sainte-Marie community garden.*By Les Jardins du Faubourg/,
  empty: /Jardin collectif Sainte-Marie/,
  notFound: /Ce projet est introuvable/,
});

describe('perron-project-card', () => {
  before(startMocks);

  it('shows the project: status, community, dates, needs progress in money, partners, a link to contribute', async () => {
    const el = await mount(card());
    const text = textOf(el);
    expect(text).to.contain('Ouvert aux contributions');
    expect(text).to.contain('Hochelaga-Maisonneuve');
    expect(text).to.match(/1\u00a0?er? avril|1 avril/);
    expect(text).to.contain('875 $ promis sur 2 500 $');
    expect(text).to.contain('0 sur 2 besoins comblés · 35 %');
    expect(text).to.contain('Caisse Desjardins du Cœur-de-l’Île (bailleur de fonds)');
    const heading = $(el, '[role="heading"]')!;
    expect(heading.getAttribute('aria-level')).to.equal('3');
    const link = $<HTMLAnchorElement>(el, 'a[part~="contribute"]')!;
    expect(link.href).to.equal('https://perron.example/projets/p-jardin');
    expect(link.getAttribute('aria-label')).to.equal('Contribuer à Jardin collectif Sainte-Marie');
    expect($<HTMLImageElement>(el, 'img')!.alt).to.equal('Des bacs de légumes dans une ruelle');
  });

  it('formats money the English Canadian way', async () => {
    const el = await mount(card('lang="en"'));
    expect(textOf(el)).to.contain('$875 pledged of $2,500');
    expect(textOf(el)).to.contain('1 of 2 needs met · 63%');
  });

  it('shows its light-DOM link until it has a project to show', async () => {
    const el = await mount(`<perron-project-card><a href="https://perron.example/">Voir sur Perron</a></perron-project-card>`, () => true);
    expect($<HTMLSlotElement>(el, 'slot')!.assignedElements()).to.have.length(1);
    await expectAccessible(el);
  });

  it('follows the page’s heading level', async () => {
    const el = await mount(card('heading-level="2"'));
    expect($$(el, '[role="heading"]')[0]!.getAttribute('aria-level')).to.equal('2');
  });

  it('shows a pledge made elsewhere on the page, without going back to its loading state', async () => {
    const el = await mount(card());
    expect(textOf(el)).to.contain('875 $ promis sur 2 500 $');
    const financial = { ...jardin.progress.financial, pledgedCents: 100_000 };
    worker.use(http.get('*/v1/projects/p-jardin', () => HttpResponse.json({ ...jardin, progress: { ...jardin.progress, financial } }), { once: true }));
    const pledge = { id: 'pl-1', needId: needs[2]!.id, projectId: 'p-jardin', category: 'financial', quantity: 12_500, status: 'pending', createdAt: new Date().toISOString(), collection: null };
    document.body.dispatchEvent(perronEvent('perron-pledge', { pledge, need: needs[2] }));
    await el.updateComplete;
    expect($(el, '[part~="loading"]')).to.equal(null);
    await waitFor(() => textOf(el).includes('1 000 $ promis sur 2 500 $'));
  });
});
