import { html } from 'lit';
import type { PerronElement } from '../internal/perron-element.ts';
import type { LazyDialog } from './contribute.ts';
import { dialogStyles } from './dialog.styles.ts';

/**
 * A card's modal dialog: its title, a visible close button, what it holds, and the project's own
 * page. Fetched with what it holds on the first click, so that the card itself stays small.
 */
export function renderDialog(host: PerronElement, d: LazyDialog, page: string) {
  const { t, language } = host;
  const id = d.key;
  // Its styles come with it: the card's own sheets do not carry them (constructable sheets, allowed by a strict CSP).
  const root = host.renderRoot as ShadowRoot;
  if (!root.adoptedStyleSheets.includes(dialogStyles.styleSheet!)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, dialogStyles.styleSheet!];
  const close = (e: Event) => (e.currentTarget as HTMLElement).closest('dialog')!.close();
  return html`<dialog id=${id} part="dialog" class="dialog" aria-labelledby="${id}-title" lang=${language}>
    <div class="dialog-head">
      <p id="${id}-title" class="dialog-title" role="heading" aria-level="2" tabindex="-1">${d.title}</p>
      <button type="button" part="button close" class="button secondary" @click=${close}>${t.close}</button>
    </div>
    ${d.content()}
    <p class="dialog-page"><a href=${page}>${t.project.page}</a></p>
  </dialog>`;
}
