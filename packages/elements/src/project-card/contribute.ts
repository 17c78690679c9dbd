import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PerronElement } from '../internal/perron-element.ts';
import { addFrench } from '../i18n/locale.ts';
import frProject from '../i18n/fr-CA/project.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frProject);

/** The projects whose dialog was opened once, per element: their needs list is made then, and kept with what was typed. */
const opened = new WeakMap<PerronElement, Set<string>>();

/**
 * The project's page on its node, in the element's language, saying which page the person came
 * from (without its query or fragment) so that the node's page can lead them back.
 */
export function projectPageHref(href: string, lang: string): string {
  const url = new URL(href);
  url.searchParams.set('lang', lang);
  url.searchParams.set('from', location.origin + location.pathname);
  return url.href;
}

/** What a lazily filled dialog needs: its key, the words of its button and title, its content once loaded. */
export interface LazyDialog {
  key: string;
  label: string;
  title: string;
  part: string;
  load: () => Promise<unknown>;
  content: () => unknown;
}

/** The dialog's markup, loaded with its content on the first click (./dialog.ts): the card carries only the button. */
let dialogView: typeof import('./dialog.ts').renderDialog | undefined;

/**
 * A button that opens a modal dialog over the host page; the dialog and what it holds are loaded
 * on the first click, so a page showing only cards does not download the forms. Escape and the
 * close button close it; focus returns to the button.
 */
function lazyDialog(host: PerronElement, href: string, d: LazyDialog) {
  const id = d.key;
  const open = async (e: Event) => {
    const opener = e.currentTarget as HTMLElement;
    const ids = opened.get(host) ?? new Set<string>();
    if (!ids.has(id)) {
      const [view] = await Promise.all([import('./dialog.ts'), d.load()]);
      dialogView = view.renderDialog;
      opened.set(host, ids.add(id));
      host.requestUpdate();
      await host.updateComplete;
    }
    const dialog = host.renderRoot.querySelector<HTMLDialogElement>(`#${CSS.escape(id)}`)!;
    dialog.addEventListener('close', () => opener.focus(), { once: true });
    dialog.showModal();
    dialog.querySelector<HTMLElement>('.dialog-title')!.focus();
  };
  return html`<button type="button" part=${d.part} class="button ${d.part}" aria-haspopup="dialog" aria-label=${d.title} @click=${open}>${d.label}</button>
    ${opened.get(host)?.has(id) ? dialogView!(host, d, projectPageHref(href, host.language)) : nothing}`;
}

/** "Contribuer": the project's needs, each with its pledge form, in a dialog. */
export function renderContribute(host: PerronElement, projectId: string, title: string, href: string, node: string | undefined) {
  const { t } = host;
  return lazyDialog(host, href, {
    key: `contribute-${projectId}`,
    label: t.project.contribute,
    title: t.project.contributeTo(title),
    part: 'contribute',
    load: () => import('../define/perron-needs-list.ts'),
    content: () => html`<perron-needs-list project=${projectId} node=${ifDefined(node)} heading-level="3"></perron-needs-list>`,
  });
}

/** "J'appuie ce projet": the support form (an email, confirmed by the emailed link) in a dialog. */
export function renderSupport(host: PerronElement, projectId: string, title: string, href: string, node: string | undefined) {
  const { t } = host;
  return lazyDialog(host, href, {
    key: `support-${projectId}`,
    label: t.project.support,
    // "J'appuie ce projet — <titre>": the dash reads the same in both languages.
    title: `${t.project.support} — ${title}`,
    part: 'support',
    load: () => import('../define/perron-support-form.ts'),
    content: () => html`<perron-support-form project=${projectId} node=${ifDefined(node)} heading-level="3"></perron-support-form>`,
  });
}
