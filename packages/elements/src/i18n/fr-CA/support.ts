import { typeset } from '@perron/contract';

/** French: "J'appuie ce projet", the support form. */
export default typeset({
  support: {
    title: 'J’appuie ce projet',
    lead: 'Votre appui compte pour ouvrir le financement du projet. Une personne, un appui, confirmé par courriel.',
    email: 'Votre courriel',
    send: 'Confirmer par courriel',
    sending: 'Envoi…',
    pending: (email: string, until: string) => `Vérifiez vos courriels : suivez le lien envoyé à ${email} d’ici le ${until} pour que votre appui compte.`,
    already: 'Vous appuyez déjà ce projet avec cette adresse. Merci !',
    closed: 'Ce projet ne reçoit plus d’appuis.',
    failed: 'L’envoi n’a pas abouti. Votre courriel est conservé : réessayez.',
    emailError: 'Entrez une adresse courriel valide, comme nom@exemple.ca.',
  },
});
