import { typeset } from '@perron/contract';

/** French: what every element says: loading, errors, not found. */
export default typeset({
  lang: 'fr',
  loading: 'Chargement…',
  loadError: "Le contenu n'a pas pu être chargé.",
  noNode: "Cet élément ne sait pas de quel nœud Perron lire : il lui faut l'attribut node (l'adresse du nœud), ou un <perron-platform> qui en a un.",
  retry: 'Réessayer',
  required: 'obligatoire',
  optional: 'facultatif',
  close: 'Fermer',
  notFound: {
    project: 'Ce projet est introuvable. Il a peut-être été retiré.',
    need: 'Ce besoin est introuvable. Il a peut-être été retiré.',
    event: 'Ce calendrier est introuvable.',
    idea: 'Cette idée est introuvable.',
    contest: 'Ce concours d’idées est introuvable.',
    community: 'Cette communauté est introuvable.',
    organization: 'Cet organisme est introuvable.',
  },
});
