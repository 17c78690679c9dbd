import type { Lang } from '@perron/contract';
import type { App } from '../app.ts';
import type { NodeServices } from '../handlers/types.ts';
import { html, jsonBlock, page, PAGE_HEADERS, pageLang } from './html.ts';

/** The elements a staff member can pick, with the attributes each one takes. */
const ELEMENTS = ['perron-project-card', 'perron-project-list', 'perron-needs-list', 'perron-pledge-form', 'perron-event-calendar', 'perron-idea-vote'] as const;

const TEXT = {
  fr: {
    title: 'Générateur d’intégration',
    other: 'English',
    lead: 'Choisissez un élément et ce qu’il montre, voyez-le tel qu’il paraîtra, puis copiez le code dans votre site (WordPress, Wix ou HTML). Les données viennent de ce nœud.',
    noscript: 'Ce générateur a besoin de JavaScript. Sans lui, le code à coller est décrit dans le README du projet.',
    step1: '1. L’élément',
    elements: {
      'perron-project-card': ['Fiche de projet', 'Un projet, ses besoins en résumé, un lien pour contribuer'],
      'perron-project-list': ['Liste de projets', 'Les projets d’une communauté, en grille (vitrine d’une caisse, d’un arrondissement)'],
      'perron-needs-list': ['Liste des besoins', 'Les besoins d’un projet : bénévoles, matériel, argent'],
      'perron-pledge-form': ['Formulaire d’engagement', 'Donner du temps, du matériel ou de l’argent à un besoin'],
      'perron-event-calendar': ['Calendrier d’événements', 'Le mois ou la liste des événements, avec inscription'],
      'perron-idea-vote': ['Vote d’idée', 'Appuyer une idée citoyenne, ou les idées d’un concours'],
    },
    step2: '2. Le contenu',
    project: 'Projet',
    need: 'Besoin',
    anyNeed: 'La personne choisit le besoin',
    community: 'Communauté',
    anyCommunity: 'Toutes les communautés',
    idea: 'Idée ou concours',
    ideas: 'Idées',
    contests: 'Concours',
    suggest: 'Suggérer aussi les services d’autres organismes qui peuvent répondre à ces besoins',
    suggestHint: 'Sous chaque besoin : les services de l’annuaire de ce nœud qui y correspondent (banque alimentaire, prêt de matériel…).',
    view: 'Affichage',
    month: 'Mois',
    list: 'Liste',
    step3: '3. La langue',
    step4: '4. Les couleurs',
    accent: 'Couleur principale (boutons, liens)',
    color: 'Texte',
    surface: 'Fond',
    radius: 'Coins',
    radii: { '0': 'Droits', '0.5rem': 'Arrondis', '1rem': 'Très arrondis' },
    resetColours: 'Couleurs par défaut',
    step5: '5. La place réservée',
    reserve: 'Hauteur à garder pendant le chargement (px)',
    reserveHint: 'Remplie d’après l’aperçu, un peu en dessous : l’élément garde cette place avant que ses données arrivent, et rien ne bouge sur votre page. Ajustez-la si votre colonne est bien plus étroite ou plus large ; videz-la pour ne rien réserver.',
    preview: 'Aperçu',
    previewHint: 'L’élément réel, servi par ce nœud, avec ses données réelles.',
    snippet: 'Le code à copier',
    snippetHint: 'Collez-le dans un bloc « HTML personnalisé » de votre page. Le lien à l’intérieur s’affiche si JavaScript ne fonctionne pas.',
    copy: 'Copier le code',
    cspTitle: 'Si votre site a une politique de sécurité du contenu (CSP)',
    cspHint: 'Ajoutez l’adresse de ce nœud à ces directives :',
    cspStyle: 'Les couleurs et la place réservée sont dans l’attribut style de la balise ; sous une CSP stricte, mettez plutôt ces lignes dans votre feuille de style :',
  },
  en: {
    title: 'Embed builder',
    other: 'Français',
    lead: 'Pick an element and what it shows, see it as it will look, then copy the code into your site (WordPress, Wix or HTML). The data comes from this node.',
    noscript: "This builder needs JavaScript. Without it, the code to paste is described in the project's README.",
    step1: '1. The element',
    elements: {
      'perron-project-card': ['Project card', 'One project, a summary of its needs, a link to contribute'],
      'perron-project-list': ['Project list', "A community's projects in a grid (a caisse's or a borough's showcase)"],
      'perron-needs-list': ['Needs list', "A project's needs: volunteers, materials, money"],
      'perron-pledge-form': ['Pledge form', 'Give time, materials or money to a need'],
      'perron-event-calendar': ['Event calendar', 'The month or the list of events, with registration'],
      'perron-idea-vote': ['Idea vote', "Support a citizen's idea, or a contest's ideas"],
    },
    step2: '2. The content',
    project: 'Project',
    need: 'Need',
    anyNeed: 'The person picks the need',
    community: 'Community',
    anyCommunity: 'All communities',
    idea: 'Idea or contest',
    ideas: 'Ideas',
    contests: 'Contests',
    suggest: "Also suggest other organizations' services that can answer these needs",
    suggestHint: "Under each need: the services of this node's directory that match it (a food bank, equipment lending…).",
    view: 'View',
    month: 'Month',
    list: 'List',
    step3: '3. The language',
    step4: '4. The colours',
    accent: 'Main colour (buttons, links)',
    color: 'Text',
    surface: 'Background',
    radius: 'Corners',
    radii: { '0': 'Square', '0.5rem': 'Rounded', '1rem': 'Very rounded' },
    resetColours: 'Default colours',
    step5: '5. The room it keeps',
    reserve: 'Height to keep while it loads (px)',
    reserveHint: 'Filled from the preview, a little under: the element keeps this room before its data comes, and nothing on your page moves. Adjust it if your column is much narrower or wider; empty it to keep no room.',
    preview: 'Preview',
    previewHint: 'The real element, served by this node, with its real data.',
    snippet: 'The code to copy',
    snippetHint: 'Paste it into a “Custom HTML” block of your page. The link inside shows when JavaScript does not run.',
    copy: 'Copy the code',
    cspTitle: 'If your site has a Content Security Policy (CSP)',
    cspHint: "Add this node's address to these directives:",
    cspStyle: "The colours and the room kept are in the tag's style attribute; under a strict CSP, put these lines in your style sheet instead:",
  },
} as const;

