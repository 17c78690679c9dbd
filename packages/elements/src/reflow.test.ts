import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { contest } from '../mocks/fixtures.ts';
import { $, $$, mount, startMocks, waitFor } from '../test/helpers.ts';

/**
 * WCAG 1.4.10 Reflow: at 320 CSS px (a 1280 px screen at 400 %) every element, in French and in
 * English and in its opened states, fits without a horizontal scroll and without cut text.
 */
const CASES: { name: string; markup: string; open?: (el: HTMLElement) => Promise<void> }[] = [
  { name: 'project card', markup: '<perron-project-card project="p-jardin"></perron-project-card>' },
  { name: 'project list', markup: '<perron-project-list community="hochelaga-maisonneuve"></perron-project-list>' },
  {
    name: 'needs list, its form open',
    markup: '<perron-needs-list project="p-jardin"></perron-needs-list>',
    open: async (el) => {
      $<HTMLButtonElement>(el, 'button[aria-expanded]')!.click();
      await waitFor(() => $(el, 'perron-pledge-form')?.shadowRoot?.querySelector('form'));
    },
  },
  {
    name: 'needs list, other organizations suggested',
    markup: '<perron-needs-list project="p-jardin" suggest-services></perron-needs-list>',
    open: async (el) => void (await waitFor(() => $(el, '[part~="services"]'))),
  },
  {
    name: 'project card, its dialog open on a pledge form',
    markup: '<perron-project-card project="p-jardin"></perron-project-card>',
    open: async (el) => {
      $<HTMLButtonElement>(el, 'button[part~="contribute"]')!.click();
      const needs = (await waitFor(() => $(el, 'dialog[open] perron-needs-list')?.shadowRoot?.querySelector('button[aria-expanded]') && $(el, 'perron-needs-list')))!;
      needs.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
      await waitFor(() => needs.shadowRoot!.querySelector('perron-pledge-form')?.shadowRoot?.querySelector('form'));
    },
  },
  { name: 'pledge form', markup: '<perron-pledge-form project="p-jardin"></perron-pledge-form>' },
  // Long need titles: a select is as wide as its longest option.
  { name: 'pledge form, long titles', markup: '<perron-pledge-form project="p-long"></perron-pledge-form>' },
  { name: 'project card, long titles', markup: '<perron-project-card project="p-long"></perron-project-card>' },
  { name: 'calendar, month', markup: '<perron-event-calendar community="hochelaga-maisonneuve"></perron-event-calendar>' },
  {
    name: 'calendar, list with details and registration open',
    markup: '<perron-event-calendar community="hochelaga-maisonneuve" view="list"></perron-event-calendar>',
    open: async (el) => {
      for (const b of $$<HTMLButtonElement>(el, 'button[aria-controls^="details-"]')) b.click();
      await waitFor(() => $(el, 'button[aria-controls$="-form"]'));
      $<HTMLButtonElement>(el, 'button[aria-controls$="-form"]')!.click();
      await waitFor(() => $(el, 'form.rsvp:not([hidden])'));
    },
  },
  { name: 'idea vote', markup: '<perron-idea-vote idea="i-ruelle"></perron-idea-vote>' },
  { name: 'idea contest', markup: `<perron-idea-vote contest="${contest.id}"></perron-idea-vote>` },
  { name: 'ideas of a community', markup: '<perron-idea-vote community="hochelaga-maisonneuve"></perron-idea-vote>' },
  { name: 'impact', markup: '<perron-impact partner="caisse-coeur-de-l-ile"></perron-impact>' },
  { name: 'idea form', markup: '<perron-idea-form community="hochelaga-maisonneuve"></perron-idea-form>' },
  {
    name: 'idea form, its errors shown',
    markup: '<perron-idea-form community="hochelaga-maisonneuve"></perron-idea-form>',
    open: async (el) => {
      $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
      await waitFor(() => $(el, '[role="alert"]'));
    },
  },
];

/** Every box of a shadow tree, nested elements' trees included. */
function boxes(root: ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? boxes(e.shadowRoot) : [])]);
}

describe('reflow at 320 CSS px', () => {
  before(async () => {
    await startMocks();
    await setViewport({ width: 320, height: 800 });
  });
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['fr', 'en']) {
    for (const c of CASES) {
      it(`${c.name} (${lang})`, async () => {
        // In a host's grid column, which grows to its content's min-content width: the harder case.
        const el = await mount(`<div style="display: grid; grid-template-columns: 1fr">${c.markup.replace('><', ` lang="${lang}"><`)}</div>`);
        await c.open?.(el);
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        await new Promise((r) => requestAnimationFrame(r));
        expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(320);
        const all = boxes(el.shadowRoot!);
        expect(all.length).to.be.greaterThan(3);
        // What a visually hidden box holds (a chart's table for screen readers) is clipped to it: not seen, not scrolled to.
        const outside = all.filter((b) => b.getBoundingClientRect().right > 320.5 && !b.closest('.sr-only')).map((b) => `${b.localName}.${b.className}`);
        expect(outside, 'boxes past the right edge').to.deep.equal([]);
        // Text cut: a block whose content is wider than itself (form controls scroll their own text).
        const cut = all
          .filter((b) => b instanceof HTMLElement && !/^(input|select|textarea|svg)$/.test(b.localName) && !b.closest('.sr-only') && b.clientWidth > 0 && b.scrollWidth > b.clientWidth + 1)
          .map((b) => `${b.localName}.${b.className} ${b.scrollWidth}>${b.clientWidth}`);
        expect(cut, 'content wider than its box').to.deep.equal([]);
      });
    }
  }
});
