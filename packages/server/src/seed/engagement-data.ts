import type { EventCategory, LocalizedText } from '@perron/contract';

// The demo's events, contests and ideas, as data; engagement.ts loads them.
/** The demo's events, ideas and contests, by the ids tests and examples use. */
export const DEMO_EVENTS = {
  corveeRuelle: 'evt_corvee-ruelle',
  seanceJardins: 'evt_seance-jardins-collectifs',
  formationBenevoles: 'evt_formation-benevoles',
  reseautagePlateau: 'evt_5-a-7-plateau',
  atelierCompost: 'evt_atelier-compost',
  cocreationAccueil: 'evt_cocreation-accueil',
  webinaireNumerique: 'evt_webinaire-numerique',
  formationFinancement: 'evt_formation-financement',
  assembleeQuartier: 'evt_assemblee-quartier',
  cafeReparation: 'evt_cafe-reparation',
  cocreationRuelles: 'evt_cocreation-ruelles-vertes',
  cafeAines: 'evt_cafe-rencontre-aines',
} as const;

export const DEMO_CONTESTS = {
  /** In its vote phase today. */
  open: 'contest_budget-participatif-hochelaga',
  /** Its submission phase starts in three weeks. */
  upcoming: 'contest_ruelles-vertes',
  /** Over: its ideas are selected or not. */
  closed: 'contest_places-publiques-plateau',
} as const;

export const DEMO_IDEAS = {
  frigoPartage: 'idea_frigo-partage',
  bibliothequeOutils: 'idea_bibliotheque-outils',
  patinoireRuelle: 'idea_patinoire-ruelle',
  ateliersNumeriques: 'idea_ateliers-numeriques-aines',
  serreCommunautaire: 'idea_serre-communautaire',
  ruchesToits: 'idea_ruches-toits',
  jeuxParc: 'idea_modules-jeux-parc',
  fontainesEau: 'idea_fontaines-eau',
  bancsOmbre: 'idea_bancs-ombre',
  murales: 'idea_murales-jeunes',
  ruelleVerte: 'idea_ruelle-verte-mile-end',
  ruelleMarche: 'idea_marche-ruelle',
} as const;

export interface DemoEvent {
  id: string;
  community: string;
  /** Who runs it: these organizations by preference, else one of these kinds in its community. */
  by: string[];
  kinds: string[];
  category: EventCategory;
  title: LocalizedText;
  description: LocalizedText;
  /** Days from today, local start and end time. */
  day: number;
  from: string;
  to: string;
  place?: { name: string; address: string };
  link?: string;
  capacity?: number;
  registration?: boolean;
  /** Seats already taken, by demo people. */
  registered?: number;
  /** The project it belongs to, when the demo has it. */
  project?: string;
}

