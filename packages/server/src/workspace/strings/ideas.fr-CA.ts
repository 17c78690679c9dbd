// The curator's idea screens in French (moderation, contests): spread into fr-CA.ts.
export const ideasFr = {
  ideaReview: {
    title: 'Idées à publier',
    lead: 'Les idées proposées par des citoyennes et citoyens, dont l’adresse est confirmée. Le public ne les voit qu’une fois publiées ; la personne reçoit votre décision par courriel.',
    empty: 'Aucune idée n’attend de révision.',
    facts: (community: string, day: string) => `Communauté : ${community} · confirmée le ${day}`,
    contest: 'Concours',
    publish: 'Publier l’idée',
    decline: 'Refuser l’idée',
  },
  ideasFlash: {
    idea_published: 'L’idée est publiée ; la personne qui l’a proposée est prévenue.',
    idea_declined: 'L’idée est refusée ; la personne qui l’a proposée est prévenue.',
  },
};
