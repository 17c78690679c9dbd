import type { Community, Event, HsdsService, Idea, IdeaContest, Impact, Need, OrganizationSummary, Pledge, Project, ProjectDetail, SuggestedService } from '@perron/contract';

/**
 * Demo data for stories and tests, typed by the contract (and parsed by its schemas in
 * fixtures.test.ts). Events are placed relative to today, so that the calendar always has some.
 */
export const NODE_URL = 'https://perron.example';
export const IMAGE_HOST = 'https://images.perron.example';

const created = '2026-09-01T14:00:00Z';

export const organizations = {
  jardins: { id: 'org-jardins', slug: 'jardins-du-faubourg', name: 'Les Jardins du Faubourg', kind: 'community_organization' },
  caisse: { id: 'org-caisse', slug: 'caisse-coeur-de-l-ile', name: 'Caisse Desjardins du Cœur-de-l’Île', kind: 'funder' },
  table: { id: 'org-table', slug: 'table-hochelaga', name: 'Table de quartier Hochelaga-Maisonneuve', nameEn: 'Hochelaga-Maisonneuve Neighbourhood Table', kind: 'neighbourhood_table' },
} satisfies Record<string, OrganizationSummary>;

export const communities: Community[] = [
  { id: 'c-montreal', slug: 'montreal', kind: 'territorial', level: 'city', parent: null, name: { fr: 'Montréal' }, description: null },
  {
    id: 'c-hochelaga',
    slug: 'hochelaga-maisonneuve',
    kind: 'territorial',
    level: 'neighbourhood',
    parent: 'montreal',
    name: { fr: 'Hochelaga-Maisonneuve' },
    description: null,
  },
  { id: 'c-villeray', slug: 'villeray', kind: 'territorial', level: 'neighbourhood', parent: 'montreal', name: { fr: 'Villeray' }, description: null },
];

const base = { projectId: 'p-jardin', description: null, pledgeCount: 0 };
export const needs: Need[] = [
  {
    ...base,
    id: 'n-ateliers',
    category: 'human',
    unit: 'hours',
    title: { fr: 'Animer les ateliers de semis', en: 'Lead the seedling workshops' },
    description: { fr: 'Deux samedis matin au printemps, avec des familles du quartier.', en: 'Two Saturday mornings in spring, with families from the neighbourhood.' },
    status: 'open',
    wanted: 40,
    pledged: 12,
    pledgeCount: 4,
    skills: ['jardinage', 'animation', 'bonne humeur'],
    skillLabels: [
      { code: 'gardening', label: { fr: 'jardinage', en: 'gardening' } },
      { code: 'facilitation', label: { fr: 'animation', en: 'facilitation' } },
      // Typed by the organization: no code, French only.
      { label: { fr: 'bonne humeur' } },
    ],
    shift: null,
  },
  {
    ...base,
    id: 'n-corvee',
    category: 'human',
    unit: 'people',
    title: { fr: 'Corvée de printemps', en: 'Spring clean-up' },
    status: 'open',
    wanted: 10,
    pledged: 4,
    skills: [],
    shift: { startsAt: '2027-04-24T13:00:00Z', endsAt: '2027-04-24T17:00:00Z' },
    deadline: '2027-04-24',
  },
  {
    ...base,
    id: 'n-bacs',
    category: 'material',
    unit: { fr: 'bacs', en: 'planters' },
    title: { fr: 'Bacs de plantation en cèdre', en: 'Cedar planters' },
    status: 'open',
    wanted: 20,
    pledged: 5,
  },
  { ...base, id: 'n-pelles', category: 'material', unit: { fr: 'pelles', en: 'shovels' }, title: { fr: 'Pelles', en: 'Shovels' }, status: 'filled', wanted: 10, pledged: 10 },
  {
    ...base,
    id: 'n-semences',
    category: 'financial',
    currency: 'CAD',
    title: { fr: 'Semences et terreau', en: 'Seeds and soil' },
    status: 'open',
    wanted: 250_000,
    pledged: 87_500,
  },
];