export const EVENTS: DemoEvent[] = [
  {
    id: DEMO_EVENTS.corveeRuelle,
    community: 'villeray-saint-michel-parc-extension',
    by: ['carrefour-villeray'],
    kinds: ['community_organization', 'neighbourhood_table'],
    category: 'co_creation',
    title: { fr: 'Corvée de la ruelle : on monte la patinoire', en: 'Alley work bee: building the skating rink' },
    description: {
      fr: 'Pelles, bandes de bois et bonne humeur : on monte ensemble la patinoire de la ruelle avant les grands froids. Chocolat chaud offert. Apportez vos gants.',
      en: "Shovels, wooden boards and good spirits: let's build the alley rink together before the deep freeze. Hot chocolate provided. Bring your gloves.",
    },
    day: 4,
    from: '10:00',
    to: '13:00',
    place: { name: 'Ruelle Henri-Julien', address: 'Ruelle entre Henri-Julien et De Gaspé, au nord de Jarry, Montréal, QC' },
    capacity: 25,
    registration: true,
    registered: 9,
    project: 'prj_patinoire-ruelle',
  },
  {
    id: DEMO_EVENTS.seanceJardins,
    community: 'agriculture-urbaine',
    by: ['cooperative-verte'],
    kinds: ['social_economy', 'community_organization'],
    category: 'information_session',
    title: { fr: 'Séance d’information : les jardins collectifs en {next}', en: 'Information session: community gardens in {next}' },
    description: {
      fr: 'Comment obtenir une parcelle, rejoindre un jardin collectif ou en démarrer un dans votre quartier. Période de questions avec les animatrices horticoles.',
      en: 'How to get a plot, join a collective garden or start one in your neighbourhood. Questions with the garden coordinators.',
    },
    day: 9,
    from: '18:30',
    to: '20:00',
    place: { name: 'Maison de la culture Maisonneuve', address: '4200, rue Ontario Est, Montréal, QC H1V 1K1' },
  },
  {
    id: DEMO_EVENTS.formationBenevoles,
    community: 'villeray-saint-michel-parc-extension',
    by: ['carrefour-villeray'],
    kinds: ['community_organization'],
    category: 'training',
    title: { fr: 'Formation des bénévoles : hygiène et salubrité alimentaires', en: 'Volunteer training: food hygiene and safety' },
    description: {
      fr: 'Trois heures pour servir en toute sécurité à la cuisine collective et au dépannage alimentaire. Attestation remise à la fin.',
      en: 'Three hours to serve safely at the community kitchen and the food bank. A certificate is given at the end.',
    },
    day: 12,
    from: '09:00',
    to: '12:00',
    place: { name: 'Centre communautaire Saint-Michel', address: '7501, rue François-Perrault, Montréal, QC H2A 1M1' },
    capacity: 20,
    registration: true,
    registered: 14,
  },
  {
    id: DEMO_EVENTS.reseautagePlateau,
    community: 'plateau-mont-royal',
    by: ['ressourcerie-du-plateau'],
    kinds: ['neighbourhood_table', 'community_organization'],
    category: 'networking',
    title: { fr: '5 à 7 des organismes du Plateau', en: 'Plateau community organizations’ 5 à 7' },
    description: {
      fr: 'Une soirée pour se rencontrer entre organismes, commerçants et citoyens engagés du Plateau. Bouchées des traiteurs du quartier.',
      en: 'An evening to meet other organizations, merchants and engaged residents of the Plateau. Food from neighbourhood caterers.',
    },
    day: 15,
    from: '17:00',
    to: '19:00',
    place: { name: 'Espace La Fontaine', address: '3933, avenue du Parc-La Fontaine, Montréal, QC H2L 0C7' },
    capacity: 60,
    registration: true,
    registered: 23,
  },
  {
    id: DEMO_EVENTS.atelierCompost,
    community: 'hochelaga-maisonneuve',
    by: ['cooperative-verte'],
    kinds: ['social_economy', 'community_organization'],
    category: 'workshop',
    title: { fr: 'Atelier : composter en appartement', en: 'Workshop: composting in an apartment' },
    description: {
      fr: 'Vermicompost, bac de cuisine, ce qui va et ne va pas au compost : repartez avec votre lombricomposteur (places limitées).',
      en: 'Worm bins, kitchen caddies, what goes in the compost and what does not: leave with your own worm bin (limited places).',
    },
    day: 18,
    from: '13:30',
    to: '15:30',
    place: { name: 'Bibliothèque Maisonneuve', address: '4120, rue Ontario Est, Montréal, QC H1V 1J9' },
    capacity: 12,
    registration: true,
    // nearly full: one place left
    registered: 11,
  },
  {
    id: DEMO_EVENTS.cocreationAccueil,
    community: 'cote-des-neiges-notre-dame-de-grace',
    by: ['maison-de-quartier-cdn'],
    kinds: ['community_organization', 'neighbourhood_table'],
    category: 'co_creation',
    title: { fr: 'Journée de co-création : mieux accueillir les personnes nouvellement arrivées', en: 'Co-creation day: welcoming newcomers better' },
    description: {
      fr: 'Organismes, personnes immigrantes et employeurs imaginent ensemble des solutions concrètes pour l’accueil, l’emploi et le logement. Dîner offert, halte-garderie sur place.',
      en: 'Organizations, immigrants and employers design concrete solutions for welcome, jobs and housing together. Lunch provided, childcare on site.',
    },
    day: 22,
    from: '09:30',
    to: '16:00',
    place: { name: 'Centre communautaire de Côte-des-Neiges', address: '5347, chemin de la Côte-des-Neiges, Montréal, QC H3T 1Y4' },
    capacity: 80,
    registration: true,
    registered: 41,
  },
  {
    id: DEMO_EVENTS.webinaireNumerique,
    community: 'montreal',
    by: ['table-hochelaga'],
    kinds: ['neighbourhood_table', 'community_organization'],
    category: 'information_session',
    title: { fr: 'Webinaire : le numérique au service des organismes communautaires', en: 'Webinar: digital tools for community organizations' },
    description: {
      fr: 'Les résultats de l’inventaire des besoins numériques des organismes, et des outils libres pour le site web, l’infolettre et la gestion des bénévoles.',
      en: 'The findings of the inventory of community organizations’ digital needs, and free tools for websites, newsletters and volunteer management.',
    },
    day: 26,
    from: '12:00',
    to: '13:00',
    link: 'https://meet.jit.si/perron-numerique-communautaire',
  },
  {
    id: DEMO_EVENTS.formationFinancement,
    community: 'montreal',
    by: ['caisse-du-centre'],
    kinds: ['funder', 'public_body'],
    category: 'training',
    title: { fr: 'Formation en ligne : rédiger une demande de financement', en: 'Online training: writing a funding application' },
    description: {
      fr: 'Budget, indicateurs, lettres d’appui : les conseils d’une caisse qui finance des projets de quartier. Pour les organismes et les comités citoyens.',
      en: 'Budget, indicators, support letters: advice from a caisse that funds neighbourhood projects. For organizations and residents’ committees.',
    },
    day: 30,
    from: '10:00',
    to: '11:30',
    link: 'https://meet.jit.si/perron-demande-financement',
    capacity: 100,
    registration: true,
    registered: 37,
  },
  {
    id: DEMO_EVENTS.assembleeQuartier,
    community: 'hochelaga-maisonneuve',
    by: ['table-hochelaga'],
    kinds: ['neighbourhood_table', 'community_organization'],
    category: 'information_session',
    title: { fr: 'Assemblée de quartier : priorités {next}', en: 'Neighbourhood assembly: {next} priorities' },
    description: {
      fr: 'Sécurité alimentaire, logement, verdissement : venez choisir les priorités de la table de quartier pour la prochaine année. Interprétation en anglais et en espagnol.',
      en: "Food security, housing, greening: come and choose the neighbourhood table's priorities for next year. Interpretation in English and Spanish.",
    },
    day: 35,
    from: '18:30',
    to: '21:00',
    place: { name: 'Église Très-Saint-Nom-de-Jésus', address: '4215, rue Adam, Montréal, QC H1V 1S8' },
  },
  {
    id: DEMO_EVENTS.cafeReparation,
    community: 'plateau-mont-royal',
    by: ['ressourcerie-du-plateau'],
    kinds: ['social_economy', 'community_organization'],
    category: 'workshop',
    title: { fr: 'Café réparation', en: 'Repair café' },
    description: {
      fr: 'Grille-pain, vélos, vêtements, lampes : des bénévoles vous aident à réparer vos objets plutôt que de les jeter.',
      en: 'Toasters, bikes, clothes, lamps: volunteers help you fix your things instead of throwing them away.',
    },
    day: 40,
    from: '13:00',
    to: '17:00',
    place: { name: 'Centre du Plateau', address: '2275, boulevard Saint-Joseph Est, Montréal, QC H2H 1G4' },
    project: 'prj_cafe-reparation',
  },
  {
    id: DEMO_EVENTS.cocreationRuelles,
    community: 'agriculture-urbaine',
    by: ['cooperative-verte'],
    kinds: ['community_organization', 'social_economy'],
    category: 'co_creation',
    title: { fr: 'Atelier de co-création : les ruelles vertes de {next}', en: 'Co-creation workshop: the green alleys of {next}' },
    description: {
      fr: 'Plans, semences, bacs : dessinons ensemble les ruelles vertes de l’an prochain avant l’appel d’idées.',
      en: "Plans, seeds, planters: let's design next year's green alleys together before the call for ideas.",
    },
    day: 47,
    from: '18:00',
    to: '20:30',
    place: { name: 'Maison de quartier Villeray', address: '660, rue Villeray, Montréal, QC H2R 1J1' },
    capacity: 30,
    registration: true,
    registered: 6,
  },
  {
    id: DEMO_EVENTS.cafeAines,
    community: 'villeray-saint-michel-parc-extension',
    by: ['carrefour-villeray'],
    kinds: ['community_organization'],
    category: 'networking',
    title: { fr: 'Café-rencontre des aînés', en: 'Seniors’ coffee meetup' },
    description: {
      fr: 'Un café, des jeux et de la compagnie, chaque mois. Bienvenue aux proches aidants.',
      en: 'Coffee, games and company, every month. Caregivers welcome.',
    },
    day: 53,
    from: '14:00',
    to: '16:00',
    place: { name: 'Bibliothèque de Parc-Extension', address: '421, rue Saint-Roch, Montréal, QC H3N 1K2' },
  },
];

