import type { Need, PendingConfirmation, PendingSupport, Pledge, Registration } from '@perron/contract';

/** Fired by `<perron-pledge-form>` once a pledge is recorded. */
export interface PerronPledgeDetail {
  pledge: Pledge;
  need: Need;
}
/** Fired by `<perron-idea-vote>` once a vote awaits its email confirmation. */
export interface PerronVoteDetail {
  ideaId: string;
  confirmation: PendingConfirmation;
}
/** Fired by `<perron-idea-form>` once a proposed idea awaits its author's email confirmation. */
export interface PerronIdeaDetail {
  confirmation: PendingConfirmation;
}
/** Fired by `<perron-support-form>` once a support awaits its email confirmation. */
export interface PerronSupportDetail {
  projectId: string;
  confirmation: PendingSupport;
}
/** Fired by `<perron-event-calendar>` once a registration (RSVP) is recorded. */
export interface PerronRegisterDetail {
  registration: Registration;
}

export type PerronPledgeEvent = CustomEvent<PerronPledgeDetail>;
export type PerronVoteEvent = CustomEvent<PerronVoteDetail>;
export type PerronRegisterEvent = CustomEvent<PerronRegisterDetail>;
export type PerronIdeaEvent = CustomEvent<PerronIdeaDetail>;
export type PerronSupportEvent = CustomEvent<PerronSupportDetail>;

/** Bubbles and crosses shadow roots, so a host page can listen on `document`. */
export const perronEvent = <T>(type: string, detail: T) => new CustomEvent<T>(type, { detail, bubbles: true, composed: true });

/** Every event the elements fire, by name: `addEventListener` on any element or `document` knows them. */
export interface PerronEventMap {
  'perron-pledge': PerronPledgeEvent;
  'perron-vote': PerronVoteEvent;
  'perron-register': PerronRegisterEvent;
  'perron-idea': PerronIdeaEvent;
  'perron-support': PerronSupportEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the map is the whole point
  interface GlobalEventHandlersEventMap extends PerronEventMap {}
}
