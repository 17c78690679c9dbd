import * as z from 'zod/mini';
import { Email, Id, Lang, Timestamp } from './common.ts';
import { Project } from './project.ts';

/** The support notice (consent.ts) the supporter read: its version is recorded with the support. */
export const SupportConsent = z.strictObject({ version: /* @__PURE__ */ z.string().check(z.maxLength(32)) });

/**
 * "J'appuie ce projet": a resident supports a project with their email. It counts once the emailed
 * link is followed, one per confirmed email per project; a project's supporters (pledgers and
 * supporters, each email once) unlock its money needs at the threshold its organization sets.
 */
export const SupportCreate = z.strictObject({ email: Email, consent: SupportConsent, lang: Lang });
export type SupportCreate = z.infer<typeof SupportCreate>;

export const PendingSupport = z.object({ status: z.literal('pending_confirmation'), projectId: Id, expiresAt: Timestamp });
export type PendingSupport = z.infer<typeof PendingSupport>;

export const SupportConfirm = z.strictObject({ token: /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/)) });
export type SupportConfirm = z.infer<typeof SupportConfirm>;

/** The project as it stands once the support counts (its supporters, and whether its money needs are open). */
export const SupportConfirmation = z.object({ status: z.literal('confirmed'), project: Project });
export type SupportConfirmation = z.infer<typeof SupportConfirmation>;
