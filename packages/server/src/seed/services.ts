import type { ServiceCreate } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { saveService } from '../db/queries/directory.ts';
import { hsdsOrganizationId, uuidFrom } from '../services/hsds.ts';
import { DEMO_ORGANIZATIONS as O } from './demo-ids.ts';

/** The demo's resource directory: services of Villeray, Parc-Extension and all of Montréal (none of the Table de quartier's, which tests describe themselves). */
const SERVICES: { organization: string; key: string; service: ServiceCreate }[] = [
  {
    organization: O.carrefourVilleray,
    key: 'comptoir',
    service: {
      name: { fr: 'Comptoir alimentaire', en: 'Food bank' },
      description: { fr: 'Un panier de denrées chaque semaine, sur inscription.', en: 'A basket of groceries every week, on registration.' },
      audience: { fr: 'Familles et personnes seules à faible revenu de Villeray', en: 'Low-income families and people living alone in Villeray' },
      languages: ['fr', 'en', 'es'],
      hours: [{ days: ['TU', 'TH'], opens: '13:00', closes: '16:30' }],
      hoursNote: { fr: 'Fermé les jours fériés', en: 'Closed on holidays' },
      place: { name: 'Carrefour communautaire Villeray', address: '660, rue Villeray', city: 'Montréal', postalCode: 'H2R 1J1' },
      phone: '514 555-0142',
      cost: { free: false, amount: 500, note: { fr: '5 $ par panier', en: '$5 a basket' } },
      communities: ['villeray'],
    },
  },
  {
    organization: O.accueilParcEx,
    key: 'impots',
    service: {
      name: { fr: 'Clinique d’impôts bénévole', en: 'Volunteer tax clinic' },
      description: { fr: 'Des bénévoles remplissent vos déclarations de revenus, de février à avril.', en: 'Volunteers fill in your tax returns, from February to April.' },
      audience: { fr: 'Personnes à revenu modeste, nouveaux arrivants', en: 'People with a modest income, newcomers' },
      languages: ['fr', 'en', 'ar', 'pa'],
      hours: [{ days: ['MO', 'WE'], opens: '09:00', closes: '12:00' }],
      place: { name: 'Accueil Parc-Extension', address: '419, rue Saint-Roch', city: 'Montréal', postalCode: 'H3N 1K2' },
      email: 'impots@example.org',
      cost: { free: true },
      communities: ['parc-extension'],
    },
  },
  {
    organization: O.accueilParcEx,
    key: 'francisation',
    service: {
      name: { fr: 'Ateliers de francisation', en: 'French classes' },
      description: { fr: 'Apprendre le français en petits groupes, du niveau débutant à intermédiaire.', en: 'Learn French in small groups, from beginner to intermediate.' },
      languages: ['fr'],
      hours: [{ days: ['TU', 'TH'], opens: '18:30', closes: '20:30' }],
      place: { name: 'Accueil Parc-Extension', address: '419, rue Saint-Roch', city: 'Montréal', postalCode: 'H3N 1K2' },
      website: 'https://example.org/accueil-parc-extension/francisation',
      cost: { free: true },
      communities: ['parc-extension'],
      status: 'active',
    },
  },
  // Montréal-wide, so offered to every neighbourhood's projects: what the needs lists suggest.
  {
    organization: O.caisse,
    key: 'fonds-milieu',
    service: {
      name: { fr: 'Fonds d’aide au développement du milieu', en: 'Community development fund' },
      description: {
        fr: 'Un financement pour les projets collectifs des quartiers que la caisse dessert. Demande en ligne, réponse en six semaines.',
        en: 'Funding for the collective projects of the neighbourhoods the caisse serves. Apply online, answer within six weeks.',
      },
      audience: { fr: 'Organismes et groupes citoyens', en: 'Organizations and citizen groups' },
      languages: ['fr', 'en'],
      website: 'https://example.org/caisse-du-centre/fonds',
      cost: { free: true },
      communities: ['montreal'],
    },
  },
  {
    organization: O.ressourcerie,
    key: 'materiaux',
    service: {
      name: { fr: 'Matériaux de construction récupérés', en: 'Salvaged building materials' },
      description: {
        fr: 'Planches, vis et quincaillerie de seconde main, à petit prix, pour les projets de quartier.',
        en: 'Second-hand planks, screws and hardware, at low prices, for neighbourhood projects.',
      },
      languages: ['fr', 'en'],
      hours: [{ days: ['WE', 'TH', 'FR', 'SA'], opens: '10:00', closes: '17:00' }],
      website: 'https://example.org/ressourcerie-du-plateau/materiaux',
      communities: ['montreal'],
    },
  },
];

/** Stable ids, so that a demo link to a service keeps working. */
export const demoServiceId = (key: string) => uuidFrom('demo-service', key);

export async function seedServices(q: Queryable, organizations: Record<string, string>, now: Date): Promise<void> {
  for (const s of SERVICES) {
    const organizationId = organizations[s.organization]!;
    await saveService(q, { id: demoServiceId(s.key), organizationId, hsdsOrganizationId: hsdsOrganizationId(organizationId), data: s.service, now });
  }
}
