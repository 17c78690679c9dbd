import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets one CSS custom property through the CSSOM. Unlike a `style` attribute (and lit's
 * styleMap on first render), this is allowed by a host page's CSP without 'unsafe-inline'.
 */
class CssVar extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssVar() goes on an element');
  }
  override render(_name: string, _value: string) {
    return noChange;
  }
  override update(part: ElementPart, [name, value]: [string, string]) {
    (part.element as HTMLElement).style.setProperty(name, value);
    return noChange;
  }
}
export const cssVar = directive(CssVar);

/** The fill of a progress bar, 0 to 1. */
export const ratio = (value: number) => cssVar('--ratio', String(Math.max(0, Math.min(1, value))));
