// The curator's idea screens in English: spread into en-CA.ts (the keys of ideas.fr-CA.ts).
import type { ideasFr } from './ideas.fr-CA.ts';

export const ideasEn: typeof ideasFr = {
  ideaReview: {
    title: 'Ideas to publish',
    lead: 'Ideas proposed by residents whose address is confirmed. The public sees them only once published; the person gets your decision by email.',
    empty: 'No idea is waiting for review.',
    facts: (community: string, day: string) => `Community: ${community} · confirmed on ${day}`,
    contest: 'Contest',
    publish: 'Publish the idea',
    decline: 'Decline the idea',
  },
  ideasFlash: {
    idea_published: 'The idea is published; the person who proposed it is told.',
    idea_declined: 'The idea is declined; the person who proposed it is told.',
  },
};
