/**
 * Registers `tag` in a browser, once: the snippet may be pasted twice, or come with another bundle
 * of the elements. In Node (server-side rendering, where Lit shims the registry) nothing is
 * defined: the tags stay plain until the browser loads the elements.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (typeof window === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, element);
}
