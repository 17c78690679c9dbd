import { consume } from '@lit/context';
import { initialState, Task, TaskStatus, type TaskConfig } from '@lit/task';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { coreContext, coreFor, scriptNode, type PerronCore } from '../context.ts';
import { langOf, loadLocale, matchLocale, messagesOf, type Messages } from '../i18n/locale.ts';
import { formatters, type Formatters } from './format.ts';

const connected = new Set<PerronElement>();
let langObserver: MutationObserver | undefined;
const formattersByLocale = new Map<string, Formatters>();
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * What every Perron element shares: where its client comes from, which locale it speaks, and a
 * re-render when the page (or the element) changes `lang`.
 *
 * @attr {string} lang - Its language (`fr`, `en`, `fr-CA`…); else the closest ancestor's `lang`, else French.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message: with a retry button, or saying that the element has no node to read from.
 * @csspart not-found - The message shown when what it shows does not exist.
 * @csspart button - Every button.
 * @csspart retry - The retry button.
 * @cssprop [--perron-font=inherit] - Font family (the host page's).
 * @cssprop [--perron-color=light-dark(#1d2125,#eceff1)] - Text.
 * @cssprop [--perron-surface=light-dark(#ffffff,#1c2024)] - Background.
 * @cssprop [--perron-muted=light-dark(#545b62,#b4bcc3)] - Secondary text.
 * @cssprop [--perron-border=light-dark(#c5ccd3,#4a525a)] - Borders.
 * @cssprop [--perron-accent=light-dark(#0b5cad,#8cc2ff)] - Links and buttons.
 * @cssprop [--perron-accent-contrast=light-dark(#ffffff,#0c1a29)] - Text on the accent.
 * @cssprop [--perron-success=light-dark(#1c6b38,#7fd99b)] - Filled needs, confirmations.
 * @cssprop [--perron-danger=light-dark(#b3261e,#ffb4ab)] - Errors.
 * @cssprop [--perron-focus=light-dark(#0b5cad,#8cc2ff)] - The focus ring.
 * @cssprop [--perron-track=light-dark(#e3e7eb,#343b42)] - The empty part of progress bars.
 * @cssprop [--perron-radius=0.5rem] - Corner radius.
 * @cssprop [--perron-space=1rem] - Spacing unit.
 * @cssprop [--perron-loading-height=auto] - The height kept while loading (`auto`: the placeholder's own). Set it, and the same `min-height` on the tag in the page's style sheet, to the element's height on the page: it takes its room before its script runs, and nothing moves when its data comes.
 */
export class PerronElement extends LitElement {
  /** A node's base URL. Default: the enclosing `<perron-platform>`'s node, else the node that served the script. */
  @property({ reflect: true }) node?: string;

  /** The core (or client) provided by an enclosing `<perron-platform>`, when there is one. */
  @consume({ context: coreContext, subscribe: true })
  @state()
  protected provided?: PerronCore;

  /** @internal What the SDK's calls go through: `getProject(this.core, id)`. */
  get core(): PerronCore {
    return this.node ? coreFor(this.node) : (this.provided ?? coreFor(scriptNode ?? location.origin));
  }

  /**
   * @internal True when nothing says which node to read from: no `node`, no provider, and a script
   * that no node served (bundled into an app). Its tasks then ask nothing; it shows why instead.
   */
  get nodeMissing(): boolean {
    return !this.node && !this.provided && !scriptNode;
  }

  /** @internal The locale in force: the element's `lang`, else the closest `[lang]` ancestor's, else fr-CA. */
  get locale(): string {
    return matchLocale(langOf(this));
  }

  /** @internal The messages of its locale. */
  get t(): Messages {
    return messagesOf(this.locale);
  }

  /** @internal The language sent to the node with writes (emails follow it). */
  get language(): 'fr' | 'en' {
    return this.t.lang === 'en' ? 'en' : 'fr';
  }

  /** @internal Number and date formats of its locale. */
  get f(): Formatters {
    const locale = this.locale;
    let f = formattersByLocale.get(locale);
    if (!f) formattersByLocale.set(locale, (f = formatters(locale)));
    return f;
  }

  readonly #tasks: Task<readonly unknown[], unknown>[] = [];
  #interrupted: Task<readonly unknown[], unknown>[] = [];

  /** @internal True while a task runs again for fresher data: the current answer stays on screen meanwhile. */
  refreshing = false;

  /** Asks again without showing the loading state (after a write elsewhere on the page). */
  protected async refresh(task: Task<readonly unknown[], unknown>): Promise<void> {
    this.refreshing = true;
    try {
      await task.run();
    } finally {
      this.refreshing = false;
    }
  }

  /** A task whose request is cancelled when the element leaves the page, and made again if it comes back. */
  protected task<A extends readonly unknown[], R>(config: TaskConfig<A, R>): Task<A, R> {
    const run = config.task;
    const task = new Task(this, { ...config, task: (args, options) => (this.nodeMissing ? initialState : run(args, options)) });
    this.#tasks.push(task as unknown as Task<readonly unknown[], unknown>);
    return task;
  }

  /**
   * Renders in its locale from the first frame: a locale other than French is fetched before the
   * update. Its first render is a task of its own: a page with seven elements would otherwise run all
   * their first renders, and the requests they make, in one long task after the script, blocking the
   * page and holding every request back until the last element has rendered.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = loadLocale(this.locale);
    const ready = this.hasUpdated ? loading : nextTask().then(() => loading);
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override connectedCallback() {
    super.connectedCallback();
    for (const task of this.#interrupted.splice(0)) void task.run();
    connected.add(this);
    langObserver ??= new MutationObserver(() => connected.forEach((e) => e.requestUpdate()));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#interrupted = this.#tasks.filter((t) => t.status === TaskStatus.PENDING);
    for (const task of this.#interrupted) task.abort();
    connected.delete(this);
  }
}
