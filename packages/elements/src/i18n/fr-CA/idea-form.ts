import { typeset } from '@perron/contract';
import { s } from './plural.ts';

/** French: the form that proposes an idea. */
export default typeset({
  ideaForm: {
    label: (community: string) => `Proposer une idée pour ${community}`,
    labelContest: (contest: string) => `Proposer une idée : ${contest}`,
    title: 'Titre de votre idée',
    titleHint: 'En quelques mots, comme un titre de journal.',
    description: 'Votre idée en détail',
    descriptionHint: 'Ce qu’il faudrait faire, où, et pour qui.',
    contest: 'Concours d’idées',
    noContest: 'Aucun concours : une idée pour le quartier',
    submit: 'Envoyer mon idée',
    closed: 'Ce concours ne reçoit pas d’idées en ce moment.',
    checkEmail: 'Vérifiez vos courriels',
    sent: (email: string, until: string) => `Nous avons envoyé un lien à ${email}. Suivez-le d’ici le ${until} pour confirmer votre idée.`,
    next: 'L’équipe de la communauté la lira ensuite avant de la publier ; vous recevrez sa décision par courriel.',
    another: 'Proposer une autre idée',
    errors: {
      title: 'Donnez un titre à votre idée (140 caractères au plus).',
      description: 'Décrivez votre idée (2000 caractères au plus).',
      consent: 'Cochez cette case pour que votre idée puisse être confirmée et révisée.',
      summary: (n: number) => `Le formulaire contient ${n} ${s(n, 'erreur', 'erreurs')} : corrigez ${s(n, 'le champ indiqué', 'les champs indiqués')}.`,
      closed: 'Ce concours ne reçoit plus d’idées. Proposez-la hors concours.',
      failed: 'L’envoi n’a pas abouti. Votre texte est conservé : réessayez.',
    },
  },
});
