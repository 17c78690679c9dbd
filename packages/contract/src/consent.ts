import type { LocalizedText } from './common.ts';

/**
 * The collection notice shown beside every form that asks for a contact (Québec's Law 25):
 * who collects, for what, the rights, how to withdraw. Its version is stored with each consent,
 * so a change of wording means a new version here.
 */
export const CONSENT_VERSION = '2026-11-30';
/** The notice beside an event's registration form: its own words, so its own version. */
export const REGISTRATION_CONSENT_VERSION = '2026-11-30-rsvp';
/** The notice beside a vote's email field. */
export const VOTE_CONSENT_VERSION = '2026-11-30-vote';
/** The notice beside the form that proposes an idea. */
export const IDEA_CONSENT_VERSION = '2026-11-30-idea';
/** The notice beside the email field of "J'appuie ce projet". */
export const SUPPORT_CONSENT_VERSION = '2026-11-30-support';
/** Earlier notices: a person who read one consented to its words, and the record says which. */
const EARLIER_VERSIONS = ['2026-11', '2026-11-rsvp'];
export const ACCEPTED_CONSENT_VERSIONS: readonly string[] = [CONSENT_VERSION, REGISTRATION_CONSENT_VERSION, VOTE_CONSENT_VERSION, IDEA_CONSENT_VERSION, SUPPORT_CONSENT_VERSION, ...EARLIER_VERSIONS];

/**
 * How long a node keeps each kind of personal data (docs/node.md, "Personal data"): the notices
 * below say the same, and the node's daily purge applies it.
 */
export const RETENTION = {
  /** A pledger's name, email and message, after the project ends (completed, cancelled, or past its end date). */
  pledgeContactDaysAfterProject: 180,
  /** A registration (name, email), after its event ends. */
  registrationDaysAfterEvent: 90,
  /** A vote's email, and an idea's author, after the contest's last phase ends. */
  voteDaysAfterContest: 180,
  /** A project supporter's email, after the project ends (completed, cancelled, or past its end date). */
  supportDaysAfterProject: 180,
  /** An email's recipient and subject; its body (and links) goes as soon as it is sent. */
  mailDays: 30,
  /** The body of an email never sent (no mail server: the dev mailbox), when its links have expired. */
  unsentMailBodyDays: 7,
  /** A "my data" link asked for by email. */
  dataRequestHours: 24,
} as const;

export const consentNotice = {
  version: CONSENT_VERSION,
  /** {organization} is replaced by the name of the organization that collects. */
  purpose: {
    fr: '{organization} recueille votre nom et votre courriel uniquement pour organiser votre contribution et vous joindre à son sujet.',
    en: '{organization} collects your name and email only to organize your contribution and reach you about it.',
  },
  rights: {
    fr: 'Seule l’équipe du projet voit vos coordonnées. Elles sont effacées dès que vous retirez votre engagement, sinon 6 mois après la fin du projet. Avec le lien reçu par courriel (ou un lien « Mes données » demandé avec votre courriel), vous pouvez consulter, télécharger ou effacer tout ce que ce site garde de vous, et retirer votre engagement à tout moment ; pour les corriger, écrivez à l’organisme.',
    en: 'Only the project team sees your contact details. They are erased as soon as you withdraw your pledge, otherwise 6 months after the project ends. With the link you receive by email (or a “My data” link asked for with your email), you can see, download or erase all this site keeps about you, and withdraw your pledge at any time; to correct them, write to the organization.',
  },
  shareWithOrganizers: {
    fr: "J’accepte que mon nom et mon courriel soient transmis aux organisateurs pour cette contribution.",
    en: 'I agree that my name and email be shared with the organizers for this contribution.',
  },
  updates: {
    fr: "J’aimerais recevoir des nouvelles de ce projet (facultatif).",
    en: 'I would like to receive news about this project (optional).',
  },
} as const satisfies Record<string, string | LocalizedText>;

