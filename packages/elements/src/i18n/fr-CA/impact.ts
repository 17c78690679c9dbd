import { typeset } from '@perron/contract';
import { s } from './plural.ts';

/** French: the impact of a community's or a partner's projects. */
export default typeset({
  impact: {
    label: 'Impact des projets',
    period: (range: string) => `Période : ${range}`,
    volunteers: 'Bénévoles',
    hours: 'Heures de bénévolat',
    materials: 'Dons de matériel',
    items: (n: number, shown: string) => `${shown} ${s(n, 'article', 'articles')}`,
    money: 'Argent promis',
    completed: 'Projets terminés',
    chart: 'Contributions par mois',
    most: (n: string) => `Le plus haut : ${n}`,
    month: 'Mois',
    pledges: 'Contributions',
    empty: 'Aucune contribution pendant cette période pour le moment.',
  },
});