export const jardin: ProjectDetail = {
  id: 'p-jardin',
  status: 'published',
  title: { fr: 'Jardin collectif Sainte-Marie', en: 'Sainte-Marie community garden' },
  summary: {
    fr: 'Un jardin partagé au cœur du quartier : des légumes pour la banque alimentaire et des ateliers pour les familles.',
    en: 'A shared garden in the heart of the neighbourhood: vegetables for the food bank and workshops for families.',
  },
  description: null,
  themes: ['agriculture', 'food_security'],
  communities: ['hochelaga-maisonneuve'],
  organization: organizations.jardins,
  image: { url: `${IMAGE_HOST}/jardin.svg`, alt: { fr: 'Des bacs de légumes dans une ruelle', en: 'Vegetable planters in a laneway' } },
  startsOn: '2027-04-01',
  endsOn: '2027-10-31',
  partners: [{ organization: organizations.caisse, role: 'funder' }],
  supporterCount: 37,
  crowdfunding: null,
  progress: {
    human: { needs: 2, filled: 0, ratio: 0.35 },
    material: { needs: 2, filled: 1, ratio: 0.625 },
    financial: { needs: 1, filled: 0, ratio: 0.35, wantedCents: 250_000, pledgedCents: 87_500 },
  },
  rejectionReason: null,
  url: `${NODE_URL}/projets/p-jardin`,
  createdAt: created,
  updatedAt: created,
  needs,
};

/** A project whose texts run long, in French only: for the layouts' worst case. */
export const longFrench: ProjectDetail = {
  ...jardin,
  id: 'p-long',
  title: { fr: 'Réaménagement participatif et intergénérationnel des ruelles vertes du secteur Maisonneuve–Sainte-Catherine Est' },
  summary: {
    fr: 'Les résidentes et résidents, les organismes communautaires et les commerçants s’associent pour transformer sept ruelles en espaces verts, sécuritaires et accessibles, avec des aménagements conçus lors d’ateliers de cocréation ouverts à toutes et à tous, y compris les personnes aînées et les jeunes du quartier.',
  },
  image: null,
  partners: [
    { organization: organizations.caisse, role: 'funder' },
    { organization: organizations.table, role: 'partner' },
  ],
  url: `${NODE_URL}/projets/p-long`,
  needs: needs.map((n) => ({ ...n, projectId: 'p-long', title: { fr: `${n.title.fr} (besoin prioritaire pour la première phase des travaux)` } })),
};

export const emptyProject: ProjectDetail = {
  ...jardin,
  id: 'p-vide',
  needs: [],
  progress: {
    human: { needs: 0, filled: 0, ratio: 0 },
    material: { needs: 0, filled: 0, ratio: 0 },
    financial: { needs: 0, filled: 0, ratio: 0, wantedCents: 0, pledgedCents: 0 },
  },
  partners: [],
  supporterCount: 0,
  url: `${NODE_URL}/projets/p-vide`,
};

const themes = ['culture', 'environment', 'inclusion', 'youth', 'seniors', 'health', 'mobility'] as const;
/** Enough projects for two pages of the list. */
export const projects: Project[] = [
  jardin,
  ...themes.map((theme, i): Project => ({
    ...jardin,
    id: `p-${theme}`,
    title: { fr: `Projet ${i + 2} : ${theme === 'culture' ? 'Murale de la ruelle Préfontaine' : `Initiative ${theme}`}`, en: `Project ${i + 2}` },
    themes: [theme],
    communities: [i % 2 ? 'villeray' : 'hochelaga-maisonneuve'],
    image: null,
    // Only the mural shares the garden's funder: the list by partner has something to leave out.
    partners: theme === 'culture' ? jardin.partners : [],
    url: `${NODE_URL}/projets/p-${theme}`,
    progress: { ...jardin.progress, human: { needs: 1, filled: 0, ratio: (i + 1) / 10 } },
  })),
].map(({ needs: _needs, ...p }: Project & { needs?: unknown }) => p);

/** A project whose money need waits until 25 people support it: 12 so far. */
export const serre: ProjectDetail = {
  ...jardin,
  id: 'p-serre',
  title: { fr: 'Serre pédagogique de l’école', en: 'School teaching greenhouse' },
  supporterCount: 12,
  crowdfunding: { threshold: 25, unlocked: false },
  url: `${NODE_URL}/projets/p-serre`,
  needs: needs.map((n) => ({ ...n, id: `${n.id}-serre`, projectId: 'p-serre' })),
};

