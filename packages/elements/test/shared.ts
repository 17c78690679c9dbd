import { expect } from '@open-wc/testing';
import type { PerronElement } from '../src/internal/perron-element.ts';
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
/** A request to a node's API: its JSON routes, or its directory's HSDS routes. */
const isApi = (url: string) => /\/(v1|hsds)\//.test(url);

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

    it('reads from the provider’s node, and from its own node attribute over it', async () => {
      const urls: string[] = [];
      const listen = ({ request }: { request: Request }) => void urls.push(request.url);
      worker.events.on('request:start', listen);
      try {
        const el = await mount(`<perron-platform node="https://ailleurs.perron.example">${c.markup()}</perron-platform>`);
        expect(textOf(el)).to.match(c.fr);
        const api = urls.filter(isApi);
        expect(api.length).to.be.greaterThan(0);
        expect(api.filter((u) => !u.startsWith('https://ailleurs.perron.example/'))).to.deep.equal([]);
        urls.length = 0;
        const own = await mount(`<perron-platform node="https://ailleurs.perron.example">${c.markup('node="https://sien.perron.example"')}</perron-platform>`);
        expect(textOf(own)).to.match(c.fr);
        const ownApi = urls.filter(isApi);
        expect(ownApi.length).to.be.greaterThan(0);
        expect(ownApi.filter((u) => !u.startsWith('https://sien.perron.example/'))).to.deep.equal([]);
      } finally {
        worker.events.removeListener('request:start', listen);
      }
    });

    it('with no node at all (bundled into an app, no provider) says so, asks nothing, and warns once', async () => {
      const urls: string[] = [];
      const listen = ({ request }: { request: Request }) => void urls.push(request.url);
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args);
      worker.events.on('request:start', listen);
      // Outside <body>: no provider reaches it, as on an app's page without <perron-platform>.
      const host = document.createElement('div');
      document.documentElement.append(host);
      try {
        host.innerHTML = c.markup() + c.markup();
        const [first, second] = [...host.children] as PerronElement[];
        await waitFor(() => $(first!, '[part~="error"]') && $(second!, '[part~="error"]'));
        expect(textOf(first!)).to.contain('nœud Perron');
        expect($(first!, '[role="alert"]')).to.not.equal(null);
        expect($$<HTMLSlotElement>(first!, '[part~="error"] slot')[0]!.assignedElements()).to.have.length(1);
        expect(urls.filter(isApi)).to.deep.equal([]);
        expect(warnings.filter((w) => String(w[0]).includes('no Perron node')).length).to.equal(1);
      } finally {
        host.remove();
        console.warn = warn;
        worker.events.removeListener('request:start', listen);
      }
    });
  });
}
