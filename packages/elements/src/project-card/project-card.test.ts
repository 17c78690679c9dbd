import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { jardin, needs } from '../../mocks/fixtures.ts';
import { sendKeys } from '@web/test-runner-commands';
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

  it('keeps the room its page gives it while loading (--perron-loading-height), and only then', async () => {
    let answer = () => {};
    const asked = new Promise<void>((seen) =>
      worker.use(
        http.get('*/v1/projects/:id', () => (seen(), new Promise<void>((r) => (answer = r)).then(() => HttpResponse.json(jardin))), { once: true }),
      ),
    );
    const el = await mount('<perron-project-card project="p-jardin" style="--perron-loading-height: 300px"></perron-project-card>', (e) => $(e, '[part~="loading"]'));
    expect($(el, '[part~="loading"]')!.getBoundingClientRect().height).to.equal(300);
    await asked;
    answer();
    await waitFor(() => !$(el, '[part~="loading"]'));
    expect(el.getBoundingClientRect().height).not.to.equal(300);
  });

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
    const contribute = $<HTMLButtonElement>(el, 'button[part~="contribute"]')!;
    expect(contribute.getAttribute('aria-label')).to.equal('Contribuer à Jardin collectif Sainte-Marie');
    expect(contribute.getAttribute('aria-haspopup')).to.equal('dialog');
    expect($<HTMLImageElement>(el, 'img')!.alt).to.equal('Des bacs de légumes dans une ruelle');
  });

  it('formats money the English Canadian way', async () => {
    const el = await mount(card('lang="en"'));
    expect(textOf(el)).to.contain('$875 pledged of $2,500');
    expect(textOf(el)).to.contain('1 of 2 needs met · 63%');
  });

  it('names an organization in English on an English page when it has an English name, else in French', async () => {
    const partners = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="partners"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    const en = await mount('<perron-project-card project="p-long" lang="en"></perron-project-card>');
    expect(partners(en)).to.deep.equal(['Caisse Desjardins du Cœur-de-l’Île (funder)', 'Hochelaga-Maisonneuve Neighbourhood Table (partner)']);
    const fr = await mount('<perron-project-card project="p-long"></perron-project-card>');
    expect(partners(fr)).to.deep.equal(['Caisse Desjardins du Cœur-de-l’Île (bailleur de fonds)', 'Table de quartier Hochelaga-Maisonneuve (partenaire)']);
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

describe('perron-project-card: Contribuer opens the needs and pledge forms in a dialog', () => {
  before(startMocks);

  /** What has focus, through the shadow roots. */
  const focused = () => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  const opened = async (markup = card()) => {
    const el = await mount(markup);
    const button = $<HTMLButtonElement>(el, 'button[part~="contribute"]')!;
    button.focus();
    button.click();
    const dialog = (await waitFor(() => $<HTMLDialogElement>(el, 'dialog[open]')))!;
    const needs = (await waitFor(() => dialog.querySelector('perron-needs-list')?.shadowRoot?.querySelector('[part~="need"]') && dialog.querySelector('perron-needs-list')))!;
    return { el, button, dialog, needs };
  };

  it('is a modal dialog named after the project, focus inside, with the needs and a visible close button', async () => {
    const { el, dialog, needs } = await opened();
    expect(dialog.matches(':modal')).to.equal(true);
    expect(shadowLabel(el, dialog)).to.equal('Contribuer à Jardin collectif Sainte-Marie');
    expect(dialog.contains(focused()) || el.shadowRoot!.activeElement === dialog.querySelector('.dialog-title')).to.equal(true);
    expect(needs.shadowRoot!.querySelectorAll('[part~="need"]').length).to.equal(5);
    const close = dialog.querySelector<HTMLButtonElement>('[part~="close"]')!;
    expect(close.textContent!.trim()).to.equal('Fermer');
    expect(close.getBoundingClientRect().width).to.be.greaterThan(0);
    // The project's own page, for a shared link, saying where the person came from.
    const page = new URL(dialog.querySelector<HTMLAnchorElement>('.dialog-page a')!.href);
    expect(page.pathname).to.equal('/projets/p-jardin');
    expect(page.searchParams.get('lang')).to.equal('fr');
    expect(page.searchParams.get('from')).to.equal(location.origin + location.pathname);
    await expectAccessible(el);
  });

  it('closes with Escape, and focus returns to the button', async () => {
    const { el, button, dialog } = await opened();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open);
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('closes with its button, and focus returns to the button; opened again, it keeps what was typed', async () => {
    const { el, button, dialog, needs } = await opened();
    $<HTMLButtonElement>(needs, 'button[aria-expanded]')!.click();
    const form = (await waitFor(() => needs.shadowRoot!.querySelector('perron-pledge-form')?.shadowRoot?.querySelector('form')))!;
    form.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Léa';
    dialog.querySelector<HTMLButtonElement>('[part~="close"]')!.click();
    await waitFor(() => !dialog.open);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    button.click();
    await waitFor(() => dialog.open);
    expect(needs.shadowRoot!.querySelector('perron-pledge-form')!.shadowRoot!.querySelector<HTMLInputElement>('input[name="name"]')!.value).to.equal('Léa');
    dialog.close();
  });

  it('wears the host page’s theme inside, down to the pledge form’s button', async () => {
    const { dialog, needs } = await opened(card('style="--perron-accent: rgb(0, 100, 0); --perron-surface: rgb(250, 245, 230)"'));
    $<HTMLButtonElement>(needs, 'button[aria-expanded]')!.click();
    const submit = (await waitFor(() => needs.shadowRoot!.querySelector('perron-pledge-form')?.shadowRoot?.querySelector<HTMLElement>('[part~="submit"]')))!;
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(0, 100, 0)');
    expect(getComputedStyle(dialog).backgroundColor).to.equal('rgb(250, 245, 230)');
    dialog.close();
  });

  it('speaks English on an English page', async () => {
    const { el, dialog } = await opened(card('lang="en"'));
    expect(shadowLabel(el, dialog)).to.equal('Contribute to Sainte-Marie community garden');
    expect(dialog.querySelector('[part~="close"]')!.textContent!.trim()).to.equal('Close');
    expect(new URL(dialog.querySelector<HTMLAnchorElement>('.dialog-page a')!.href).searchParams.get('lang')).to.equal('en');
    dialog.close();
  });
});

/** The dialog's accessible name, from its aria-labelledby in the same shadow root. */
function shadowLabel(el: Element, dialog: HTMLDialogElement) {
  return el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent!.trim();
}

describe('perron-project-card: supporters and "J’appuie ce projet"', () => {
  before(startMocks);
  const serre = (attrs = '') => `<perron-project-card project="p-serre" ${attrs}><a href="https://perron.example/projets/p-serre">Voir sur Perron</a></perron-project-card>`;

  it('says how many support it against the threshold that opens the money, in French and English', async () => {
    const fr = await mount(serre());
    expect($(fr, '[part~="supporters"]')!.textContent).to.equal('12 appuis sur 25 — le financement s’ouvre à 25');
    const en = await mount(serre('lang="en"'));
    expect($(en, '[part~="supporters"]')!.textContent).to.equal('12 supporters of 25 — crowdfunding opens at 25');
    const open = await mount(`<perron-project-card project="p-serre-ouverte"></perron-project-card>`);
    expect($(open, '[part~="supporters"]')!.textContent).to.equal('26 appuis — le financement est ouvert');
    await expectAccessible(fr);
  });

  it('opens the support form in a modal dialog, loaded on the first click; Escape gives focus back to the button', async () => {
    const el = await mount(serre());
    const button = $<HTMLButtonElement>(el, 'button[part~="support"]')!;
    expect(button.textContent!.trim()).to.equal('J’appuie ce projet');
    expect(button.getAttribute('aria-label')).to.equal('J’appuie ce projet — Serre pédagogique de l’école');
    expect($(el, 'perron-support-form'), 'not made before the click').to.equal(null);
    button.focus();
    button.click();
    const dialog = (await waitFor(() => $<HTMLDialogElement>(el, 'dialog[open]')))!;
    expect(dialog.matches(':modal')).to.equal(true);
    const form = (await waitFor(() => dialog.querySelector('perron-support-form')?.shadowRoot?.querySelector('input[name="email"]') && dialog.querySelector('perron-support-form')))!;
    expect(form.getAttribute('project')).to.equal('p-serre');
    await expectAccessible(el);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open);
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('wears the host page’s theme inside, down to the support form’s button', async () => {
    const el = await mount(serre('style="--perron-accent: rgb(0, 100, 0)"'));
    $<HTMLButtonElement>(el, 'button[part~="support"]')!.click();
    const submit = (await waitFor(() => $(el, 'dialog[open] perron-support-form')?.shadowRoot?.querySelector<HTMLElement>('[part~="submit"]')))!;
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(0, 100, 0)');
    $<HTMLDialogElement>(el, 'dialog[open]')!.close();
  });

  it('in the Contribuer dialog, the money need says it waits for supporters and offers no form', async () => {
    const el = await mount(serre());
    $<HTMLButtonElement>(el, 'button[part~="contribute"]')!.click();
    const list = (await waitFor(() => {
      const l = $(el, 'dialog[open] perron-needs-list');
      return l?.shadowRoot?.querySelector('[part~="need"]') && l;
    }))!;
    const waiting = list.shadowRoot!.querySelectorAll('[part~="waiting"]');
    expect(waiting.length).to.equal(1);
    expect(waiting[0]!.textContent).to.equal('Les dons s’ouvrent quand 25 personnes appuient le projet (12 pour l’instant).');
    const moneyNeed = waiting[0]!.closest('[part~="need"]')!;
    expect(moneyNeed.querySelector('[part~="help"]')).to.equal(null);
    expect(list.shadowRoot!.querySelectorAll('[part~="help"]').length).to.be.greaterThan(0, 'the other needs still take pledges');
    await expectAccessible(el);
    $<HTMLDialogElement>(el, 'dialog[open]')!.close();
  });
});
