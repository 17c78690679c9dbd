import type { trustFr } from './trust.fr-CA.ts';
import type { Strings } from './fr-CA.ts';

type TrustStrings = Pick<Strings, keyof typeof trustFr>;

// Partnerships (a partner organization's consent): spread into en-CA.ts.
export const trustEn: TrustStrings = {
  partnerships: {
    nav: 'Partnerships',
    navText: 'Accept or decline the projects that name your organization as a partner.',
    title: 'Partnerships',
    lead: 'Organizations name yours as a partner, funder or sponsor of their projects. Nothing is public until you accept: the project then shows as yours, on your site too (the “partner” filter).',
    caption: 'Projects that name your organization',
    empty: 'No project names your organization as a partner.',
    col: { project: 'Project', by: 'Organization', role: 'Role', status: 'Status', actions: 'Actions' },
    roles: { partner: 'Partner', funder: 'Funder', sponsor: 'Sponsor' },
    status: { proposed: 'Waiting for your answer', accepted: 'Accepted: public', declined: 'Declined: not public' },
    accept: 'Accept',
    decline: 'Decline',
    withdraw: 'Withdraw',
    acceptLabel: (project: string) => `Accept the partnership with “${project}”`,
    declineLabel: (project: string) => `Decline the partnership with “${project}”`,
    withdrawLabel: (project: string) => `Withdraw your agreement to the partnership with “${project}”`,
  },
  partnerStatus: {
    proposed: (name: string) => `${name} has not answered yet: this partnership is not public.`,
    accepted: (name: string) => `${name} accepted: this partnership is public.`,
    declined: (name: string) => `${name} declined: this partnership is not public.`,
  },
  newItem: {
    kind: 'New event',
    title: (title: string) => `New event: ${title}`,
    lead: 'It is public nowhere (lists, calendars, page) until you approve it.',
    field: 'Field',
    value: 'To publish',
    approve: 'Approve and publish the event',
    reject: 'Reject the event',
    rejectHint: 'The organization will read it; the event stays private, and it can edit it to submit it again.',
    waiting: 'Waiting for a curator: not public yet',
    when: 'When',
    where: 'Where',
    online: (link: string) => `Online: ${link}`,
    nowhere: 'No place or link',
  },
  trustFlash: {
    partnership_accepted: 'Partnership accepted: the project shows as yours.',
    partnership_declined: 'Partnership declined: the project does not show as yours.',
  },
  trustActions: {
    partnership_accepted: 'Partnership accepted',
    partnership_declined: 'Partnership declined',
  },
};
