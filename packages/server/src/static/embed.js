// @ts-check
// The embed builder: reads the node's real data through its public API, shows the chosen element
// live and writes the snippet to paste. Everything from the API goes to the page as text.

const data = JSON.parse(document.getElementById('builder-data')?.textContent ?? '{}');
/** @type {{ lang: 'fr' | 'en', node: string, text: Record<string, any>, defaults: Record<string, string> }} */
const { lang, node, text, defaults } = data;

const form = /** @type {HTMLFormElement} */ (document.getElementById('builder'));
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const select = (/** @type {string} */ id) => /** @type {HTMLSelectElement} */ ($(id));
const preview = $('preview');
const snippet = /** @type {HTMLTextAreaElement} */ ($('snippet'));
const reserve = /** @type {HTMLInputElement} */ ($('reserve'));

/** @param {{ fr: string, en?: string } | string} t */
const local = (t) => (typeof t === 'string' ? t : (lang === 'en' && t.en) || t.fr);

/** @param {string} path */
async function get(path) {
  const res = await fetch(path, { headers: { accept: 'application/json', 'accept-language': lang } });
  if (!res.ok) throw new Error(`${res.status} ${path}`);
  return res.json();
}

/** Every item of a paginated list, up to a few pages: a builder, not an export. */
async function all(/** @type {string} */ path) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < 5; i++) {
    const page = await get(`${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** @param {HTMLElement} parent @param {string} value @param {string} label */
function option(parent, value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  parent.append(o);
  return o;
}

/** @type {Map<string, any>} project id → project */
const projects = new Map();
/** @type {Map<string, any>} project id → its needs */
const needsOf = new Map();

async function loadChoices() {
  const status = $('load-status');
  status.replaceChildren(text.loading);
  try {
    const [communities, projectList, ideas, contests] = await Promise.all([
      get('/v1/communities').then((r) => r.items),
      all('/v1/projects?status=published'),
      all('/v1/ideas?sort=support'),
      all('/v1/contests'),
    ]);
    const community = select('community');
    for (const c of communities) option(community, c.slug, local(c.name));
    const project = select('project');
    project.replaceChildren();
    for (const p of projectList) {
      projects.set(p.id, p);
      option(project, p.id, `${local(p.title)} — ${p.organization.name}`);
    }
    if (!projectList.length) option(project, '', text.none).disabled = true;
    const ideaGroup = $('idea-ideas');
    const contestGroup = $('idea-contests');
    for (const i of ideas) option(ideaGroup, `idea:${i.id}`, i.title);
    for (const c of contests) option(contestGroup, `contest:${c.id}`, local(c.title));
    status.replaceChildren();
    await loadNeeds();
  } catch {
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = text.retry;
    retry.addEventListener('click', () => void loadChoices(), { once: true });
    const message = document.createElement('span');
    message.textContent = `${text.loadError} `;
    status.replaceChildren(message, retry);
  }
}

/** The need picker follows the chosen project. */
async function loadNeeds() {
  const id = select('project').value;
  if (id && !needsOf.has(id)) needsOf.set(id, (await get(`/v1/projects/${encodeURIComponent(id)}`)).needs);
  // Another choice may have been made while this one was asked: the picker follows the latest, once.
  if (select('project').value !== id) return;
  const need = select('need');
  need.replaceChildren(need.options[0] ?? new Option());
  for (const n of needsOf.get(id) ?? []) option(need, n.id, local(n.title));
  update();
}

/** What the form says, as the tag's attributes (in a stable order) and its colours. */
function choice() {
  const values = new FormData(form);
  const tag = String(values.get('element'));
  /** @type {[string, string][]} */
  const attributes = [];
  const project = String(values.get('project') ?? '');
  const community = String(values.get('community') ?? '');
  let fallback = { href: node, label: text.fallback.list };
  /** What the element will ask first, asked by the page while the script loads (the same URLs the SDK asks; e2e/node-pages checks each is asked once). */
  /** @type {string[]} */
  const preload = [];
  if (tag === 'perron-project-card' || tag === 'perron-needs-list' || tag === 'perron-pledge-form') {
    const need = tag === 'perron-pledge-form' ? String(values.get('need') ?? '') : '';
    // A form for one need names its project too: it then reads the project alone (one request, not
    // the need's and then its project's) and picks that need in it.
    attributes.push(['project', project]);
    if (need) attributes.push(['need', need]);
    // A boolean attribute: present, with no value.
    if (tag === 'perron-needs-list' && values.get('suggest')) attributes.push(['suggest-services', '']);
    if (project) preload.push(`${node}/v1/projects/${encodeURIComponent(project)}`);
    // The card names the project's communities.
    if (tag === 'perron-project-card') preload.push(`${node}/v1/communities`);
    const p = projects.get(project);
    if (p) fallback = { href: `${p.url}?lang=${values.get('lang')}`, label: text.fallback.project.replace('{title}', local(p.title)) };
  } else if (tag === 'perron-project-list') {
    if (community) attributes.push(['community', community]);
    // Its first page (the element's default limit and status) and the communities it names.
    preload.push(`${node}/v1/projects?${query({ community, limit: '6', status: 'published' })}`, `${node}/v1/communities`);
    fallback = { href: `${node}/?lang=${values.get('lang')}`, label: text.fallback.list };
  } else if (tag === 'perron-event-calendar') {
    if (community) attributes.push(['community', community]);
    attributes.push(['view', String(values.get('view'))]);
    fallback = { href: `${node}/v1/events.ics${community ? `?community=${community}` : ''}`, label: text.fallback.calendar };
  } else if (tag === 'perron-idea-vote') {
    const [kind, id] = String(values.get('idea') ?? '').split(':');
    if (kind && id) attributes.push([kind, id]);
    // A contest and its ideas, most supported first, as the element asks them.
    if (kind === 'contest') preload.push(`${node}/v1/contests/${encodeURIComponent(id)}`, `${node}/v1/ideas?${query({ contest: id, limit: '50', sort: 'support' })}`);
    fallback = { href: `${node}/?lang=${values.get('lang')}`, label: text.fallback.idea };
  }
  attributes.push(['lang', String(values.get('lang'))]);
  /** The parts perron.js fetches once it has run (a form, the English words), asked beside it instead: a round trip sooner. */
  /** @type {string[]} */
  const modules = [];
  if (tag === 'perron-pledge-form') modules.push(`${node}/elements/forms.js`);
  if (values.get('lang') === 'en') modules.push(`${node}/elements/en-CA.js`);
  /** @type {[string, string][]} */
  const style = [];
  for (const key of ['accent', 'color', 'surface', 'radius']) {
    const value = String(values.get(key));
    if (value !== defaults[key]) style.push([`--perron-${key}`, value]);
  }
  return { tag, attributes, style, fallback, preload, modules };
}

/** The room the tag keeps before its script runs (min-height) and while its data loads. */
function withRoom(/** @type {ReturnType<typeof choice>} */ c) {
  const px = Math.min(4000, Math.round(Number(reserve.value)));
  if (!reserve.value || !(px > 0)) return c;
  return { ...c, style: [...c.style, ['--perron-loading-height', `${px}px`], ['min-height', `${px}px`]] };
}

/**
 * A query string as the SDK writes it (keys in order, empty values left out), so that a preload's URL
 * is exactly the element's request.
 * @param {Record<string, string>} params
 */
const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v).sort(([a], [b]) => (a < b ? -1 : 1))).toString();

/** @param {string} s */
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** @param {ReturnType<typeof choice>} c */
function snippetOf({ tag, attributes, style, fallback, preload, modules }) {
  const attrs = attributes.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${attr(v)}"`)).join('');
  const styleAttr = style.length ? ` style="${attr(style.map(([k, v]) => `${k}: ${v}`).join('; '))}"` : '';
  return [
    ...preload.map((url) => `<link rel="preload" as="fetch" crossorigin href="${attr(url)}">`),
    ...modules.map((url) => `<link rel="modulepreload" href="${attr(url)}">`),
    `<script type="module" src="${attr(node)}/elements/perron.js"></script>`,
    `<${tag}${attrs}${styleAttr}>`,
    `  <a href="${attr(fallback.href)}">${attr(fallback.label)}</a>`,
    `</${tag}>`,
  ].join('\n');
}

