import { typeset } from '@perron/contract';
import { s } from './plural.ts';

/** French: the idea contest and its vote. */
export default typeset({
  idea: {
    supports: (count: number) => s(count, 'appui', 'appuis'),
    support: 'J’appuie cette idée',
    supportIdea: (title: string) => `J’appuie cette idée : ${title}`,
    email: 'Votre courriel',
    emailHint: 'Nous vous enverrons un lien pour confirmer votre appui : une personne, un appui. Votre courriel n’est ni affiché ni partagé.',
    send: 'Confirmer par courriel',
    cancel: 'Annuler',
    pending: (email: string, until: string) => `Vérifiez vos courriels : suivez le lien envoyé à ${email} d’ici le ${until} pour que votre appui compte.`,
    alreadyVoted: 'Vous avez déjà appuyé cette idée avec cette adresse. Merci !',
    closed: 'Le vote est fermé pour le moment.',
    failed: 'L’envoi n’a pas abouti. Réessayez.',
    emailError: 'Entrez une adresse courriel valide, comme nom@exemple.ca.',
    status: { in_review: 'En attente de révision', declined: 'Refusée', published: '', selected: 'Idée retenue', not_selected: 'Idée non retenue' },
    phase: {
      upcoming: 'À venir',
      submission: 'Dépôt des idées',
      vote: 'Vote',
      selection: 'Sélection',
      results: 'Résultats',
      closed: 'Terminé',
    },
    phases: 'Étapes du concours',
    current: 'étape en cours',
    ideas: (n: number) => `${n} ${s(n, 'idée', 'idées')}`,
    empty: 'Aucune idée pour le moment.',
    results: (winners: number, total: number) => `Résultats : ${winners} ${s(winners, 'idée retenue', 'idées retenues')} sur ${total}.`,
    becameProject: 'Devenue un projet : voir le projet',
  },
});
