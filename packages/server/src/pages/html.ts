import type { Lang } from '@perron/contract';

/** Markup that is already safe: what `html` returns, and nothing built from user data by hand. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped unless they are `SafeHtml` (nested `html`). */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]!) : ''), ''));
}

/** JSON for a `<script type="application/json">` block: `<` can't close the element. */
export const jsonBlock = (value: unknown): SafeHtml => new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c'));

/**
 * The node's own pages: no inline script or style, so that a strict policy holds; the elements
 * bundle is the only script besides each page's own file.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cache-control': 'no-cache',
} as const;

/** `?lang=en` wins, then the browser's first language; French by default. */
export function pageLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'fr') return query;
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'fr';
}

export interface PageParts {
  lang: Lang;
  title: string;
  /** Extra files of this page, served from /static/. */
  scripts?: string[];
  styles?: string[];
  /** The same page in the other language. */
  otherLang: { href: string; label: string };
  /** More in `<head>`: discovery links, structured data. */
  head?: SafeHtml;
  body: SafeHtml;
}

/** Where oEmbed consumers (WordPress) learn how to embed a page. */
export const oembedLink = (baseUrl: string, pageUrl: string, title: string): SafeHtml =>
  html`<link rel="alternate" type="application/json+oembed" href="${baseUrl}/oembed?url=${encodeURIComponent(pageUrl)}&amp;format=json" title="${title}">`;

export function page({ lang, title, scripts = [], styles = [], otherLang, head, body }: PageParts): string {
  const other = lang === 'fr' ? 'en' : 'fr';
  return html`<!doctype html>
<html lang="${lang}-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/static/node.css">
${styles.map((s) => html`<link rel="stylesheet" href="/static/${s}">`)}
${scripts.map((s) => html`<script type="module" src="/static/${s}"></script>`)}
${head}
</head>
<body>
<header class="bar">
  <a class="brand" href="/?lang=${lang}">Perron</a>
  <a class="lang" href="${otherLang.href}" lang="${other}-CA" hreflang="${other}">${otherLang.label}</a>
</header>
<main id="main">
${body}
</main>
</body>
</html>
`.value;
}
