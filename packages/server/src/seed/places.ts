import type { Community, LocalizedText, OrganizationKind } from '@perron/contract';
import { DEMO_COMMUNITIES as C, DEMO_ORGANIZATIONS as O } from './demo-ids.ts';

export interface DemoCommunity {
  slug: string;
  kind: Community['kind'];
  level: Community['level'];
  parent: string | null;
  name: LocalizedText;
  description: LocalizedText | null;
}

const place = (slug: string, level: DemoCommunity['level'], parent: string | null, fr: string, en: string, description: LocalizedText | null = null): DemoCommunity => ({
  slug,
  kind: 'territorial',
  level,
  parent,
  name: fr === en ? { fr } : { fr, en },
  description,
});

/** Parents before children. */
export const COMMUNITIES: DemoCommunity[] = [
  place(C.montreal, 'city', null, 'Montréal', 'Montréal', {
    fr: 'La ville et ses 19 arrondissements : les projets de quartier de toute l’île.',
    en: 'The city and its 19 boroughs: neighbourhood projects from across the island.',
  }),
  place(C.hochelagaMaisonneuve, 'borough', C.montreal, 'Hochelaga-Maisonneuve', 'Hochelaga-Maisonneuve', {
    fr: 'Un quartier ouvrier de l’est, fier de ses ruelles, de ses marchés et de sa vie communautaire.',
    en: 'A working-class east-end district, proud of its alleys, its markets and its community life.',
  }),
  place(C.hochelaga, 'neighbourhood', C.hochelagaMaisonneuve, 'Hochelaga', 'Hochelaga'),
  place(C.viauville, 'neighbourhood', C.hochelagaMaisonneuve, 'Viauville', 'Viauville'),
  place(C.villerayBorough, 'borough', C.montreal, 'Villeray–Saint-Michel–Parc-Extension', 'Villeray–Saint-Michel–Parc-Extension', {
    fr: 'L’un des arrondissements les plus diversifiés du Québec, autour du parc Jarry.',
    en: 'One of the most diverse boroughs in Québec, around Jarry Park.',
  }),
  place(C.villeray, 'neighbourhood', C.villerayBorough, 'Villeray', 'Villeray'),
  place(C.parcExtension, 'neighbourhood', C.villerayBorough, 'Parc-Extension', 'Park Extension'),
  place(C.saintMichel, 'neighbourhood', C.villerayBorough, 'Saint-Michel', 'Saint-Michel'),
  place(C.coteDesNeigesBorough, 'borough', C.montreal, 'Côte-des-Neiges–Notre-Dame-de-Grâce', 'Côte-des-Neiges–Notre-Dame-de-Grâce', {
    fr: 'Le plus populeux des arrondissements, entre l’Oratoire, les universités et NDG.',
    en: 'The most populous borough, between the Oratory, the universities and NDG.',
  }),
  place(C.coteDesNeiges, 'neighbourhood', C.coteDesNeigesBorough, 'Côte-des-Neiges', 'Côte-des-Neiges'),
  place(C.notreDameDeGrace, 'neighbourhood', C.coteDesNeigesBorough, 'Notre-Dame-de-Grâce', 'Notre-Dame-de-Grâce'),
  place(C.plateau, 'borough', C.montreal, 'Le Plateau-Mont-Royal', 'Le Plateau-Mont-Royal', {
    fr: 'Escaliers extérieurs, ruelles vertes et commerces de proximité.',
    en: 'Outdoor staircases, green alleys and local shops.',
  }),
  place(C.mileEnd, 'neighbourhood', C.plateau, 'Mile End', 'Mile End'),
  {
    slug: C.agricultureUrbaine,
    kind: 'interest',
    level: null,
    parent: null,
    name: { fr: 'Agriculture urbaine', en: 'Urban agriculture' },
    description: {
      fr: 'Jardins collectifs, serres, ruches et compost : celles et ceux qui font pousser la ville.',
      en: 'Community gardens, greenhouses, beehives and compost: the people who grow the city.',
    },
  },
];