/** The same project once 25 people support it: its money need is open. */
export const serreOpen: ProjectDetail = { ...serre, id: 'p-serre-ouverte', supporterCount: 26, crowdfunding: { threshold: 25, unlocked: true }, needs: serre.needs.map((n) => ({ ...n, id: `${n.id}-ouverte`, projectId: 'p-serre-ouverte' })) };

export const projectDetails: ProjectDetail[] = [jardin, longFrench, emptyProject, serre, serreOpen];

export function pledgeFor(need: Need, quantity: number): Pledge {
  return {
    id: `pl-${need.id}-${quantity}`,
    needId: need.id,
    projectId: need.projectId,
    category: need.category,
    quantity,
    // A public pledge waits for its emailed link (PLEDGE_HOLD_MINUTES) before it counts.
    status: 'held',
    createdAt: '2026-11-23T15:00:00Z',
    heldUntil: '2026-11-23T15:45:00Z',
    collection:
      need.category === 'financial'
        ? {
            method: 'promise',
            instructions: {
              fr: 'Les Jardins du Faubourg vous écriront d’ici trois jours pour convenir du don (chèque ou virement). Aucun paiement n’est demandé en ligne.',
              en: 'Les Jardins du Faubourg will write to you within three days to arrange the donation (cheque or transfer). No payment is asked online.',
            },
            url: null,
          }
        : null,
  };
}

/** Today in Montréal, and a day n days later, as YYYY-MM-DD. */
function dayFromToday(n: number) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
export const today = dayFromToday(0);
const at = (n: number, utc: string) => `${dayFromToday(n)}T${utc}:00Z`;

const eventBase = {
  organization: organizations.jardins,
  community: 'hochelaga-maisonneuve',
  projectId: 'p-jardin',
  timeZone: 'America/Toronto',
  link: null,
  capacity: null,
  registration: false,
  registeredCount: 0,
  status: 'scheduled',
} as const;
export const events: Event[] = [
  {
    ...eventBase,
    id: 'e-semis',
    title: { fr: 'Atelier de semis', en: 'Seedling workshop' },
    description: { fr: 'Apportez vos pots de yogourt : on sème tomates et basilic.', en: 'Bring your yogurt pots: we sow tomatoes and basil.' },
    category: 'workshop',
    startsAt: at(0, '22:30'),
    endsAt: at(0, '23:59'),
    place: { name: 'Chalet du parc Morgan', address: '1875, avenue Morgan, Montréal' },
    capacity: 20,
    registration: true,
    registeredCount: 12,
    url: `${NODE_URL}/evenements/e-semis`,
  },
  {
    ...eventBase,
    id: 'e-info',
    title: { fr: 'Séance d’information sur le jardin' },
    description: null,
    category: 'information_session',
    startsAt: at(2, '23:00'),
    endsAt: at(2, '23:59'),
    place: null,
    link: 'https://meet.perron.example/jardin',
    url: `${NODE_URL}/evenements/e-info`,
  },
  {
    ...eventBase,
    id: 'e-cocreation',
    organization: organizations.table,
    title: { fr: 'Journée de cocréation des ruelles vertes', en: 'Green laneways co-creation day' },
    description: null,
    category: 'co_creation',
    startsAt: at(9, '14:00'),
    endsAt: at(9, '21:00'),
    place: { name: 'Maison de la culture Maisonneuve', address: '4200, rue Ontario Est, Montréal' },
    capacity: 40,
    registration: true,
    registeredCount: 40,
    projectId: null,
    url: `${NODE_URL}/evenements/e-cocreation`,
  },
  {
    ...eventBase,
    id: 'e-reseau',
    organization: organizations.caisse,
    title: { fr: '5 à 7 des organismes', en: 'Community groups happy hour' },
    description: null,
    category: 'networking',
    startsAt: at(35, '21:00'),
    endsAt: at(35, '23:00'),
    place: { name: 'Centre Desjardins', address: '2800, rue Ontario Est, Montréal' },
    projectId: null,
    url: `${NODE_URL}/evenements/e-reseau`,
  },
];

