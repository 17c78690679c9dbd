// The curator's screen of followed nodes (other Perron nodes whose projects and events this node shows): spread into fr-CA.ts.
export const followsFr = {
  follows: {
    nav: 'Nœuds suivis',
    title: 'Nœuds suivis',
    lead: 'Les autres nœuds Perron (ceux d’un arrondissement, d’une ville, d’un réseau) dont ce nœud affiche les projets, les besoins et les événements publiés, avec un lien vers leur source. Perron relit chaque nœud régulièrement : les contributions et les inscriptions vont toujours au nœud d’origine.',
    caption: 'Nœuds suivis, du plus ancien au plus récent',
    empty: 'Aucun nœud suivi pour l’instant.',
    col: { url: 'Adresse', communities: 'Communautés suivies', polled: 'Dernière lecture', items: 'Éléments apportés', state: 'État', actions: 'Actions' },
    all: 'Toutes',
    items: (projects: number, events: number) => `${projects} projet${projects > 1 ? 's' : ''}, ${events} événement${events > 1 ? 's' : ''}`,
    never: 'Pas encore lu',
    state: {
      pending: 'En attente de la première lecture',
      ok: 'À jour',
      unreachable: 'La dernière lecture a échoué',
    },
    why: {
      unreachable: 'Le nœud ne répond pas : il est peut-être en panne, ou l’adresse est erronée.',
      refused: 'Le site a répondu par une erreur : l’adresse n’est peut-être pas celle d’un nœud Perron.',
      format: 'Cette adresse ne donne pas les réponses d’un nœud Perron.',
    },
    kept: 'Ce qu’il avait déjà apporté reste affiché.',
    retry: (when: string) => `Nouvel essai vers ${when}.`,
    remove: 'Ne plus suivre',
    removeLabel: (url: string) => `Ne plus suivre le nœud ${url}`,
    addTitle: 'Suivre un nœud',
    addLead: 'Donnez l’adresse du nœud, celle de sa page d’accueil. La première lecture se fait en arrière-plan, dans les minutes qui suivent.',
    url: 'Adresse du nœud',
    urlHint: 'Elle commence par https://, par exemple https://perron.arrondissement.example.org',
    communities: 'Communautés à suivre',
    communitiesHint: 'Leurs identifiants sur ce nœud-là, séparés par des virgules, par exemple villeray, parc-extension. Laissez vide pour tout suivre.',
    submit: 'Suivre ce nœud',
    errors: {
      url: 'Entrez une adresse web complète, qui commence par https:// (ou http://).',
      communities: 'Entrez des identifiants de communautés (lettres minuscules, chiffres et traits d’union), au plus 20, séparés par des virgules.',
      duplicate: 'Ce nœud est déjà suivi : il figure dans la liste ci-dessus.',
      self: 'C’est l’adresse de ce nœud-ci : ses projets y sont déjà.',
      private: 'Cette adresse mène à cette machine ou à un réseau privé : seul un nœud public peut être suivi.',
    },
    removeTitle: 'Ne plus suivre ce nœud ?',
    removeLead: (projects: number, events: number) =>
      projects + events === 0
        ? 'Ce nœud n’a encore apporté aucun projet ni événement. Il ne sera plus lu.'
        : `Ses ${projects} projet${projects > 1 ? 's' : ''} et ${events} événement${events > 1 ? 's' : ''} disparaîtront de ce nœud, et il ne sera plus lu. Vous pourrez le suivre de nouveau plus tard.`,
    removeConfirm: 'Oui, ne plus suivre ce nœud',
    back: 'Retour aux nœuds suivis',
  },
  followsFlash: {
    node_followed: 'Le nœud est suivi : sa première lecture se fait dans les minutes qui viennent.',
    node_unfollowed: 'Le nœud n’est plus suivi ; ses projets et ses événements sont retirés.',
  },
};
