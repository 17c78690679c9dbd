/**
 * The demo node's stable ids and API keys, for tests, examples and docs. The keys are public
 * knowledge: they exist only in the demo data, never on a real node.
 */
export const DEMO_COMMUNITIES = {
  montreal: 'montreal',
  hochelagaMaisonneuve: 'hochelaga-maisonneuve',
  hochelaga: 'hochelaga',
  viauville: 'viauville',
  villerayBorough: 'villeray-saint-michel-parc-extension',
  villeray: 'villeray',
  parcExtension: 'parc-extension',
  saintMichel: 'saint-michel',
  coteDesNeigesBorough: 'cote-des-neiges-notre-dame-de-grace',
  coteDesNeiges: 'cote-des-neiges',
  notreDameDeGrace: 'notre-dame-de-grace',
  plateau: 'plateau-mont-royal',
  mileEnd: 'mile-end',
  agricultureUrbaine: 'agriculture-urbaine',
} as const;

/** Organization slugs; an organization's id is `org_<slug>`. */
export const DEMO_ORGANIZATIONS = {
  tableHochelaga: 'table-hochelaga',
  carrefourVilleray: 'carrefour-villeray',
  accueilParcEx: 'accueil-parc-extension',
  maisonCdn: 'maison-de-quartier-cdn',
  cooperativeVerte: 'cooperative-verte',
  ressourcerie: 'ressourcerie-du-plateau',
  caisse: 'caisse-du-centre',
  quincaillerie: 'quincaillerie-ontario',
} as const;

export const DEMO_PROJECTS = {
  jardinOntario: 'prj_jardin-ontario',
  patinoire: 'prj_patinoire-ruelle',
  frigo: 'prj_frigo-parc-extension',
  ruelleVerte: 'prj_ruelle-verte-mile-end',
  cafeReparation: 'prj_cafe-reparation',
  ateliersNumeriques: 'prj_ateliers-numeriques-aines',
  serreEcole: 'prj_serre-pedagogique',
  cuisineCollective: 'prj_cuisine-collective-viauville',
  pollinisateurs: 'prj_corridor-pollinisateurs-ndg',
  feteVoisins: 'prj_fete-des-voisins-villeray',
  murale: 'prj_murale-jeunesse-saint-michel',
  bibliothequeOutils: 'prj_bibliotheque-outils-cdn',
  jumelage: 'prj_jumelage-familles',
  marcheSolidaire: 'prj_marche-solidaire-mobile',
} as const;

export const DEMO_NEEDS = {
  /** Human, people: 10 wanted, 4 pledged. */
  jardinBenevoles: 'need_jardin-ontario-benevoles',
  /** Material: 40 bags of soil wanted, 18 pledged. */
  jardinTerreau: 'need_jardin-ontario-terreau',
  /** Financial: 2 500 $ wanted, 875 $ pledged. */
  jardinFonds: 'need_jardin-ontario-fonds',
  /** Human, hours: 60 wanted. */
  patinoireArrosage: 'need_patinoire-arrosage',
  patinoireBandes: 'need_patinoire-bandes',
  patinoireFonds: 'need_patinoire-fonds',
  /** Human, people, filled. */
  ruelleVerteCorvee: 'need_ruelle-verte-corvee',
  /** Of a submitted project: not public. */
  bibliothequeOutilsOutils: 'need_bibliotheque-outils-dons',
} as const;

export const DEMO_KEYS = {
  /** An organization's key is `pk_demo_<slug>`. */
  organization: (slug: string) => `pk_demo_${slug}`,
  tableHochelaga: 'pk_demo_table-hochelaga',
  carrefourVilleray: 'pk_demo_carrefour-villeray',
  maisonCdn: 'pk_demo_maison-de-quartier-cdn',
  /** Reviews the submissions of Montréal (and every community in it) and of Agriculture urbaine. */
  curator: 'pk_demo_curator',
} as const;

/** The demo's staff, who sign in to /workspace through the dev mailbox. */
export const DEMO_STAFF = {
  /** Every organization has an admin: `admin.<slug>@example.org`. */
  admin: (slug: string) => `admin.${slug}@example.org`,
  carrefourVilleray: 'admin.carrefour-villeray@example.org',
  tableHochelaga: 'admin.table-hochelaga@example.org',
  /** An editor (projects, events, inbox) of Carrefour communautaire Villeray. */
  carrefourEditor: 'editeur.carrefour-villeray@example.org',
  /** Reviews Montréal's submissions (and Agriculture urbaine's), as the demo curator key does. */
  curator: 'curateur.montreal@example.org',
} as const;
