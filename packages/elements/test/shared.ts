import { expect } from '@open-wc/testing';
import { $, $$, expectAccessible, mount, startMocks, textOf, useScenario, waitFor, worker } from './helpers.ts';

export interface SharedCase {
  /** The element's markup, with a light-DOM fallback link inside; `lang` goes on the element when given. */
  markup: (attrs?: string) => string;
  /** Text shown by the default scenario, in French and in English. */
  fr: RegExp;
  en: RegExp;
  /** Text shown by the empty scenario (French). */
  empty: RegExp;
  /** Text shown by the not-found scenario (French); omitted for elements without an id. */
  notFound?: RegExp;
}

/** What every element must do: states, languages, the client's origin, the fallback. */
export function sharedSuite(tag: string, c: SharedCase) {
  describe(`${tag}: shared behaviour`, () => {
    before(startMocks);
    afterEach(() => useScenario('default'));

    it('renders in French by default, accessibly', async () => {
      const el = await mount(c.markup());
      expect(textOf(el)).to.match(c.fr);
      await expectAccessible(el);
    });

    it('follows its own lang attribute, and a change of it', async () => {
      const el = await mount(c.markup('lang="en"'));
      expect(textOf(el)).to.match(c.en);
      await expectAccessible(el);
      el.setAttribute('lang', 'fr-CA');
      await waitFor(() => c.fr.test(textOf(el)));
    });

    it('follows the host page into dark mode, still readable', async () => {
      document.documentElement.style.colorScheme = 'dark';
      try {
        const el = await mount(c.markup());
        expect(getComputedStyle(el).color).to.equal('rgb(236, 239, 241)');
        await expectAccessible(el);
      } finally {
        document.documentElement.style.colorScheme = '';
      }
    });

    it("follows the closest ancestor's lang", async () => {
      const el = await mount(`<section lang="en-CA">${c.markup()}</section>`);
      expect(textOf(el)).to.match(c.en);
    });

    it('reserves its space while loading, and says so', async () => {
      useScenario('slow');
      const el = await mount(c.markup(), (e) => $(e, '[part~="loading"], [aria-busy="true"]'));
      const loading = $(el, '[part~="loading"], [aria-busy="true"]')!;
      expect(textOf(el)).to.match(/Chargement…/);
      expect(loading.getBoundingClientRect().height).to.be.greaterThan(100);
      await expectAccessible(el);
    });

    it('shows an error with a retry that works', async () => {
      useScenario('error');
      const el = await mount(c.markup(), (e) => $(e, '[part~="error"]'));
      expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(textOf(el)).to.match(/Le contenu n’a pas pu être chargé|Le contenu n'a pas pu être chargé/);
      const fallback = $<HTMLSlotElement>(el, '[part~="error"] slot')!;
      expect(fallback.assignedElements()[0]?.textContent).to.match(/Voir sur Perron/);
      await expectAccessible(el);
      useScenario('default');
      $$<HTMLButtonElement>(el, '[part~="error"] button').at(-1)!.click();
      await waitFor(() => c.fr.test(textOf(el)));
    });

    it('says when there is nothing to show', async () => {
      useScenario('empty');
      const el = await mount(c.markup());
      expect(textOf(el)).to.match(c.empty);
      await expectAccessible(el);
    });

    if (c.notFound) {
      it('says when it does not exist, and keeps the fallback link', async () => {
        useScenario('notFound');
        const el = await mount(c.markup());
        expect(textOf(el)).to.match(c.notFound!);
        expect($<HTMLSlotElement>(el, '[part~="not-found"] slot')!.assignedElements()).to.have.length(1);
        await expectAccessible(el);
      });
    }

    it('reads from the node that served the script without a provider, from the provider’s node within one', async () => {
      const urls: string[] = [];
      const listen = ({ request }: { request: Request }) => void urls.push(request.url);
      worker.events.on('request:start', listen);
      try {
        await mount(c.markup());
        expect(urls.filter((u) => u.includes('/v1/')).every((u) => u.startsWith(`${location.origin}/v1/`))).to.equal(true);
        urls.length = 0;
        const el = await mount(`<perron-platform node="https://ailleurs.perron.example">${c.markup()}</perron-platform>`);
        expect(textOf(el)).to.match(c.fr);
        const api = urls.filter((u) => u.includes('/v1/'));
        expect(api.length).to.be.greaterThan(0);
        expect(api.every((u) => u.startsWith('https://ailleurs.perron.example/v1/'))).to.equal(true);
      } finally {
        worker.events.removeListener('request:start', listen);
      }
    });
  });
}
