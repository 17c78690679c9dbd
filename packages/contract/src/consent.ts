import type { LocalizedText } from './common.ts';

/**
 * The collection notice shown beside every form that asks for a contact (Québec's Law 25):
 * who collects, for what, the rights, how to withdraw. Its version is stored with each consent,
 * so a change of wording means a new version here.
 */
export const CONSENT_VERSION = '2026-11';
/** The notice beside an event's registration form: its own words, so its own version. */
export const REGISTRATION_CONSENT_VERSION = '2026-11-rsvp';
export const ACCEPTED_CONSENT_VERSIONS: readonly string[] = [CONSENT_VERSION, REGISTRATION_CONSENT_VERSION];

export const consentNotice = {
  version: CONSENT_VERSION,
  /** {organization} is replaced by the name of the organization that collects. */
  purpose: {
    fr: '{organization} recueille votre nom et votre courriel uniquement pour organiser votre contribution et vous joindre à son sujet.',
    en: '{organization} collects your name and email only to organize your contribution and reach you about it.',
  },
  rights: {
    fr: "Seule l’équipe du projet voit vos coordonnées. Vous pouvez les consulter, les faire corriger ou effacer, et retirer votre engagement à tout moment grâce au lien reçu par courriel.",
    en: 'Only the project team sees your contact details. You can see, correct or erase them, and withdraw your pledge at any time with the link you receive by email.',
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
    fr: 'Seule l’équipe de l’événement voit vos coordonnées. Vous pouvez demander à l’organisme de les consulter, de les corriger ou de les effacer, et d’annuler votre inscription.',
    en: 'Only the event team sees your contact details. You can ask the organization to show, correct or erase them, and to cancel your registration.',
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

export type ConsentNotice = typeof consentNotice | typeof registrationNotice;
