import type { ConfirmationResult, Lang } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { ideaRow, toIdea, type IdeaRow } from '../db/queries/ideas.ts';
import { iso } from '../db/queries/sql.ts';
import { ProblemError } from '../http/problem.ts';
import { newToken, sha256 } from '../ids.ts';
import { confirmationLink } from './engagement-mail.ts';

/** How long an emailed link works. */
export const CONFIRMATION_TTL_DAYS = 7;

export interface NewConfirmation {
  kind: 'vote' | 'idea';
  ideaId: string;
  voteId?: string;
  lang: Lang;
  now: Date;
  baseUrl: string;
}

/** Makes the token an email carries; only its hash is kept. Returns the link and when it expires. */
export async function issueConfirmation(q: Queryable, c: NewConfirmation) {
  const token = newToken();
  const expiresAt = new Date(c.now.getTime() + CONFIRMATION_TTL_DAYS * 86_400_000);
  await q.query('insert into confirmations (token_hash, kind, idea_id, vote_id, expires_at, lang) values ($1, $2, $3, $4, $5, $6)', [
    sha256(token),
    c.kind,
    c.ideaId,
    c.voteId ?? null,
    expiresAt,
    c.lang,
  ]);
  return { link: confirmationLink(c.baseUrl, token), expiresAt: iso(expiresAt) };
}

export interface ConfirmationState {
  kind: 'vote' | 'idea';
  idea: IdeaRow;
  lang: Lang;
  state: 'open' | 'used' | 'expired';
  expiresAt: Date;
}

/** What a token would confirm, without confirming it (the page people open from the email). */
export async function lookUpConfirmation(q: Queryable, token: string, now: Date): Promise<ConfirmationState | null> {
  const [row] = await q.query<{ kind: 'vote' | 'idea'; idea_id: string; lang: Lang; used_at: Date | null; expires_at: Date }>(
    'select kind, idea_id, lang, used_at, expires_at from confirmations where token_hash = $1',
    [sha256(token)],
  );
  if (!row) return null;
  const idea = (await ideaRow(q, row.idea_id))!;
  const state = row.used_at ? 'used' : row.expires_at <= now ? 'expired' : 'open';
  return { kind: row.kind, idea, lang: row.lang, state, expiresAt: row.expires_at };
}

/**
 * Uses a token once: a vote becomes counted (support_count + 1) or an idea goes to its curator. The
 * token's row is claimed by a conditional update, so of any number of concurrent requests one
 * does the work; the others, and later replays, get the same confirmed answer and count nothing.
 */
export async function confirm(q: Queryable, token: string, now: Date): Promise<ConfirmationResult> {
  const [claimed] = await q.query<{ kind: 'vote' | 'idea'; idea_id: string; vote_id: string | null }>(
    `update confirmations set used_at = $2 where token_hash = $1 and used_at is null and expires_at > $2
     returning kind, idea_id, vote_id`,
    [sha256(token), now],
  );
  let kind: 'vote' | 'idea';
  let ideaId: string;
  if (claimed) {
    ({ kind, idea_id: ideaId } = claimed);
    if (kind === 'vote') {
      // Two links for one vote (a vote cast twice) still count it once: only a pending vote turns.
      const turned = await q.query("update votes set status = 'confirmed', confirmed_at = $2 where id = $1 and status = 'pending' returning id", [
        claimed.vote_id,
        now,
      ]);
      if (turned.length) await q.query('update ideas set support_count = support_count + 1 where id = $1', [ideaId]);
    } else {
      // Its author is real; the public reads it once a curator of its community publishes it.
      await q.query("update ideas set status = 'in_review', confirmed_at = $2 where id = $1 and status = 'pending'", [ideaId, now]);
    }
  } else {
    const state = await lookUpConfirmation(q, token, now);
    if (!state) throw new ProblemError('not_found', 'This confirmation link is unknown');
    if (state.state === 'expired') {
      throw new ProblemError(
        'not_found',
        `This confirmation link expired on ${iso(state.expiresAt)} (links work ${CONFIRMATION_TTL_DAYS} days): ${state.kind === 'vote' ? 'vote' : 'propose the idea'} again to receive a new one`,
      );
    }
    ({ kind } = state);
    ideaId = state.idea.id;
  }
  return { status: 'confirmed', kind, idea: toIdea((await ideaRow(q, ideaId))!) };
}
