import type { LocalizedText, NeedCategory, Project, ProjectStatus, Theme } from '@perron/contract';

type PartnerRole = Project['partners'][number]['role'];
import { DEMO_COMMUNITIES as C, DEMO_NEEDS as N, DEMO_ORGANIZATIONS as O, DEMO_PROJECTS as P } from './demo-ids.ts';

export interface DemoNeed {
  id: string;
  category: NeedCategory;
  unit?: 'hours' | 'people';
  unitLabel?: LocalizedText;
  title: LocalizedText;
  description?: LocalizedText;
  /** In the need's unit: people, hours, items or cents. */
  wanted: number;
  /** Made of demo pledges that add up to it. */
  pledged: number;
  /** Codes of the skills taxonomy (migration 200): the demo shows no French words on English pages. */
  skills?: string[];
  /** Days from today, local start time, length in hours. */
  shift?: { day: number; at: string; hours: number };
  /** Days from today: the day by which it is needed. */
  deadline?: number;
  closed?: boolean;
}

export interface DemoProject {
  id: string;
  organization: string;
  status: ProjectStatus;
  communities: string[];
  themes: Theme[];
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  /** Days from today. */
  starts: number;
  ends: number;
  /** Days ago; the list is newest first. */
  created: number;
  partners?: [string, PartnerRole][];
  crowdfundingThreshold?: number;
  rejectionReason?: string;
  needs: DemoNeed[];
}

const people = (id: string, title: LocalizedText, wanted: number, pledged: number, more: Partial<DemoNeed> = {}): DemoNeed => ({ id, category: 'human', unit: 'people', title, wanted, pledged, ...more });
const hours = (id: string, title: LocalizedText, wanted: number, pledged: number, more: Partial<DemoNeed> = {}): DemoNeed => ({ id, category: 'human', unit: 'hours', title, wanted, pledged, ...more });
const items = (id: string, title: LocalizedText, unitLabel: LocalizedText, wanted: number, pledged: number, more: Partial<DemoNeed> = {}): DemoNeed => ({ id, category: 'material', unitLabel, title, wanted, pledged, ...more });
/** Amounts in dollars here, in cents in the database. */
const money = (id: string, title: LocalizedText, dollars: number, pledgedDollars: number, more: Partial<DemoNeed> = {}): DemoNeed => ({ id, category: 'financial', title, wanted: dollars * 100, pledged: pledgedDollars * 100, ...more });

