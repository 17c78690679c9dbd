import { typeset } from '@perron/contract';
import type { Formatters } from '../../internal/format.ts';
import { s } from './plural.ts';

/** French: a project's needs. */
export default typeset({
  needs: {
    label: 'Besoins du projet',
    empty: 'Ce projet n’a pas de besoin ouvert pour le moment.',
    hours: (n: number, f: Formatters) => `${f.number(n)} h`,
    people: (n: number, f: Formatters) => `${f.number(n)} ${s(n, 'personne', 'personnes')}`,
    of: (pledged: string, wanted: string) => `${pledged} sur ${wanted}`,
    status: { open: 'Ouvert', filled: 'Comblé', closed: 'Fermé' },
    shift: (when: string) => `Quand : ${when}`,
    deadline: (day: string) => `D’ici le ${day}`,
    skills: 'Compétences recherchées :',
    /** A money need while the project's supporters have not reached its threshold. */
    waiting: (threshold: string, n: string) => `Les dons s’ouvrent quand ${threshold} personnes appuient le projet (${n} pour l’instant).`,
    help: 'Je contribue',
    helpWith: (need: string) => `Je contribue : ${need}`,
    /** With `suggest-services`: where the services that could also help stand, at the list's end. */
    servicesLoading: 'Recherche d’autres organismes qui peuvent aider…',
    servicesNone: 'Aucun autre organisme du répertoire ne correspond à ces besoins pour le moment.',
    servicesError: 'Les autres organismes qui peuvent aider n’ont pas pu être chargés.',
  },
});