export interface DemoOrganization {
  slug: string;
  name: string;
  /** Its English name, for the few that have one (Côte-des-Neiges lives in both languages). */
  nameEn?: string;
  kind: OrganizationKind;
  description: LocalizedText;
  website: string | null;
  communities: string[];
}

export const ORGANIZATIONS: DemoOrganization[] = [
  {
    slug: O.tableHochelaga,
    name: 'Table de quartier Hochelaga-Maisonneuve',
    kind: 'neighbourhood_table',
    description: {
      fr: 'La concertation des organismes, des citoyennes et des citoyens du quartier pour améliorer la vie de toutes et tous.',
      en: "Where the neighbourhood's organizations and residents work together to improve life for everyone.",
    },
    website: 'https://example.org/table-hochelaga',
    communities: [C.hochelagaMaisonneuve],
  },
  {
    slug: O.carrefourVilleray,
    name: 'Carrefour communautaire Villeray',
    kind: 'community_organization',
    description: {
      fr: 'Loisirs, entraide et fêtes de ruelle pour les familles de Villeray depuis 1978.',
      en: 'Recreation, mutual aid and alley parties for Villeray families since 1978.',
    },
    website: 'https://example.org/carrefour-villeray',
    communities: [C.villeray, C.villerayBorough],
  },
  {
    slug: O.accueilParcEx,
    name: 'Accueil Parc-Extension',
    kind: 'community_organization',
    description: {
      fr: 'Accueil, francisation et sécurité alimentaire pour les familles nouvellement arrivées.',
      en: 'Welcome, French classes and food security for newcomer families.',
    },
    website: 'https://example.org/accueil-parc-ex',
    communities: [C.parcExtension],
  },
  {
    slug: O.maisonCdn,
    name: 'Maison de quartier Côte-des-Neiges',
    nameEn: 'Côte-des-Neiges Neighbourhood House',
    kind: 'community_organization',
    description: {
      fr: 'Un lieu de rencontre intergénérationnel : aide aux devoirs, ateliers pour aînés, cuisine collective.',
      en: 'An intergenerational meeting place: homework help, workshops for seniors, community kitchen.',
    },
    website: 'https://example.org/maison-cdn',
    communities: [C.coteDesNeigesBorough],
  },
  {
    slug: O.cooperativeVerte,
    name: 'Coopérative Verte',
    kind: 'social_economy',
    description: {
      fr: 'Coopérative de solidarité en agriculture urbaine : jardins, serres et formations.',
      en: 'A solidarity co-operative for urban agriculture: gardens, greenhouses and training.',
    },
    website: 'https://example.org/cooperative-verte',
    communities: [C.agricultureUrbaine, C.plateau],
  },
  {
    slug: O.ressourcerie,
    name: 'Ressourcerie du Plateau',
    kind: 'social_economy',
    description: {
      fr: 'Entreprise d’économie sociale : réemploi, réparation et insertion en emploi.',
      en: 'A social-economy enterprise: reuse, repair and work integration.',
    },
    website: 'https://example.org/ressourcerie-plateau',
    communities: [C.plateau],
  },
  {
    slug: O.caisse,
    name: 'Caisse du Centre',
    kind: 'funder',
    description: {
      fr: 'Caisse coopérative qui soutient les projets de son milieu par son fonds d’aide au développement.',
      en: 'A co-operative caisse that supports local projects through its community development fund.',
    },
    website: 'https://example.org/caisse-du-centre',
    communities: [C.montreal],
  },
  {
    slug: O.quincaillerie,
    name: 'Quincaillerie Ontario',
    kind: 'business',
    description: {
      fr: 'Quincaillerie familiale de la rue Ontario, partenaire des corvées du quartier.',
      en: 'A family hardware store on Ontario Street, a partner of neighbourhood work bees.',
    },
    website: null,
    communities: [C.hochelagaMaisonneuve],
  },
];
