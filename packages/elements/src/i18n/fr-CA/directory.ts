import { typeset } from '@perron/contract';
import { s } from './plural.ts';

/** French: the resource directory (services). */
export default typeset({
  directory: {
    label: 'Services',
    filters: 'Chercher un service',
    search: 'Besoin ou mot-clé',
    searchButton: 'Chercher',
    language: 'Langue',
    anyLanguage: 'Toutes les langues',
    languages: { fr: 'français', en: 'anglais', es: 'espagnol', ar: 'arabe', zh: 'chinois', ht: 'créole haïtien', vi: 'vietnamien', pt: 'portugais', fa: 'persan', ta: 'tamoul' } as Record<string, string>,
    by: 'Offert par',
    forWhom: 'Pour qui :',
    inLanguages: 'Langues :',
    when: 'Quand :',
    where: 'Où :',
    cost: 'Coût :',
    free: 'Gratuit',
    phone: 'Téléphone :',
    email: 'Courriel :',
    website: 'Site web',
    days: { MO: 'lun.', TU: 'mar.', WE: 'mer.', TH: 'jeu.', FR: 'ven.', SA: 'sam.', SU: 'dim.' } as Record<string, string>,
    status: { 'temporarily closed': 'Fermé temporairement', inactive: 'Plus offert', defunct: 'Plus offert' } as Record<string, string>,
    more: 'Voir plus de services',
    shown: (n: number) => `${n} ${s(n, 'service affiché', 'services affichés')}`,
    empty: 'Aucun service ne correspond pour le moment.',
  },
});