let shown = '';
/** Set once the person typed a height of their own: the preview's measure no longer replaces it. */
let typed = false;
function update() {
  const c = choice();
  for (const field of document.querySelectorAll('.field[data-for]')) {
    /** @type {HTMLElement} */ (field).hidden = !(field.getAttribute('data-for') ?? '').split(' ').includes(c.tag);
  }
  // The preview keeps no room of its own: it shows, and measures, the element as its data makes it.
  const code = snippetOf(c);
  if (code !== shown) {
    shown = code;
    showPreview(c);
  }
  const kept = withRoom(c);
  snippet.value = snippetOf(kept);
  $('snippet-css').textContent = kept.style.length ? `${c.tag} {\n${kept.style.map(([k, v]) => `  ${k}: ${v};`).join('\n')}\n}` : '';
}

/** The real element, built with DOM calls: no markup parsing of anything that came from the API. */
function showPreview(/** @type {ReturnType<typeof choice>} */ c) {
  // Another element or other content takes another height: measured again.
  typed = false;
  reserve.value = '';
  const element = document.createElement(c.tag);
  for (const [k, v] of c.attributes) element.setAttribute(k, v);
  for (const [k, v] of c.style) element.style.setProperty(k, v);
  const link = document.createElement('a');
  link.href = c.fallback.href;
  link.textContent = c.fallback.label;
  element.append(link);
  preview.replaceChildren(element);
  measure(element);
}

/**
 * Once the preview shows its data, the height to keep is a little under what it takes (rounded
 * down to 10 px): a page whose column is a little wider ends with no gap, and nothing moves.
 */
function measure(/** @type {HTMLElement} */ element) {
  const observer = new ResizeObserver(() => {
    if (!element.isConnected) return observer.disconnect();
    const root = element.shadowRoot;
    if (typed || !root || root.querySelector('[part~="loading"]') || !root.textContent?.trim()) return;
    const px = Math.floor((element.getBoundingClientRect().height * 0.95) / 10) * 10;
    if (px <= 0 || String(px) === reserve.value) return;
    reserve.value = String(px);
    update();
  });
  observer.observe(element);
}

async function copy() {
  const status = $('copy-status');
  try {
    await navigator.clipboard.writeText(snippet.value);
    status.textContent = text.copied;
  } catch {
    snippet.focus();
    snippet.select();
    status.textContent = text.copyFailed;
  }
}

form.addEventListener('change', (event) => {
  if (/** @type {HTMLElement} */ (event.target).id === 'project') void loadNeeds();
  else update();
});
form.addEventListener('input', (event) => {
  if (event.target === reserve) typed = true;
  update();
});
$('reset-colours').addEventListener('click', () => {
  for (const key of ['accent', 'color', 'surface', 'radius']) /** @type {HTMLInputElement} */ ($(key)).value = defaults[key];
  update();
});
form.addEventListener('submit', (event) => event.preventDefault());
$('copy').addEventListener('click', () => void copy());

import('/elements/perron.js').catch(() => {
  const note = document.createElement('p');
  note.className = 'warning';
  note.setAttribute('role', 'alert');
  note.textContent = text.notBuilt;
  preview.before(note);
});
update();
void loadChoices();
