import { typeset } from '@perron/contract';
import { s } from './plural.ts';

/** French: the pledge form, and the contact fields and notice every form shares. */
export default typeset({
  pledge: {
    label: (need: string) => `M’engager pour : ${need}`,
    chooseNeed: 'Besoin',
    pickNeed: 'Choisissez un besoin',
    quantity: {
      hours: 'Nombre d’heures',
      people: 'Nombre de personnes',
      material: (unit: string) => `Quantité (${unit})`,
      financial: 'Montant en dollars',
    },
    range: (min: string, max: string) => `Entre ${min} et ${max}.`,
    remaining: (left: string) => `Il reste ${left} à combler.`,
    name: 'Votre nom',
    email: 'Votre courriel',
    message: 'Message aux organisateurs',
    notice: 'Vos renseignements personnels',
    submit: 'Envoyer mon engagement',
    sending: 'Envoi en cours…',
    errors: {
      quantity: (min: string, max: string) => `Entrez un nombre entier entre ${min} et ${max}.`,
      amount: (min: string, max: string) => `Entrez un montant entre ${min} et ${max}.`,
      name: 'Entrez votre nom.',
      email: 'Entrez une adresse courriel valide, comme nom@exemple.ca.',
      message: 'Votre message doit compter au plus 1000 caractères.',
      consent: 'Cochez cette case pour que l’équipe puisse organiser votre contribution.',
      need: 'Choisissez un besoin.',
      summary: (n: number) => `Le formulaire contient ${n} ${s(n, 'erreur', 'erreurs')} : corrigez ${s(n, 'le champ indiqué', 'les champs indiqués')}.`,
      overPledged: 'Ce besoin est presque comblé : réduisez la quantité.',
      closed: 'Ce besoin ne reçoit plus de contributions.',
      conflict: 'Un envoi précédent de ce formulaire a peut-être été reçu. Vérifiez vos courriels avant de réessayer.',
      rateLimited: (seconds: number) => `Trop d’envois d’un coup. Réessayez dans ${seconds} secondes.`,
      failed: 'L’envoi n’a pas abouti. Vos réponses sont conservées : réessayez.',
      cap: 'Cette adresse a atteint la limite des engagements en ligne pour 24 heures. Pour un engagement plus important, écrivez à l’organisme : il pourra l’enregistrer.',
      blocked: 'L’organisme n’accepte plus d’engagements de cette adresse courriel.',
      locked: 'Les dons à ce projet s’ouvrent quand assez de personnes l’appuient : appuyez-le, ou offrez du temps ou du matériel.',
    },
    filled: 'Ce besoin est comblé. Merci à toutes les personnes qui ont contribué !',
    thanks: (name: string) => `Merci, ${name} !`,
    summary: (what: string, need: string) => `Votre engagement : ${what} pour « ${need} ».`,
    next: (organization: string, email: string) =>
      `${organization} vous écrira à ${email} pour organiser votre contribution. Le courriel de confirmation contient aussi un lien pour retirer votre engagement.`,
    checkEmail: (email: string, until: string) =>
      `Dernière étape : suivez le lien envoyé à ${email} avant ${until} pour confirmer votre engagement. D’ici là, votre place est réservée ; sans confirmation, rien n’est compté et la place est libérée.`,
    pay: 'Continuer vers le paiement',
    another: 'Faire un autre engagement',
  },
});