export const contest: IdeaContest = {
  id: 'c-budget',
  title: { fr: 'Budget participatif 2027', en: 'Participatory budget 2027' },
  description: { fr: 'Proposez et appuyez des idées pour verdir le quartier.', en: 'Propose and support ideas to green the neighbourhood.' },
  community: 'hochelaga-maisonneuve',
  phases: [
    { phase: 'submission', startsOn: '2026-10-01', endsOn: '2026-10-31' },
    { phase: 'vote', startsOn: '2026-11-01', endsOn: '2026-12-15' },
    { phase: 'selection', startsOn: '2026-12-16', endsOn: '2027-01-15' },
    { phase: 'results', startsOn: '2027-01-16', endsOn: '2027-01-31' },
  ],
  currentPhase: 'vote',
  ideaCount: 3,
  votingClosedAt: null,
  results: null,
};

/** A contest taking ideas now: the idea form offers it. */
export const openContest: IdeaContest = {
  id: 'c-ruelles',
  title: { fr: 'Nos ruelles en 2027', en: 'Our laneways in 2027' },
  description: null,
  community: 'hochelaga-maisonneuve',
  phases: [
    { phase: 'submission', startsOn: '2026-11-15', endsOn: '2026-12-31' },
    { phase: 'vote', startsOn: '2027-01-05', endsOn: '2027-01-31' },
  ],
  currentPhase: 'submission',
  ideaCount: 0,
  votingClosedAt: null,
  results: null,
};

const ideaBase = { lang: 'fr', community: 'hochelaga-maisonneuve', status: 'published', projectId: null, createdAt: created } as const;
export const ideas: Idea[] = [
  {
    ...ideaBase,
    id: 'i-ruelle',
    title: 'Une ruelle verte rue Darling',
    description: 'Retirer l’asphalte, planter des vivaces et installer des bancs pour les voisines et voisins.',
    contestId: 'c-budget',
    supportCount: 42,
  },
  {
    ...ideaBase,
    id: 'i-fontaine',
    title: 'Des fontaines d’eau dans les parcs',
    description: 'Trois fontaines accessibles près des jeux d’eau.',
    contestId: 'c-budget',
    supportCount: 17,
  },
  {
    ...ideaBase,
    id: 'i-bike',
    lang: 'en',
    title: 'Bike racks at the metro',
    description: 'Covered bike racks at Joliette and Pie-IX stations.',
    contestId: 'c-budget',
    supportCount: 1,
  },
  {
    ...ideaBase,
    id: 'i-frigo',
    title: 'Un frigo communautaire',
    description: 'Un frigo partagé devant le centre communautaire pour réduire le gaspillage.',
    contestId: null,
    supportCount: 8,
  },
];

/** The resource directory, as the node's HSDS 3 API answers: French, with the English beside it for the mocks' `lang=en`. */
const hsdsService = (
  n: number,
  o: { fr: string; en: string; descFr: string; descEn: string; languages: string[]; byday: string; opens: string; closes: string; fee: string | null; status?: string; audienceFr?: string; audienceEn?: string },
) => {
  const id = `0000000${n}-0000-4000-8000-00000000000${n}`;
  const make = (lang: 'fr' | 'en'): HsdsService => ({
    id,
    organization_id: '00000000-0000-5000-8000-0000000000aa',
    name: lang === 'fr' ? o.fr : o.en,
    description: lang === 'fr' ? o.descFr : o.descEn,
    status: o.status ?? 'active',
    ...(o.audienceFr ? { eligibility_description: lang === 'fr' ? o.audienceFr : o.audienceEn } : {}),
    ...(o.fee ? { fees_description: o.fee } : {}),
    url: `https://services.example/${n}`,
    email: `service${n}@example.org`,
    phones: [{ id: `${id}-p`, number: '514 555-0100' }],
    schedules: [{ id: `${id}-s`, freq: 'WEEKLY', byday: o.byday, opens_at: o.opens, closes_at: o.closes }],
    languages: o.languages.map((code) => ({ id: `${id}-${code}`, code, name: code })),
    service_at_locations: [
      {
        id: `${id}-sal`,
        location: { id: `${id}-l`, location_type: 'physical', name: 'Carrefour', addresses: [{ id: `${id}-a`, address_1: '1611, rue Dézéry', city: 'Montréal', state_province: 'QC', postal_code: 'H1W 2R8', country: 'CA', address_type: 'physical' }] },
      },
    ],
    cost_options: o.fee ? [] : [{ id: `${id}-c`, option: 'free', amount: 0, currency: 'CAD' }],
    organization: { id: '00000000-0000-5000-8000-0000000000aa', name: organizations.table.name, description: 'Table de quartier' },
  });
  return { fr: make('fr'), en: make('en') };
};

