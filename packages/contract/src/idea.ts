import * as z from 'zod/mini';
import { Consent, Contact, DateOnly, Email, Id, Lang, LocalizedText, pageQuery, Slug, text, Timestamp } from './common.ts';

/**
 * Lists and reads show only `published`, `selected` and `not_selected` ideas. A confirmed idea
 * waits `in_review` for its community's curator, who publishes or declines it: only its author
 * sees those two, in the answer to their confirmation.
 */
export const IdeaStatus = z.enum(['in_review', 'declined', 'published', 'selected', 'not_selected']);
export const Idea = z.object({
  id: Id,
  /** A citizen writes in one language. */
  title: z.string(),
  description: z.string(),
  lang: Lang,
  community: Slug,
  contestId: z.nullable(Id),
  status: IdeaStatus,
  /** Confirmed votes only: one per verified email. */
  supportCount: z.number(),
  /** A selected idea can become a project. */
  projectId: z.nullable(Id),
  createdAt: Timestamp,
});
export type Idea = z.infer<typeof Idea>;

export const IdeaListQuery = z.strictObject({
  community: z.optional(Slug),
  contest: z.optional(Id),
  sort: z.optional(z.enum(['support', 'recent'])),
  ...pageQuery,
});
export type IdeaListQuery = z.input<typeof IdeaListQuery>;

/** An idea stays pending, and unlisted, until its author confirms by the emailed link. */
export const IdeaCreate = z.strictObject({
  title: text(140),
  description: text(2000),
  community: Slug,
  contestId: z.optional(Id),
  author: Contact,
  consent: Consent,
  lang: Lang,
});
export type IdeaCreate = z.infer<typeof IdeaCreate>;

/** The vote notice (consent.ts) the voter read: its version is recorded with the vote. */
export const VoteConsent = z.strictObject({ version: /* @__PURE__ */ z.string().check(z.maxLength(32)) });

/** A vote counts once its email is confirmed; one counted vote per email per idea. */
export const VoteCreate = z.strictObject({ email: Email, consent: VoteConsent, lang: Lang });
export type VoteCreate = z.infer<typeof VoteCreate>;

export const PendingConfirmation = z.object({ status: z.literal('pending_confirmation'), kind: z.enum(['vote', 'idea']), ideaId: Id, expiresAt: Timestamp });
export type PendingConfirmation = z.infer<typeof PendingConfirmation>;

export const ConfirmationPath = z.strictObject({ token: /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/)) });
export const ConfirmationResult = z.object({ status: z.literal('confirmed'), kind: z.enum(['vote', 'idea']), idea: Idea });
export type ConfirmationResult = z.infer<typeof ConfirmationResult>;

export const ContestPhaseName = z.enum(['submission', 'vote', 'selection', 'results']);
export type ContestPhaseName = z.infer<typeof ContestPhaseName>;
export const IdeaContest = z.object({
  id: Id,
  title: LocalizedText,
  description: z.nullable(LocalizedText),
  community: Slug,
  phases: z.array(z.object({ phase: ContestPhaseName, startsOn: DateOnly, endsOn: DateOnly })),
  /**
   * The phase today, or `upcoming` before the first and `closed` after the last. A curator who
   * closes the vote moves it to `selection`; once results are published it is `results`.
   */
  currentPhase: z.enum(['upcoming', 'submission', 'vote', 'selection', 'results', 'closed']),
  ideaCount: z.number(),
  /** When a curator closed the vote; no vote counts after it. */
  votingClosedAt: z.nullable(Timestamp),
  /** The results, once a curator published them: the selected ideas, most supported first. */
  results: z.nullable(z.object({ publishedAt: Timestamp, winners: z.array(Id) })),
});
export type IdeaContest = z.infer<typeof IdeaContest>;
export const ContestListQuery = z.strictObject({ community: z.optional(Slug), ...pageQuery });