export const PROJECTS: DemoProject[] = [
  {
    id: P.jardinOntario,
    organization: O.tableHochelaga,
    status: 'published',
    communities: [C.hochelagaMaisonneuve, C.hochelaga, C.agricultureUrbaine],
    themes: ['agriculture', 'food_security', 'environment'],
    title: { fr: 'Jardin collectif de la rue Ontario', en: 'Ontario Street community garden' },
    summary: {
      fr: 'Transformer un terrain vague en jardin nourricier ouvert à tout le voisinage, avec des bacs accessibles.',
      en: 'Turning a vacant lot into a food garden open to the whole neighbourhood, with accessible raised beds.',
    },
    description: {
      fr: 'Trente bacs surélevés, un coin compost et une petite cabane à outils sur le terrain prêté par l’arrondissement. Les récoltes sont partagées entre les jardinières et jardiniers et la cuisine collective du quartier. Les corvées ont lieu le samedi matin, d’avril à octobre.',
      en: "Thirty raised beds, a compost corner and a small tool shed on the lot lent by the borough. Harvests are shared between the gardeners and the neighbourhood's community kitchen. Work bees are on Saturday mornings, April to October.",
    },
    starts: -30,
    ends: 180,
    created: 2,
    partners: [[O.caisse, 'funder'], [O.quincaillerie, 'sponsor']],
    crowdfundingThreshold: 10,
    needs: [
      people(N.jardinBenevoles, { fr: 'Bénévoles pour les corvées du samedi', en: 'Volunteers for Saturday work bees' }, 10, 4, {
        description: { fr: 'Monter les bacs, étendre le paillis, arroser. Aucune expérience nécessaire.', en: 'Building beds, spreading mulch, watering. No experience needed.' },
        skills: ['gardening', 'light-carpentry'],
        shift: { day: 5, at: '09:00', hours: 3 },
      }),
      items(N.jardinTerreau, { fr: 'Sacs de terreau (25 L)', en: 'Bags of potting soil (25 L)' }, { fr: 'sacs', en: 'bags' }, 40, 18, { deadline: 21 }),
      money(N.jardinFonds, { fr: 'Bois et quincaillerie pour 30 bacs', en: 'Lumber and hardware for 30 beds' }, 2500, 875),
    ],
  },
  {
    id: P.patinoire,
    organization: O.carrefourVilleray,
    status: 'published',
    communities: [C.villerayBorough, C.villeray],
    themes: ['sport', 'youth'],
    title: { fr: 'Patinoire de la ruelle Henri-Julien', en: 'Henri-Julien alley skating rink' },
    summary: {
      fr: 'Une patinoire familiale dans la ruelle, montée et entretenue par les voisines et voisins tout l’hiver.',
      en: 'A family skating rink in the alley, built and kept up by the neighbours all winter long.',
    },
    description: {
      fr: 'Chaque hiver depuis cinq ans, la ruelle devient le lieu de rencontre du quartier. Il faut des bandes neuves, des arroseurs de nuit et un peu d’argent pour les boyaux et l’éclairage.',
      en: 'Every winter for five years, the alley has become the neighbourhood meeting place. We need new boards, night-time flooders and a little money for hoses and lighting.',
    },
    starts: 10,
    ends: 110,
    created: 4,
    partners: [[O.caisse, 'funder']],
    needs: [
      hours(N.patinoireArrosage, { fr: 'Arrosage de nuit de la glace', en: 'Night-time ice flooding' }, 60, 22, {
        description: { fr: 'Des quarts de deux heures, entre 22 h et minuit, par temps froid.', en: 'Two-hour shifts, between 10 p.m. and midnight, on cold nights.' },
        skills: ['physical-work'],
      }),
      items(N.patinoireBandes, { fr: 'Planches de bande (2 × 10, 12 pi)', en: 'Board planks (2 × 10, 12 ft)' }, { fr: 'planches', en: 'planks' }, 30, 12),
      money(N.patinoireFonds, { fr: 'Boyaux, lampes DEL et rallonges', en: 'Hoses, LED lamps and extension cords' }, 1200, 400),
    ],
  },
  {
    id: P.frigo,
    organization: O.accueilParcEx,
    status: 'published',
    communities: [C.parcExtension, C.villerayBorough],
    themes: ['food_security', 'inclusion'],
    title: { fr: 'Frigo communautaire de Parc-Extension', en: 'Park Extension community fridge' },
    summary: {
      fr: 'Un frigo en libre-service devant l’organisme, rempli par les commerces et les voisins, ouvert à toutes et tous.',
      en: 'A self-serve fridge in front of our centre, stocked by local shops and neighbours, open to all.',
    },
    description: {
      fr: 'Le frigo réduit le gaspillage alimentaire et offre des repas sans formulaire ni rendez-vous. Des bénévoles le nettoient et le vérifient chaque jour.',
      en: 'The fridge cuts food waste and offers meals with no form and no appointment. Volunteers clean and check it every day.',
    },
    starts: -60,
    ends: 300,
    created: 6,
    partners: [[O.caisse, 'funder']],
    needs: [
      people('need_frigo-tournees', { fr: 'Tournée quotidienne de nettoyage', en: 'Daily cleaning round' }, 8, 5, { shift: { day: 2, at: '17:00', hours: 1 }, skills: ['food-safety'] }),
      items('need_frigo-refrigerateur', { fr: 'Réfrigérateur commercial à porte vitrée', en: 'Glass-door commercial fridge' }, { fr: 'réfrigérateur', en: 'fridge' }, 1, 0, { deadline: 14 }),
      money('need_frigo-fonds', { fr: 'Électricité et entretien pour un an', en: 'Electricity and upkeep for a year' }, 3000, 2100),
    ],
  },
  {
    id: P.ruelleVerte,
    organization: O.cooperativeVerte,
    status: 'published',
    communities: [C.plateau, C.mileEnd],
    themes: ['environment', 'heritage'],
    title: { fr: 'Ruelle verte Saint-Dominique', en: 'Saint-Dominique green alley' },
    summary: {
      fr: 'Retirer l’asphalte, planter des vivaces et des arbustes indigènes, et faire de la ruelle un îlot de fraîcheur.',
      en: 'Removing asphalt, planting native perennials and shrubs, and turning the alley into a cool island.',
    },
    description: {
      fr: 'Quarante-deux ménages riverains ont signé la demande. Le déminéralisage est fait par l’arrondissement ; il reste à planter et à installer les bacs.',
      en: 'Forty-two households along the alley signed the request. The borough removes the asphalt; planting and installing the planters is up to us.',
    },
    starts: 20,
    ends: 90,
    created: 8,
    needs: [
      people(N.ruelleVerteCorvee, { fr: 'Corvée de plantation', en: 'Planting work bee' }, 12, 12, { shift: { day: 20, at: '10:00', hours: 4 } }),
      items('need_ruelle-verte-bacs', { fr: 'Bacs de plantation en cèdre', en: 'Cedar planters' }, { fr: 'bacs', en: 'planters' }, 20, 9),
      money('need_ruelle-verte-vegetaux', { fr: 'Vivaces et arbustes indigènes', en: 'Native perennials and shrubs' }, 1800, 650),
    ],
  },
  {
    id: P.cafeReparation,
    organization: O.ressourcerie,
    status: 'published',
    communities: [C.plateau],
    themes: ['environment', 'local_commerce'],
    title: { fr: 'Café réparation mensuel', en: 'Monthly repair café' },
    summary: {
      fr: 'Un samedi par mois, on répare ensemble grille-pain, vélos et vêtements plutôt que de les jeter.',
      en: 'One Saturday a month, we fix toasters, bikes and clothes together instead of throwing them away.',
    },
    description: {
      fr: 'Des bénévoles habiles montrent comment réparer ; les gens repartent avec leur objet et un savoir-faire. Nous cherchons des personnes à l’aise en électronique, en couture ou en mécanique de vélo.',
      en: 'Skilled volunteers show how to fix things; people leave with their item and a new skill. We are looking for people comfortable with electronics, sewing or bike mechanics.',
    },
    starts: -90,
    ends: 270,
    created: 10,
    needs: [
      hours('need_cafe-reparation-experts', { fr: 'Réparatrices et réparateurs bénévoles', en: 'Volunteer fixers' }, 40, 15, { skills: ['electronics', 'sewing', 'bike-repair'] }),
      items('need_cafe-reparation-outils', { fr: 'Fers à souder et multimètres', en: 'Soldering irons and multimeters' }, { fr: 'outils', en: 'tools' }, 6, 2),
      money('need_cafe-reparation-fonds', { fr: 'Pièces de rechange', en: 'Spare parts' }, 500, 120),
    ],
  },
  {
    id: P.ateliersNumeriques,
    organization: O.maisonCdn,
    status: 'published',
    communities: [C.coteDesNeigesBorough, C.coteDesNeiges],
    themes: ['seniors', 'education', 'inclusion'],
    title: { fr: 'Ateliers numériques pour les aînés', en: 'Digital skills workshops for seniors' },
    summary: {
      fr: 'Apprendre à faire un appel vidéo, à prendre rendez-vous en ligne et à repérer les arnaques, à son rythme.',
      en: 'Learning to make a video call, book appointments online and spot scams, at your own pace.',
    },
    description: {
      fr: 'Des ateliers en petits groupes, en français, en anglais et en espagnol, avec des tablettes prêtées. Les bénévoles accompagnent une ou deux personnes à la fois.',
      en: 'Small-group workshops in French, English and Spanish, with loaned tablets. Volunteers coach one or two people at a time.',
    },
    starts: 7,
    ends: 120,
    created: 12,
    partners: [[O.caisse, 'partner']],
    needs: [
      hours('need_ateliers-accompagnement', { fr: 'Accompagnement en atelier', en: 'Coaching during workshops' }, 50, 18, { skills: ['computer-help', 'spanish'] }),
      items('need_ateliers-tablettes', { fr: 'Tablettes usagées en bon état', en: 'Used tablets in good condition' }, { fr: 'tablettes', en: 'tablets' }, 15, 6, { deadline: 5 }),
      money('need_ateliers-fonds', { fr: 'Forfaits de données pour les participants', en: 'Data plans for participants' }, 800, 300),
    ],
  },
  {
    id: P.serreEcole,
    organization: O.cooperativeVerte,
    status: 'published',
    communities: [C.agricultureUrbaine, C.hochelagaMaisonneuve],
    themes: ['agriculture', 'education', 'youth'],
    title: { fr: 'Serre pédagogique à l’école du quartier', en: 'Teaching greenhouse at the neighbourhood school' },
    summary: {
      fr: 'Une serre quatre saisons où les élèves sèment, récoltent et cuisinent ce qu’ils font pousser.',
      en: 'A four-season greenhouse where students sow, harvest and cook what they grow.',
    },
    description: {
      fr: 'La serre servira aux classes le jour et aux familles le soir. Au-delà de 30 personnes qui appuient le projet, une campagne de sociofinancement s’ouvre pour le chauffage solaire.',
      en: 'The greenhouse will serve classes by day and families in the evening. Once 30 people support the project, a crowdfunding campaign opens for solar heating.',
    },
    starts: 30,
    ends: 240,
    created: 14,
    partners: [[O.caisse, 'funder']],
    crowdfundingThreshold: 30,
    needs: [
      people('need_serre-montage', { fr: 'Montage de la structure', en: 'Building the frame' }, 15, 6, { skills: ['carpentry'], shift: { day: 33, at: '09:00', hours: 6 } }),
      items('need_serre-polycarbonate', { fr: 'Panneaux de polycarbonate', en: 'Polycarbonate panels' }, { fr: 'panneaux', en: 'panels' }, 24, 10, { deadline: 28 }),
      money('need_serre-fonds', { fr: 'Structure et système d’irrigation', en: 'Frame and irrigation system' }, 12000, 4300),
    ],
  },
  {
    id: P.cuisineCollective,
    organization: O.tableHochelaga,
    status: 'published',
    communities: [C.viauville, C.hochelagaMaisonneuve],
    themes: ['food_security', 'inclusion'],
    title: { fr: 'Cuisine collective du samedi', en: 'Saturday community kitchen' },
    summary: {
      fr: 'Cuisiner ensemble des repas pour la semaine, à petit prix, et repartir avec cinq portions.',
      en: 'Cooking meals for the week together, at low cost, and leaving with five portions.',
    },
    description: {
      fr: 'Chaque groupe de huit personnes choisit son menu et partage les coûts. Il manque des casseroles, une personne pour animer et de quoi acheter les aliments de base.',
      en: 'Each group of eight chooses its menu and shares the cost. We need pots, someone to lead, and money for staples.',
    },
    starts: 3,
    ends: 200,
    created: 16,
    needs: [
      people('need_cuisine-animation', { fr: 'Animation d’un groupe de cuisine', en: 'Leading a cooking group' }, 3, 1, { skills: ['cooking', 'facilitation'] }),
      items('need_cuisine-casseroles', { fr: 'Grandes casseroles (12 L et plus)', en: 'Large pots (12 L or more)' }, { fr: 'casseroles', en: 'pots' }, 10, 7),
      money('need_cuisine-fonds', { fr: 'Aliments de base', en: 'Staple foods' }, 1500, 1500),
    ],
  },
  {
    id: P.pollinisateurs,
    organization: O.maisonCdn,
    status: 'published',
    communities: [C.notreDameDeGrace, C.agricultureUrbaine],
    themes: ['environment', 'agriculture'],
    title: { fr: 'Corridor de pollinisateurs à NDG', en: 'NDG pollinator corridor' },
    summary: {
      fr: 'Des jardinets de fleurs indigènes devant les maisons, d’un parc à l’autre, pour les abeilles et les papillons.',
      en: 'Native flower patches in front yards, from one park to the next, for bees and butterflies.',
    },
    description: {
      fr: 'Chaque ménage participant reçoit des semences et des conseils ; une carte du corridor est affichée au parc.',
      en: 'Each participating household gets seeds and advice; a map of the corridor is posted at the park.',
    },
    starts: 60,
    ends: 200,
    created: 18,
    needs: [
      hours('need_pollinisateurs-conseils', { fr: 'Conseils de jardinage à domicile', en: 'Gardening advice at home' }, 30, 4, { skills: ['horticulture'] }),
      items('need_pollinisateurs-semences', { fr: 'Sachets de semences indigènes', en: 'Native seed packets' }, { fr: 'sachets', en: 'packets' }, 200, 75),
      money('need_pollinisateurs-fonds', { fr: 'Affiches et carte du corridor', en: 'Signs and corridor map' }, 600, 0),
    ],
  },
  {
    id: P.feteVoisins,
    organization: O.carrefourVilleray,
    status: 'completed',
    communities: [C.villeray],
    // The caisse funded it: its showcase counts a completed project in its impact.
    partners: [[O.caisse, 'funder']],
    themes: ['culture', 'inclusion'],
    title: { fr: 'Fête des voisins de Villeray', en: 'Villeray neighbours’ party' },
    summary: { fr: 'Une rue fermée, des tables, de la musique : la fête annuelle du quartier a eu lieu.', en: 'A closed street, tables, music: the annual neighbourhood party took place.' },
    description: { fr: 'Merci aux 60 bénévoles et aux commerces de la rue De Castelnau !', en: 'Thank you to the 60 volunteers and the shops on De Castelnau Street!' },
    starts: -120,
    ends: -119,
    created: 150,
    needs: [
      people('need_fete-benevoles', { fr: 'Bénévoles le jour de la fête', en: 'Volunteers on the day' }, 20, 20),
      money('need_fete-fonds', { fr: 'Location de la scène', en: 'Stage rental' }, 900, 900),
    ],
  },
  {
    id: P.murale,
    organization: O.carrefourVilleray,
    status: 'cancelled',
    communities: [C.saintMichel],
    themes: ['culture', 'youth'],
    title: { fr: 'Murale jeunesse de Saint-Michel', en: 'Saint-Michel youth mural' },
    summary: { fr: 'Projet annulé : le mur choisi sera démoli. Une autre murale est à l’étude.', en: 'Project cancelled: the chosen wall will be torn down. Another mural is being considered.' },
    description: { fr: 'Les dons promis n’ont pas été perçus.', en: 'The promised donations were not collected.' },
    starts: -10,
    ends: 40,
    created: 60,
    needs: [items('need_murale-peinture', { fr: 'Gallons de peinture extérieure', en: 'Gallons of exterior paint' }, { fr: 'gallons', en: 'gallons' }, 30, 8)],
  },
  {
    id: P.bibliothequeOutils,
    organization: O.maisonCdn,
    status: 'submitted',
    communities: [C.coteDesNeiges],
    themes: ['environment', 'local_commerce'],
    title: { fr: 'Bibliothèque d’outils de Côte-des-Neiges', en: 'Côte-des-Neiges tool library' },
    summary: { fr: 'Emprunter une perceuse comme on emprunte un livre.', en: 'Borrow a drill the way you borrow a book.' },
    description: { fr: 'Un local, un inventaire en ligne et des bénévoles les soirs de semaine.', en: 'A room, an online inventory and volunteers on weekday evenings.' },
    starts: 45,
    ends: 365,
    created: 1,
    needs: [items(N.bibliothequeOutilsOutils, { fr: 'Outils en bon état', en: 'Tools in good condition' }, { fr: 'outils', en: 'tools' }, 100, 0)],
  },
  {
    id: P.jumelage,
    organization: O.accueilParcEx,
    status: 'draft',
    communities: [C.parcExtension],
    themes: ['inclusion'],
    title: { fr: 'Jumelage avec des familles nouvellement arrivées', en: 'Pairing with newcomer families' },
    summary: { fr: 'Des familles d’ici accompagnent une famille arrivée depuis peu pendant six mois.', en: 'Local families accompany a recently arrived family for six months.' },
    description: { fr: 'Brouillon : à compléter avant de soumettre.', en: 'Draft: to be completed before submitting.' },
    starts: 90,
    ends: 270,
    created: 0,
    needs: [people('need_jumelage-familles', { fr: 'Familles marraines', en: 'Host families' }, 12, 0)],
  },
  {
    id: P.marcheSolidaire,
    organization: O.ressourcerie,
    status: 'rejected',
    communities: [C.plateau],
    themes: ['food_security', 'local_commerce'],
    title: { fr: 'Marché solidaire mobile', en: 'Mobile solidarity market' },
    summary: { fr: 'Un triporteur qui vend fruits et légumes à prix modique dans les ruelles.', en: 'A cargo bike selling low-cost fruit and vegetables in the alleys.' },
    description: { fr: 'Trois arrêts par semaine, de mai à octobre.', en: 'Three stops a week, May to October.' },
    starts: 150,
    ends: 300,
    created: 25,
    rejectionReason: 'Précisez les arrêts prévus et l’accord de l’arrondissement pour la vente sur le domaine public, puis soumettez de nouveau.',
    needs: [money('need_marche-triporteur', { fr: 'Achat du triporteur', en: 'Buying the cargo bike' }, 6000, 0)],
  },
];