export const directory = [
  hsdsService(1, { fr: 'Comptoir alimentaire', en: 'Food bank', descFr: 'Des denrées chaque semaine.', descEn: 'Groceries every week.', languages: ['fr', 'en', 'es'], byday: 'TU,TH', opens: '13:00', closes: '16:30', fee: null, audienceFr: 'Familles du quartier', audienceEn: 'Families of the neighbourhood' }),
  hsdsService(2, { fr: 'Clinique d’impôts', en: 'Tax clinic', descFr: 'Des bénévoles remplissent vos déclarations.', descEn: 'Volunteers fill in your tax returns.', languages: ['fr', 'ar'], byday: 'MO', opens: '09:00', closes: '12:00', fee: null }),
  hsdsService(3, { fr: 'Halte-garderie', en: 'Drop-in daycare', descFr: 'Trois heures de répit pour les parents.', descEn: 'Three hours of respite for parents.', languages: ['fr'], byday: 'WE,FR', opens: '09:00', closes: '12:00', fee: '5 $ la demi-journée', status: 'temporarily closed' }),
];

/**
 * Services that could also answer the garden's needs, by need and language (the node's
 * `/v1/service-suggestions`): this node's own, with and without an address, and one from an imported directory.
 */
export const serviceSuggestions: Record<'fr' | 'en', Record<string, SuggestedService[]>> = {
  fr: {
    'n-ateliers': [
      { id: '0000000a-0000-4000-8000-00000000000a', name: 'Jardins collectifs', description: 'Des ateliers de jardinage pour tous.', lang: 'fr', organization: { name: 'Entraide Hochelaga' }, url: 'https://entraide.example.org/jardins' },
      { id: '0000000b-0000-4000-8000-00000000000b', name: 'Conseils en horticulture', description: null, lang: 'fr', organization: { name: 'Réseau régional' }, url: 'https://region.example.org/conseils', origin: 'https://211.region.example.org/hsds' },
    ],
    'n-semences': [{ id: '0000000c-0000-4000-8000-00000000000c', name: 'Grainothèque', description: 'Des semences à échanger.', lang: 'fr', organization: { name: organizations.table.name }, url: null }],
  },
  en: {
    'n-ateliers': [
      { id: '0000000a-0000-4000-8000-00000000000a', name: 'Community gardens', description: 'Gardening workshops for everyone.', lang: 'en', organization: { name: 'Hochelaga Mutual Aid' }, url: 'https://entraide.example.org/jardins' },
      { id: '0000000b-0000-4000-8000-00000000000b', name: 'Conseils en horticulture', description: null, lang: 'fr', organization: { name: 'Réseau régional' }, url: 'https://region.example.org/conseils', origin: 'https://211.region.example.org/hsds' },
    ],
    'n-semences': [{ id: '0000000c-0000-4000-8000-00000000000c', name: 'Grainothèque', description: 'Des semences à échanger.', lang: 'fr', organization: { name: organizations.table.name }, url: null }],
  },
};

/** A caisse's impact over a year: months with and without contributions. */
export const impact: Impact = {
  community: null,
  partner: organizations.caisse.slug,
  from: '2025-12-01',
  to: '2026-11-30',
  volunteers: 48,
  hours: 1234,
  materials: { pledges: 17, items: 260 },
  money: { cents: 1_254_000, currency: 'CAD' },
  projectsCompleted: 3,
  months: ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((month, i) => ({
    month,
    pledges: [4, 0, 2, 6, 9, 12, 7, 3, 0, 8, 14, 11][i]!,
    hours: [10, 0, 6, 40, 80, 150, 90, 30, 0, 120, 400, 308][i]!,
    moneyCents: [0, 0, 5000, 20000, 150000, 300000, 0, 0, 0, 250000, 400000, 129000][i]!,
  })),
};
