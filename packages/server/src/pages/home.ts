import { existsSync } from 'node:fs';
import type { Lang } from '@perron/contract';
import type { App } from '../app.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ELEMENTS_DIR } from './elements.ts';
import { html, page, PAGE_HEADERS, pageLang } from './html.ts';

const TEXT = {
  fr: {
    title: 'Perron — un nœud',
    other: 'English',
    lead: "Perron, c’est le perron d’église à l’ère numérique : les projets, les besoins, les événements et les idées d'un quartier, intégrés dans le site web de chaque organisme communautaire. Ce nœud sert l’API, la base de données et les éléments web.",
    examples: 'Sites d’exemple (une autre origine, comme en vrai)',
    communityFr: 'Le site d’un organisme de quartier, en français',
    communityEn: 'Le même site, en anglais',
    caisse: 'La vitrine d’une caisse : les projets qu’elle appuie et leur impact, en français',
    caisseEn: 'La même vitrine, en anglais',
    noExamples: 'Lancez le nœud avec « npm start » pour servir aussi les sites d’exemple sur un second port.',
    build: 'Intégrer Perron à votre site',
    embed: 'Générateur d’intégration : choisissez un élément, voyez-le, copiez le code',
    bundle: 'Les éléments web (un seul script)',
    notBuilt: 'pas encore construits : lancez « npm run build »',
    developers: 'Pour les développeurs',
    openapi: 'L’API, décrite en OpenAPI 3.1',
    nodeInfo: 'La fiche du nœud',
    feed: 'Tous les événements, en iCalendar',
    mail: 'Boîte de courriels de développement (confirmations de votes, accusés de réception)',
    storybook: 'Chaque élément dans chaque état : lancez « npm run storybook », puis ouvrez http://localhost:6006.',
    sdk: 'Scripter Perron depuis Node ou le navigateur : la trousse @perron/sdk (docs/sdk.md).',
  },
  en: {
    title: 'Perron — a node',
    other: 'Français',
    lead: "Perron is the church steps of the digital age: a neighbourhood's projects, needs, events and ideas, embedded in every community organization's own website. This node serves the API, the database and the web components.",
    examples: 'Example sites (another origin, as in real life)',
    communityFr: "A neighbourhood organization's site, in French",
    communityEn: 'The same site, in English',
    caisse: "A caisse's showcase: the projects it supports and their impact, in French",
    caisseEn: 'The same showcase, in English',
    noExamples: 'Start the node with “npm start” to also serve the example sites on a second port.',
    build: 'Put Perron on your site',
    embed: 'Embed builder: pick an element, see it, copy the code',
    bundle: 'The web components (one script)',
    notBuilt: 'not built yet: run “npm run build”',
    developers: 'For developers',
    openapi: 'The API, described in OpenAPI 3.1',
    nodeInfo: "The node's description",
    feed: 'Every event, as iCalendar',
    mail: 'Development mailbox (vote confirmations, pledge receipts)',
    storybook: 'Every element in every state: run “npm run storybook”, then open http://localhost:6006.',
    sdk: 'Script Perron from Node or the browser: the @perron/sdk kit (docs/sdk.md).',
  },
} satisfies Record<Lang, Record<string, string>>;

/** Where `npm start` serves the example sites: another origin, so it says so through the environment. */
const examplesUrl = () => process.env.PERRON_EXAMPLES_URL?.replace(/\/$/, '');

function home(lang: Lang, node: NodeServices): string {
  const t = TEXT[lang];
  const examples = examplesUrl();
  const built = existsSync(`${ELEMENTS_DIR}perron.js`);
  const link = (href: string, label: string, shown = href) => html`<li><a href="${href}">${label}</a> <code>${shown}</code></li>`;
  return page({
    lang,
    title: t.title,
    otherLang: { href: `/?lang=${lang === 'fr' ? 'en' : 'fr'}`, label: t.other },
    body: html`
<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<section aria-labelledby="examples">
  <h2 id="examples">${t.examples}</h2>
  ${examples
    ? html`<ul class="links">
    ${link(`${examples}/community-site/`, t.communityFr)}
    ${link(`${examples}/community-site/en.html`, t.communityEn)}
    ${link(`${examples}/caisse-showcase/`, t.caisse)}
    ${link(`${examples}/caisse-showcase/en.html`, t.caisseEn)}
  </ul>`
    : html`<p>${t.noExamples}</p>`}
</section>
<section aria-labelledby="build">
  <h2 id="build">${t.build}</h2>
  <ul class="links">
    ${link(`/embed?lang=${lang}`, t.embed, '/embed')}
    <li><a href="/elements/perron.js">${t.bundle}</a> <code>${node.baseUrl}/elements/perron.js</code>${built ? '' : html` <strong class="warning">(${t.notBuilt})</strong>`}</li>
  </ul>
</section>
<section aria-labelledby="developers">
  <h2 id="developers">${t.developers}</h2>
  <ul class="links">
    ${link('/v1/openapi.json', t.openapi)}
    ${link('/.well-known/perron.json', t.nodeInfo)}
    ${link('/v1/events.ics', t.feed)}
    ${node.devMailbox ? link('/dev/mail', t.mail) : ''}
    <li>${t.storybook}</li>
    <li>${t.sdk}</li>
  </ul>
</section>
`,
  });
}

/** `/`: what this node is and where everything a newcomer wants to open lives. */
export function homePage(app: App, node: NodeServices): void {
  app.get('/', (c) => c.body(home(pageLang(c.req.query('lang'), c.req.header('accept-language')), node), 200, { ...PAGE_HEADERS, vary: 'Accept-Language' }));
}
