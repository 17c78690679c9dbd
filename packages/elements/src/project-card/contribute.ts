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
interface LazyDialog {
  key: string;
  label: string;
  title: string;
  part: string;
  load: () => Promise<unknown>;
  content: () => unknown;
}

/**
 * A button that opens a modal dialog over the host page; what it holds is loaded on the first
 * click, so a page showing only cards does not download the forms. Escape and the close button
 * close it; focus returns to the button.
 */
function lazyDialog(host: PerronElement, href: string, d: LazyDialog) {
  const { t, language } = host;
  const id = d.key;
  const open = async (e: Event) => {
    const opener = e.currentTarget as HTMLElement;
    const ids = opened.get(host) ?? new Set<string>();
    if (!ids.has(id)) {
      opened.set(host, ids.add(id));
      await d.load();
      host.requestUpdate();
      await host.updateComplete;
    }
    const dialog = host.renderRoot.querySelector<HTMLDialogElement>(`#${CSS.escape(id)}`)!;
    dialog.addEventListener('close', () => opener.focus(), { once: true });
    dialog.showModal();
    dialog.querySelector<HTMLElement>('.dialog-title')!.focus();
  };
  const close = (e: Event) => (e.currentTarget as HTMLElement).closest('dialog')!.close();
  return html`<button type="button" part=${d.part} class="button ${d.part}" aria-haspopup="dialog" aria-label=${d.title} @click=${open}>
      ${d.label}
    </button>
    <dialog id=${id} part="dialog" class="dialog" aria-labelledby="${id}-title" lang=${language}>
      <div class="dialog-head">
        <p id="${id}-title" class="dialog-title" role="heading" aria-level="2" tabindex="-1">${d.title}</p>
        <button type="button" part="button close" class="button secondary" @click=${close}>${t.close}</button>
      </div>
      ${opened.get(host)?.has(id) ? d.content() : nothing}
      <p class="dialog-page"><a href=${projectPageHref(href, language)}>${t.project.page}</a></p>
    </dialog>`;
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
    title: t.project.supportTo(title),
    part: 'support',
    load: () => import('../define/perron-support-form.ts'),
    content: () => html`<perron-support-form project=${projectId} node=${ifDefined(node)} heading-level="3"></perron-support-form>`,
  });
}
