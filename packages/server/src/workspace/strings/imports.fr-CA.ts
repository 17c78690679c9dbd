// The curator's screen of imported directories (Open Referral HSDS 3): spread into fr-CA.ts.
export const importsFr = {
  imports: {
    nav: 'Répertoires importés',
    queueNav: 'Projets à réviser',
    sections: 'Sections de la curation',
    title: 'Répertoires importés',
    lead: 'Les services d’autres répertoires (par exemple celui d’un 211 régional) que ce nœud affiche avec ceux de ses organismes. Perron relit chaque répertoire régulièrement et garde ses services à jour.',
    caption: 'Répertoires importés, du plus ancien au plus récent',
    empty: 'Aucun répertoire importé pour l’instant.',
    col: { url: 'Adresse', lang: 'Langue', polled: 'Dernière lecture', services: 'Services', state: 'État', actions: 'Actions' },
    langs: { fr: 'français', en: 'anglais' },
    never: 'Pas encore lu',
    state: {
      pending: 'En attente de la première lecture',
      ok: 'À jour',
      unreachable: 'La dernière lecture a échoué',
    },
    why: {
      unreachable: 'Le site ne répond pas : il est peut-être en panne, ou l’adresse est erronée.',
      refused: 'Le site a répondu par une erreur : l’adresse n’est peut-être plus la bonne.',
      format: 'Cette adresse ne donne pas un répertoire au format Open Referral HSDS 3.',
    },
    kept: (when: string) => `Les services déjà importés restent affichés. Nouvel essai vers ${when}.`,
    remove: 'Retirer',
    removeLabel: (url: string) => `Retirer le répertoire ${url}`,
    addTitle: 'Importer un répertoire',
    addLead: 'Donnez l’adresse de son API Open Referral (HSDS 3) : la personne ou l’organisme qui publie le répertoire peut vous la fournir. La première lecture se fait en arrière-plan, dans les minutes qui suivent.',
    url: 'Adresse de l’API du répertoire',
    urlHint: 'Elle commence par https:// et mène à la racine de l’API, par exemple https://211.example.org/hsds',
    lang: 'Langue de ses fiches',
    submit: 'Importer le répertoire',
    errors: {
      url: 'Entrez une adresse web complète, qui commence par https:// (ou http://).',
      duplicate: 'Ce répertoire est déjà importé : il figure dans la liste ci-dessus.',
      self: 'C’est le répertoire de ce nœud-ci : ses services y sont déjà.',
      private: 'Cette adresse mène à cette machine ou à un réseau privé : seul un répertoire public peut être importé.',
    },
    removeTitle: (url: string) => `Retirer le répertoire ${url} ?`,
    removeLead: (n: number) =>
      n === 0 ? 'Ce répertoire n’a encore apporté aucun service. Il ne sera plus lu.' : `Ses ${n} service${n > 1 ? 's' : ''} disparaîtront de ce nœud, et il ne sera plus lu. Vous pourrez l’importer de nouveau plus tard.`,
    removeConfirm: 'Oui, retirer ce répertoire',
    back: 'Retour aux répertoires importés',
  },
  importsFlash: {
    directory_imported: 'Le répertoire est ajouté : sa première lecture se fait dans les minutes qui viennent.',
    directory_removed: 'Le répertoire est retiré, avec ses services.',
  },
};