export interface DemoContest {
  id: string;
  community: string;
  title: LocalizedText;
  description: LocalizedText;
  /** Each phase as [first day, last day] relative to today. */
  phases: Record<'submission' | 'vote' | 'selection' | 'results', [number, number]>;
}

export const CONTESTS: DemoContest[] = [
  {
    id: DEMO_CONTESTS.open,
    community: 'hochelaga-maisonneuve',
    title: { fr: 'Budget participatif d’Hochelaga-Maisonneuve', en: 'Hochelaga-Maisonneuve participatory budget' },
    description: {
      fr: '150 000 $ pour les idées des résidentes et résidents : votez pour celles que vous voulez voir réalisées dans le quartier.',
      en: '$150,000 for residents’ ideas: vote for the ones you want to see happen in the neighbourhood.',
    },
    phases: { submission: [-35, -8], vote: [-7, 14], selection: [15, 28], results: [29, 60] },
  },
  {
    id: DEMO_CONTESTS.upcoming,
    community: 'villeray-saint-michel-parc-extension',
    title: { fr: 'Appel d’idées : ruelles vertes {next}', en: 'Call for ideas: green alleys {next}' },
    description: {
      fr: 'Proposez la ruelle à verdir et ce que vous y feriez ; les voisins votent ensuite pour les projets retenus.',
      en: 'Propose the alley to green and what you would do there; neighbours then vote for the projects.',
    },
    phases: { submission: [21, 60], vote: [61, 80], selection: [81, 95], results: [96, 130] },
  },
  {
    id: DEMO_CONTESTS.closed,
    community: 'plateau-mont-royal',
    title: { fr: 'Verdir et animer le Plateau', en: 'Greening the Plateau' },
    description: {
      fr: 'Les idées des résidents pour verdir les ruelles et animer les rues du Plateau ; les idées retenues deviennent des projets.',
      en: "Residents' ideas to green the Plateau's alleys and bring its streets to life; the ideas chosen become projects.",
    },
    phases: { submission: [-240, -210], vote: [-209, -190], selection: [-189, -175], results: [-174, -150] },
  },
];

