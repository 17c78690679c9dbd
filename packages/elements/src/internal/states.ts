import type { Task } from '@lit/task';
import { isPerronError } from '@perron/sdk';
import { html, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/locale.ts';
import type { PerronElement } from './perron-element.ts';

export const isNotFound = (e: unknown) => isPerronError(e) && e.code === 'not_found';

/**
 * The states of a task, rendered the same way by every element: the light-DOM fallback before
 * anything is asked, a skeleton that reserves the final space while loading, "not found", and an
 * error with a retry. The fallback slot stays offered whenever there is nothing better to show.
 */
export function renderTask<A extends readonly unknown[], T>(
  host: PerronElement,
  task: Task<A, T>,
  options: { notFound: keyof Messages['notFound']; skeleton: () => TemplateResult; complete: (value: T) => unknown },
) {
  const t = host.t;
  if (host.nodeMissing) return renderNoNode(host);
  return task.render({
    initial: () => html`<slot></slot>`,
    pending: () =>
      host.refreshing && task.value !== undefined
        ? options.complete(task.value)
        : html`<div class="loading" part="loading" aria-busy="true">
            <span class="sr-only" role="status">${t.loading}</span>${options.skeleton()}
          </div>`,
    complete: options.complete,
    error: (e) =>
      isNotFound(e)
        ? html`<div class="state" part="not-found"><p>${t.notFound[options.notFound]}</p><slot></slot></div>`
        : html`<div class="state" part="error" role="alert">
            <p>${t.loadError}</p>
            <button type="button" class="button" part="button retry" @click=${() => task.run()}>${t.retry}</button>
            <slot></slot>
          </div>`,
  });
}

let warned = false;

/** No node to read from: said on the element (with its fallback link) and once in the console. */
export function renderNoNode(host: PerronElement) {
  if (!warned) {
    warned = true;
    console.warn(
      `<${host.localName}>: no Perron node to read from. Give it a node attribute (node="https://your-node.example"), or put it inside a <perron-platform node="…">.`,
    );
  }
  return html`<div class="state" part="error" role="alert"><p>${host.t.noNode}</p><slot></slot></div>`;
}