/** What a person who registers for an event is told and agrees to: the event, not a contribution. */
export const registrationNotice = {
  version: REGISTRATION_CONSENT_VERSION,
  purpose: {
    fr: '{organization} recueille votre nom et votre courriel uniquement pour organiser cet événement et vous joindre à son sujet.',
    en: '{organization} collects your name and email only to organize this event and reach you about it.',
  },
  rights: {
    fr: 'Seule l’équipe de l’événement voit vos coordonnées ; elles sont effacées 3 mois après l’événement. Avec un lien « Mes données » demandé avec votre courriel, vous pouvez consulter, télécharger ou effacer tout ce que ce site garde de vous (votre inscription est alors annulée) ; pour les corriger, écrivez à l’organisme.',
    en: 'Only the event team sees your contact details; they are erased 3 months after the event. With a “My data” link asked for with your email, you can see, download or erase all this site keeps about you (your registration is then cancelled); to correct them, write to the organization.',
  },
  shareWithOrganizers: {
    fr: 'J’accepte que mon nom et mon courriel soient transmis aux organisateurs pour cet événement.',
    en: 'I agree that my name and email be shared with the organizers for this event.',
  },
  updates: {
    fr: 'J’aimerais recevoir des nouvelles de cet organisme (facultatif).',
    en: 'I would like to receive news from this organization (optional).',
  },
} as const satisfies Record<string, string | LocalizedText>;

/**
 * What a person who supports an idea is told before giving their email. No organization receives
 * it, so there is nothing to agree to share: the notice is read, and its version recorded, with the vote.
 */
export const voteNotice = {
  version: VOTE_CONSENT_VERSION,
  purpose: {
    fr: 'Votre courriel sert uniquement à confirmer votre appui et à compter un appui par personne ; il n’est ni affiché ni transmis à personne.',
    en: 'Your email is used only to confirm your support and to count one support per person; it is never shown or passed on to anyone.',
  },
  rights: {
    fr: 'Il est effacé 6 mois après la fin du vote. Avec un lien « Mes données » demandé avec votre courriel, vous pouvez le consulter, le télécharger ou l’effacer (votre appui est alors retiré tant que le vote est ouvert).',
    en: 'It is erased 6 months after the vote ends. With a “My data” link asked for with your email, you can see, download or erase it (your support is then withdrawn while the vote is open).',
  },
} as const satisfies Record<string, string | LocalizedText>;

/** What a person who proposes an idea is told: the idea's review, not a contribution. */
export const ideaNotice = {
  version: IDEA_CONSENT_VERSION,
  /** {organization} is the community whose team reviews the idea. */
  purpose: {
    fr: 'Votre nom et votre courriel servent uniquement à confirmer votre idée et à vous dire si l’équipe qui révise les idées de {organization} la publie ; ils ne sont jamais affichés.',
    en: 'Your name and email are used only to confirm your idea and to tell you whether the team that reviews the ideas of {organization} publishes it; they are never shown.',
  },
  rights: {
    fr: 'Ils sont effacés 6 mois après la fin du concours (hors concours, quand l’idée n’est plus publiée). Avec un lien « Mes données » demandé avec votre courriel, vous pouvez les consulter, les télécharger ou les effacer (une idée pas encore publiée est alors effacée).',
    en: 'They are erased 6 months after the contest ends (outside a contest, when the idea is no longer published). With a “My data” link asked for with your email, you can see, download or erase them (an idea not yet published is then erased).',
  },
  shareWithOrganizers: {
    fr: 'J’accepte que mon nom et mon courriel soient gardés pour cette idée, comme décrit ci-dessus.',
    en: 'I agree that my name and email be kept for this idea, as described above.',
  },
  updates: {
    fr: 'J’aimerais recevoir des nouvelles de cette idée (facultatif).',
    en: 'I would like to receive news about this idea (optional).',
  },
} as const satisfies Record<string, string | LocalizedText>;


/**
 * What a person who supports a project is told before giving their email. The organization does
 * not receive it: only the count is public. Read, and its version recorded, with the support.
 */
export const supportNotice = {
  version: SUPPORT_CONSENT_VERSION,
  purpose: {
    fr: 'Votre courriel sert uniquement à confirmer votre appui et à compter un appui par personne ; il n’est ni affiché ni transmis à l’organisme.',
    en: 'Your email is used only to confirm your support and to count one support per person; it is never shown or passed on to the organization.',
  },
  rights: {
    fr: 'Il est effacé 6 mois après la fin du projet. Avec le lien reçu par courriel (ou un lien « Mes données » demandé avec votre courriel), vous pouvez le consulter, le télécharger ou l’effacer : votre appui est alors retiré.',
    en: 'It is erased 6 months after the project ends. With the link you receive by email (or a “My data” link asked for with your email), you can see, download or erase it: your support is then withdrawn.',
  },
} as const satisfies Record<string, string | LocalizedText>;

export type ConsentNotice = typeof consentNotice | typeof registrationNotice | typeof ideaNotice;
