// Partnerships (a partner organization's consent): spread into fr-CA.ts.
export const trustFr = {
  partnerships: {
    nav: 'Partenariats',
    navText: 'Accepter ou refuser les projets qui nomment votre organisme comme partenaire.',
    title: 'Partenariats',
    lead: 'Des organismes nomment le vôtre partenaire, bailleur de fonds ou commanditaire de leurs projets. Rien n’est public avant que vous l’acceptiez : le projet apparaît alors comme le vôtre, sur votre site aussi (filtre « partner »).',
    caption: 'Projets qui nomment votre organisme',
    empty: 'Aucun projet ne nomme votre organisme comme partenaire.',
    col: { project: 'Projet', by: 'Organisme', role: 'Rôle', status: 'État', actions: 'Actions' },
    roles: { partner: 'Partenaire', funder: 'Bailleur de fonds', sponsor: 'Commanditaire' },
    status: { proposed: 'En attente de votre réponse', accepted: 'Accepté : public', declined: 'Refusé : non public' },
    accept: 'Accepter',
    decline: 'Refuser',
    withdraw: 'Retirer',
    acceptLabel: (project: string) => `Accepter le partenariat avec « ${project} »`,
    declineLabel: (project: string) => `Refuser le partenariat avec « ${project} »`,
    withdrawLabel: (project: string) => `Retirer votre accord au partenariat avec « ${project} »`,
  },
  /** A project's partners, as its own organization sees them in the form. */
  partnerStatus: {
    proposed: (name: string) => `${name} n’a pas encore répondu : ce partenariat n’est pas public.`,
    accepted: (name: string) => `${name} a accepté : ce partenariat est public.`,
    declined: (name: string) => `${name} a refusé : ce partenariat n’est pas public.`,
  },
  /** A new event of a community that reviews events, in a curator's queue. */
  newItem: {
    kind: 'Nouvel événement',
    title: (title: string) => `Nouvel événement : ${title}`,
    lead: 'Il n’est public nulle part (listes, calendriers, page) avant votre approbation.',
    field: 'Champ',
    value: 'À publier',
    approve: 'Approuver et publier l’événement',
    reject: 'Refuser l’événement',
    rejectHint: 'L’organisme la lira ; l’événement reste non public, et il peut le modifier pour le soumettre de nouveau.',
    waiting: 'En attente d’un curateur : pas encore public',
    when: 'Quand',
    where: 'Où',
    online: (link: string) => `En ligne : ${link}`,
    nowhere: 'Aucun lieu ni lien',
  },
  trustFlash: {
    partnership_accepted: 'Partenariat accepté : le projet apparaît comme le vôtre.',
    partnership_declined: 'Partenariat refusé : le projet n’apparaît pas comme le vôtre.',
  },
  trustActions: {
    partnership_accepted: 'Partenariat accepté',
    partnership_declined: 'Partenariat refusé',
  },
} as const;
