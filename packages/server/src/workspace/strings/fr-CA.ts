// The workspace's French text, the reference: en-CA.ts must have every key (typed by `Strings`).
// Functions take what the sentence needs; no string is written in a view.
export const frCA = {
  lang: 'fr-CA',
  otherLang: { code: 'en', label: 'English', name: 'en-CA' },
  layout: {
    brand: 'Perron',
    workspace: 'Espace des organismes',
    skip: 'Aller au contenu',
    nav: 'Espace',
    signedInAs: (name: string) => `Connecté·e : ${name}`,
    signOut: 'Se déconnecter',
    titleSuffix: 'Espace Perron',
  },
  common: {
    save: 'Enregistrer',
    cancel: 'Annuler',
    back: 'Retour',
    required: 'obligatoire',
    optional: 'facultatif',
    french: 'Français',
    english: 'Anglais',
    previous: 'Page précédente',
    next: 'Page suivante',
    pages: 'Pagination',
    none: '—',
    formErrors: (n: number) => (n > 1 ? `${n} champs sont à corriger.` : 'Un champ est à corriger.'),
  },
  /** Validation messages by zod issue code; `fallback` for any other. */
  errors: {
    required: 'Ce champ est obligatoire.',
    too_small: 'Trop court ou trop petit.',
    too_big: 'Trop long ou trop grand.',
    invalid_format: 'Le format n’est pas valide.',
    invalid_email: 'Entrez une adresse courriel, par exemple nom@exemple.org.',
    invalid_url: 'Entrez une adresse web qui commence par https://.',
    invalid_value: 'Choisissez une des valeurs proposées.',
    fallback: 'Cette valeur n’est pas valide.',
  },
  /** Said after a redirect (`?done=<key>`): what the last action did. */
  flash: {
    saved: 'Enregistré.',
  },
  problems: {
    notFoundTitle: 'Page introuvable',
    notFound: 'Cette page n’existe pas, ou vous n’y avez pas accès.',
    forbiddenTitle: 'Formulaire refusé',
    forbidden: 'Ce formulaire ne venait pas de cette page. Revenez en arrière, rechargez la page et réessayez.',
    errorTitle: 'Une erreur est survenue',
    error: (id: string) => `Rien n’a été perdu de ce que vous avez déjà enregistré. Réessayez dans un moment ; si l’erreur revient, donnez ce numéro à l’équipe du nœud : ${id}.`,
    home: 'Retour à l’espace',
  },
} as const;

/** The shape every language fills: `frCA` with its literal strings widened. */
export type Strings = Widen<typeof frCA>;
type Widen<T> = T extends string ? string : T extends (...args: infer A) => infer R ? (...args: A) => Widen<R> : { [K in keyof T]: Widen<T[K]> };
