import { typeset } from '@perron/contract';
import { s } from './plural.ts';

/** French: the project list: its filters and themes. */
export default typeset({
  theme: {
    agriculture: 'Agriculture urbaine',
    environment: 'Environnement',
    education: 'Éducation',
    culture: 'Culture',
    inclusion: 'Inclusion',
    local_commerce: 'Commerce local',
    food_security: 'Sécurité alimentaire',
    health: 'Santé',
    housing: 'Logement',
    mobility: 'Mobilité',
    youth: 'Jeunesse',
    seniors: 'Personnes aînées',
    sport: 'Sport',
    heritage: 'Patrimoine',
  },
  list: {
    label: 'Projets',
    filters: 'Filtrer les projets',
    theme: 'Thème',
    allThemes: 'Tous les thèmes',
    needs: 'Besoin',
    anyNeed: 'Tous les besoins',
    more: 'Voir plus de projets',
    shown: (n: number) => `${n} ${s(n, 'projet affiché', 'projets affichés')}`,
    empty: 'Aucun projet ne correspond pour le moment.',
  },
});
