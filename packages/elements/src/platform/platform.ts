import { consume, provide } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { coreContext, coreFor, scriptNode, type PerronCore } from '../context.ts';

/**
 * @summary Gives every Perron element inside it the client of one node (or the client you set).
 *
 * @slot - The Perron elements (and anything else) that read from this node.
 *
 * @tagname perron-platform
 * @attr {string} lang - The language of the elements inside, as any `lang` on the page is.
 */
export class PerronPlatform extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** The node's base URL. Default: the node that served the script (none when the elements are bundled into an app). */
  @property({ reflect: true }) node?: string;

  /** A client made with the SDK's `createClient` (several nodes, an API key…), or a core; it wins over `node`. */
  @property({ attribute: false }) client?: PerronCore;

  /** An enclosing provider's core: passed on when this one has neither `client` nor a node. */
  @consume({ context: coreContext, subscribe: true })
  @state()
  protected outer?: PerronCore;

  /** What the elements inside receive. */
  @provide({ context: coreContext })
  @state()
  protected provided?: PerronCore;

  #choose() {
    const node = this.node || scriptNode;
    this.provided = this.client ?? (node ? coreFor(node) : this.outer);
  }

  // Chosen on connection already, so that elements inside never start with another node.
  override connectedCallback() {
    this.#choose();
    super.connectedCallback();
  }

  override willUpdate() {
    this.#choose();
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-platform': PerronPlatform;
  }
}