/** What the builder's script says, in the page's language. */
const SCRIPT_TEXT = {
  fr: {
    loading: 'Chargement…',
    loadError: 'Les données de ce nœud n’ont pas pu être chargées.',
    retry: 'Réessayer',
    none: 'Aucun élément à choisir sur ce nœud',
    copied: 'Code copié.',
    copyFailed: 'La copie a échoué : le code est sélectionné, faites Ctrl+C.',
    notBuilt: 'Les éléments ne sont pas construits sur ce nœud : lancez « npm run build », puis rechargez.',
    fallback: { project: 'Voir le projet «\u00a0{title}\u00a0»', list: 'Voir les projets', calendar: 'Ajouter les événements à mon calendrier', idea: 'Voir les idées' },
  },
  en: {
    loading: 'Loading…',
    loadError: "This node's data could not be loaded.",
    retry: 'Try again',
    none: 'Nothing to pick on this node',
    copied: 'Code copied.',
    copyFailed: 'Copying failed: the code is selected, press Ctrl+C.',
    notBuilt: 'The elements are not built on this node: run “npm run build”, then reload.',
    fallback: { project: 'See the project “{title}”', list: 'See the projects', calendar: 'Add the events to my calendar', idea: 'See the ideas' },
  },
} satisfies Record<Lang, unknown>;

export const DEFAULT_COLOURS = { accent: '#0b5cad', color: '#1d2125', surface: '#ffffff', radius: '0.5rem' } as const;

