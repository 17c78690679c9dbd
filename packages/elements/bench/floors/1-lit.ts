// Floor 1: an element that gets a value by @lit/context and renders it.
import { consume, createContext } from '@lit/context';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';

export const context = createContext<unknown>(Symbol.for('perron.floor'));

export class Floor extends LitElement {
  @consume({ context, subscribe: true })
  @property({ attribute: false })
  value?: unknown;

  override render() {
    return html`<p>${String(this.value)}</p>`;
  }
}
customElements.define('perron-floor', Floor);
