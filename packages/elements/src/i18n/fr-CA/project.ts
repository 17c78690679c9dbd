import { typeset } from '@perron/contract';
import { s } from './plural.ts';

/** French: a project (card, list) and the categories of its needs. */
export default typeset({
  project: {
    status: {
      draft: 'Brouillon',
      submitted: 'En révision',
      published: 'Ouvert aux contributions',
      completed: 'Terminé',
      cancelled: 'Annulé',
      rejected: 'Refusé',
    },
    by: (organization: string) => `Par ${organization}`,
    /** A project copied from another node: where it is held (its host). */
    via: (node: string) => `Sur ${node}`,
    from: (day: string) => `À partir du ${day}`,
    until: (day: string) => `Jusqu’au ${day}`,
    progress: 'Où en sont les besoins',
    /** The bar shows `progress`: how much of what is wanted is pledged, needs filled or not. */
    met: (filled: number, needs: number, progress: string) => `${filled} sur ${needs} ${s(needs, 'besoin comblé', 'besoins comblés')} · ${progress}`,
    raised: (pledged: string, wanted: string) => `${pledged} promis sur ${wanted}`,
    partners: 'Avec le soutien de',
    partnerRole: { funder: 'bailleur de fonds', partner: 'partenaire', sponsor: 'commanditaire' },
    supporters: (n: string, count: number) => `${n} ${s(count, 'personne appuie', 'personnes appuient')} ce projet`,
    /** Supporters against the threshold that opens the project's money needs; without `threshold`, it is open. */
    funding: (n: string, count: number, threshold?: string) =>
      `${n} ${s(count, 'appui', 'appuis')} ${threshold ? `sur ${threshold} — le financement s’ouvre à ${threshold}` : '— le financement est ouvert'}`,
    support: 'J’appuie ce projet',
    contribute: 'Contribuer',
    contributeTo: (title: string) => `Contribuer à ${title}`,
    page: 'Ouvrir la page du projet',
  },
  category: { human: 'Bénévoles et expertise', material: 'Matériel', financial: 'Dons' },
});