function builder(lang: Lang, node: NodeServices): string {
  const t = TEXT[lang];
  const field = (id: string, label: string, forElements: string, control: ReturnType<typeof html>) =>
    html`<div class="field" data-for="${forElements}"><label for="${id}">${label}</label>${control}</div>`;
  return page({
    lang,
    title: `${t.title} — Perron`,
    scripts: ['embed.js'],
    styles: ['embed.css'],
    otherLang: { href: `/embed?lang=${lang === 'fr' ? 'en' : 'fr'}`, label: t.other },
    body: html`
<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<noscript><p class="warning">${t.noscript}</p></noscript>
<script type="application/json" id="builder-data">${jsonBlock({ lang, node: node.baseUrl, text: SCRIPT_TEXT[lang], defaults: DEFAULT_COLOURS })}</script>
<div class="builder">
  <form id="builder" class="controls">
    <fieldset>
      <legend>${t.step1}</legend>
      ${ELEMENTS.map(
        (tag, i) => html`<div class="choice">
        <input type="radio" name="element" id="el-${tag}" value="${tag}" aria-describedby="el-${tag}-hint"${i === 0 ? html` checked` : ''}>
        <label for="el-${tag}">${t.elements[tag][0]}</label>
        <span class="hint" id="el-${tag}-hint">${t.elements[tag][1]}</span>
      </div>`,
      )}
    </fieldset>
    <fieldset>
      <legend>${t.step2}</legend>
      ${field('project', t.project, 'perron-project-card perron-needs-list perron-pledge-form', html`<select id="project" name="project"></select>`)}
      ${field('need', t.need, 'perron-pledge-form', html`<select id="need" name="need"><option value="">${t.anyNeed}</option></select>`)}
      <div class="field choice" data-for="perron-needs-list"><input type="checkbox" id="suggest" name="suggest" value="on" aria-describedby="suggest-hint"><label for="suggest">${t.suggest}</label><span class="hint" id="suggest-hint">${t.suggestHint}</span></div>
      ${field('community', t.community, 'perron-project-list perron-event-calendar', html`<select id="community" name="community"><option value="">${t.anyCommunity}</option></select>`)}
      ${field('idea', t.idea, 'perron-idea-vote', html`<select id="idea" name="idea"><optgroup label="${t.ideas}" id="idea-ideas"></optgroup><optgroup label="${t.contests}" id="idea-contests"></optgroup></select>`)}
      ${field('view', t.view, 'perron-event-calendar', html`<select id="view" name="view"><option value="month">${t.month}</option><option value="list">${t.list}</option></select>`)}
      <div id="load-status" role="status" class="status"></div>
    </fieldset>
    <fieldset>
      <legend>${t.step3}</legend>
      <div class="choice inline"><input type="radio" name="lang" id="lang-fr" value="fr"${lang === 'fr' ? html` checked` : ''}><label for="lang-fr" lang="fr-CA">Français</label></div>
      <div class="choice inline"><input type="radio" name="lang" id="lang-en" value="en"${lang === 'en' ? html` checked` : ''}><label for="lang-en" lang="en-CA">English</label></div>
    </fieldset>
    <fieldset>
      <legend>${t.step4}</legend>
      <div class="field colour"><label for="accent">${t.accent}</label><input type="color" id="accent" name="accent" value="${DEFAULT_COLOURS.accent}"></div>
      <div class="field colour"><label for="color">${t.color}</label><input type="color" id="color" name="color" value="${DEFAULT_COLOURS.color}"></div>
      <div class="field colour"><label for="surface">${t.surface}</label><input type="color" id="surface" name="surface" value="${DEFAULT_COLOURS.surface}"></div>
      <div class="field"><label for="radius">${t.radius}</label><select id="radius" name="radius">${Object.entries(t.radii).map(
        ([value, label]) => html`<option value="${value}"${value === DEFAULT_COLOURS.radius ? html` selected` : ''}>${label}</option>`,
      )}</select></div>
      <button type="button" id="reset-colours" class="secondary">${t.resetColours}</button>
    </fieldset>
    <fieldset>
      <legend>${t.step5}</legend>
      <div class="field"><label for="reserve">${t.reserve}</label><input type="number" id="reserve" name="reserve" min="0" max="4000" step="10" inputmode="numeric" aria-describedby="reserve-hint"><span class="hint" id="reserve-hint">${t.reserveHint}</span></div>
    </fieldset>
  </form>
  <section class="preview" aria-labelledby="preview-title">
    <h2 id="preview-title">${t.preview}</h2>
    <p class="hint">${t.previewHint}</p>
    <div id="preview" class="preview-frame"></div>
  </section>
</div>
<section class="snippet" aria-labelledby="snippet-title">
  <h2 id="snippet-title">${t.snippet}</h2>
  <p class="hint" id="snippet-hint">${t.snippetHint}</p>
  <textarea id="snippet" readonly rows="9" spellcheck="false" aria-labelledby="snippet-title" aria-describedby="snippet-hint"></textarea>
  <p><button type="button" id="copy">${t.copy}</button> <span id="copy-status" role="status"></span></p>
  <details>
    <summary>${t.cspTitle}</summary>
    <p>${t.cspHint}</p>
    <pre><code>script-src ${node.baseUrl};
connect-src ${node.baseUrl};
img-src ${node.baseUrl} https:;</code></pre>
    <p>${t.cspStyle}</p>
    <pre><code id="snippet-css"></code></pre>
  </details>
</section>
`,
  });
}

/** `/embed`: a staff member picks an element and its content, sees it live and copies the snippet. */
export function embedPage(app: App, node: NodeServices): void {
  app.get('/embed', (c) => c.body(builder(pageLang(c.req.query('lang'), c.req.header('accept-language')), node), 200, { ...PAGE_HEADERS, vary: 'Accept-Language' }));
}
