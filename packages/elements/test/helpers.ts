import { ContextProvider } from '@lit/context';
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker } from 'msw/browser';
import { handlers, type Scenario } from '../mocks/handlers.ts';
import { coreContext, coreFor, type PerronClient } from '../src/context.ts';
import type { PerronElement } from '../src/internal/perron-element.ts';
import '../src/define/all.ts';

/**
 * The test page is a host page whose node is the test server (where msw answers): a provider on
 * its body, as an app can set one. Elements outside the body have no node (see the shared suite).
 */
export const pageNode = new ContextProvider(document.body, { context: coreContext, initialValue: coreFor(location.origin) });

/** The mocked node, started once per test page. */
export const worker = setupWorker(...handlers('default'));
let started: Promise<unknown> | undefined;
export const startMocks = () =>
  (started ??= worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'error' }));

export function useScenario(scenario: Scenario) {
  worker.resetHandlers(...handlers(scenario));
}

/** Resolves once `check` passes, polling; fails with its last error after `timeout` ms. */
export async function waitFor<T>(check: () => T, timeout = 4000): Promise<T> {
  const start = performance.now();
  for (;;) {
    try {
      const result = check();
      if (result === false || result === undefined || result === null) throw new Error('not yet');
      return result;
    } catch (e) {
      if (performance.now() - start > timeout) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export const shadow = (el: Element) => el.shadowRoot!;
/** Visible text of an element's shadow root, spaces collapsed. */
export const textOf = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ').trim();
export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<E>(selector)];

/**
 * Mounts markup and waits until its Perron element has left its loading state. With `client`, the
 * markup goes inside a `<perron-platform>` that provides it.
 */
export async function mount<E extends PerronElement>(
  markup: string,
  settledWhen: (el: E) => unknown = (el) => !$(el, '[part~="loading"], [aria-busy="true"]'),
  client?: PerronClient,
): Promise<E> {
  const wrapper = await fixture<HTMLElement>(client ? '<div></div>' : `<div>${markup}</div>`);
  if (client) {
    const platform = document.createElement('perron-platform');
    platform.client = client;
    platform.innerHTML = markup;
    wrapper.append(platform);
  }
  const el = [...wrapper.querySelectorAll<E>('*')].find((e) => e.localName.startsWith('perron-') && e.localName !== 'perron-platform')!;
  await waitFor(() => el.hasUpdated);
  await waitFor(() => settledWhen(el));
  await el.updateComplete;
  return el;
}

/** axe-core on the element, its shadow DOM included: zero violations. */
export async function expectAccessible(el: Element) {
  await expect(el).to.be.accessible();
}

/** The text of what a control's `aria-describedby` names (its hint, its error), as a screen reader reads it. */
export const describedBy = (el: Element, control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => $(el, `#${id}`)!.textContent!.trim())
    .join(' ');

/** Tab until `selector` (in the element's shadow root) has the focus. */
export async function tabTo(el: Element, selector: string) {
  for (let i = 0; i < 25 && el.shadowRoot!.activeElement !== $(el, selector); i++) await sendKeys({ press: 'Tab' });
  expect(el.shadowRoot!.activeElement).to.equal($(el, selector));
}