export interface DemoIdea {
  id: string;
  community: string;
  contest?: string;
  status: 'published' | 'selected' | 'not_selected';
  lang: 'fr' | 'en';
  title: string;
  description: string;
  author: string;
  /** Days ago it was proposed. */
  age: number;
  votes: number;
  /** Votes cast but not confirmed yet: not counted. */
  pending?: number;
  /** The project a selected idea became, when the demo has it. */
  project?: string;
}

export const IDEAS: DemoIdea[] = [
  {
    id: DEMO_IDEAS.frigoPartage,
    community: 'hochelaga-maisonneuve',
    contest: DEMO_CONTESTS.open,
    status: 'published',
    lang: 'fr',
    title: 'Un frigo partagé devant la bibliothèque',
    description: 'Un réfrigérateur communautaire ouvert 24 h sur 24 où commerçants et voisins déposent les surplus, entretenu par des bénévoles du quartier.',
    author: 'Mélanie Gagnon',
    age: 30,
    votes: 27,
    pending: 3,
  },
  {
    id: DEMO_IDEAS.bibliothequeOutils,
    community: 'hochelaga-maisonneuve',
    contest: DEMO_CONTESTS.open,
    status: 'published',
    lang: 'fr',
    title: 'Une bibliothèque d’outils',
    description: 'Emprunter une perceuse, une échelle ou une scie plutôt que de l’acheter : un local, un inventaire en ligne et des ateliers pour apprendre à s’en servir.',
    author: 'Karim Benali',
    age: 26,
    votes: 19,
    pending: 1,
  },
  {
    id: DEMO_IDEAS.serreCommunautaire,
    community: 'hochelaga-maisonneuve',
    contest: DEMO_CONTESTS.open,
    status: 'published',
    lang: 'fr',
    title: 'Une serre communautaire quatre saisons',
    description: 'Une serre chauffée par la récupération de chaleur de l’aréna, pour cultiver des légumes l’hiver avec les écoles et la cuisine collective.',
    author: 'Sophie Lavoie',
    age: 22,
    votes: 14,
  },
  {
    id: DEMO_IDEAS.jeuxParc,
    community: 'hochelaga-maisonneuve',
    contest: DEMO_CONTESTS.open,
    status: 'published',
    lang: 'en',
    title: 'Accessible play structures in Morgan Park',
    description: 'Replace the old play structures with ones that children in wheelchairs can use too, with shade and benches for parents.',
    author: 'Priya Raman',
    age: 18,
    votes: 11,
  },
  {
    id: DEMO_IDEAS.fontainesEau,
    community: 'hochelaga-maisonneuve',
    contest: DEMO_CONTESTS.open,
    status: 'published',
    lang: 'fr',
    title: 'Des fontaines d’eau sur la Promenade Ontario',
    description: 'Trois fontaines à remplissage de bouteilles le long de la rue Ontario, pour les marcheurs, les cyclistes et les commerçants.',
    author: 'Jean-François Roy',
    age: 12,
    votes: 6,
  },
  {
    id: DEMO_IDEAS.patinoireRuelle,
    community: 'villeray-saint-michel-parc-extension',
    status: 'published',
    lang: 'fr',
    title: 'Une patinoire dans chaque ruelle qui le veut',
    description: 'Prêter les bandes, les boyaux et les pelles aux comités de ruelle, et former des bénévoles pour l’arrosage de nuit.',
    author: 'Louis Bergeron',
    age: 20,
    votes: 16,
    pending: 2,
  },
  {
    id: DEMO_IDEAS.ateliersNumeriques,
    community: 'cote-des-neiges-notre-dame-de-grace',
    status: 'published',
    lang: 'en',
    title: 'Digital skills workshops for seniors, in their language',
    description: 'Weekly drop-in help with phones, video calls and online forms, given by young volunteers in French, English, Tagalog and Spanish.',
    author: 'Maria Santos',
    age: 15,
    votes: 22,
  },
  {
    id: DEMO_IDEAS.ruchesToits,
    community: 'agriculture-urbaine',
    status: 'published',
    lang: 'fr',
    title: 'Des ruches sur les toits des écoles',
    description: 'Installer des ruches sur trois toits d’écoles primaires, avec une apicultrice qui anime des ateliers pour les élèves.',
    author: 'Camille Fortin',
    age: 9,
    votes: 8,
  },
  {
    id: DEMO_IDEAS.murales,
    community: 'plateau-mont-royal',
    status: 'published',
    lang: 'fr',
    title: 'Des murales peintes par les jeunes du quartier',
    description: 'Un été de murales sur les murs aveugles des ruelles, conçues et peintes par les jeunes de la maison des jeunes avec des artistes.',
    author: 'Noah Tremblay',
    age: 4,
    votes: 3,
  },
  {
    id: DEMO_IDEAS.ruelleVerte,
    community: 'plateau-mont-royal',
    contest: DEMO_CONTESTS.closed,
    status: 'selected',
    lang: 'fr',
    title: 'Une ruelle verte dans le Mile End',
    description: 'Remplacer l’asphalte par des plates-bandes et des arbres fruitiers, avec les voisins qui s’engagent à les entretenir.',
    author: 'Élise Côté',
    age: 230,
    votes: 34,
    project: 'prj_ruelle-verte-mile-end',
  },
  {
    id: DEMO_IDEAS.bancsOmbre,
    community: 'plateau-mont-royal',
    contest: DEMO_CONTESTS.closed,
    status: 'selected',
    lang: 'en',
    title: 'Shaded benches on Mont-Royal Avenue',
    description: 'Benches with shade sails every two blocks, so that older people can rest on hot days.',
    author: 'David Cohen',
    age: 225,
    votes: 25,
  },
  {
    id: DEMO_IDEAS.ruelleMarche,
    community: 'plateau-mont-royal',
    contest: DEMO_CONTESTS.closed,
    status: 'not_selected',
    lang: 'fr',
    title: 'Un marché de ruelle le samedi',
    description: 'Un petit marché de producteurs dans une ruelle différente chaque samedi matin.',
    author: 'Annie Pelletier',
    age: 220,
    votes: 12,
  },
];
