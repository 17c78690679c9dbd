import { consume } from '@lit/context';
import { Task, TaskStatus, type TaskConfig } from '@lit/task';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { coreContext, coreFor, scriptNode, type PerronCore } from '../context.ts';
import { langOf, loadLocale, matchLocale, messagesOf, type Messages } from '../i18n/locale.ts';
import { formatters, type Formatters } from './format.ts';

const connected = new Set<PerronElement>();
let langObserver: MutationObserver | undefined;
const formattersByLocale = new Map<string, Formatters>();

/**
 * What every Perron element shares: where its client comes from, which locale it speaks, and a
 * re-render when the page (or the element) changes `lang`.
 */
export class PerronElement extends LitElement {
  /** A node's base URL. Default: the enclosing `<perron-platform>`'s node, else the node that served the script. */
  @property({ reflect: true }) node?: string;

  /** The core (or client) provided by an enclosing `<perron-platform>`, when there is one. */
  @consume({ context: coreContext, subscribe: true })
  @state()
  protected provided?: PerronCore;

  /** What the SDK's calls go through: `getProject(this.core, id)`. */
  get core(): PerronCore {
    return this.node ? coreFor(this.node) : (this.provided ?? coreFor(scriptNode));
  }

  /** The locale in force: the element's `lang`, else the closest `[lang]` ancestor's, else fr-CA. */
  get locale(): string {
    return matchLocale(langOf(this));
  }

  get t(): Messages {
    return messagesOf(this.locale);
  }

  /** The language sent to the node with writes (emails follow it). */
  get language(): 'fr' | 'en' {
    return this.t.lang === 'en' ? 'en' : 'fr';
  }

  get f(): Formatters {
    const locale = this.locale;
    let f = formattersByLocale.get(locale);
    if (!f) formattersByLocale.set(locale, (f = formatters(locale)));
    return f;
  }

  readonly #tasks: Task<readonly unknown[], unknown>[] = [];
  #interrupted: Task<readonly unknown[], unknown>[] = [];

  /** True while a task runs again for fresher data: the current answer stays on screen meanwhile. */
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
    const task = new Task(this, config);
    this.#tasks.push(task as unknown as Task<readonly unknown[], unknown>);
    return task;
  }

  /** Renders in its locale from the first frame: a locale other than French is fetched before the update. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = loadLocale(this.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
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
