/**
 * Tags whose code is not in the script that registers them: it is fetched the first time one is
 * on the page. A module script runs once the document is parsed, so tags the page already holds
 * are found at once and their code is asked for in parallel with the other elements' data; tags
 * added later (by the host page's own scripts) are seen by a MutationObserver. An element that
 * places one of them in its own shadow root imports it itself (a document observer does not see
 * inside shadow roots). Until its code comes, a tag shows its light-DOM fallback (a link).
 */
export function defineOnDemand(loaders: Record<string, () => Promise<unknown>>): void {
  if (typeof window === 'undefined') return;
  const waiting = new Map(Object.entries(loaders));
  const load = (tag: string) => {
    const loader = waiting.get(tag);
    if (!loader || customElements.get(tag)) return void waiting.delete(tag);
    waiting.delete(tag);
    // A failed fetch leaves the fallback link, and the next tag added tries again.
    loader().catch(() => waiting.set(tag, loader));
  };
  const scan = (root: Element | Document) => {
    for (const tag of [...waiting.keys()]) if (('localName' in root && root.localName === tag) || root.querySelector(tag)) load(tag);
  };
  scan(document);
  if (!waiting.size) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    if (!waiting.size) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}
