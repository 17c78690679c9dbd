import { PAGE_SIZE, type ContestPhaseName } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { communityTree } from '../db/queries/communities.ts';
import { contestRow, ideaRow, isListed, listContests, listIdeas, phaseOpen, toContest, toIdea } from '../db/queries/ideas.ts';
import { ProblemError } from '../http/problem.ts';
import { newId } from '../ids.ts';
import { badField, checkConsentVersion } from '../services/bad-input.ts';
import { confirm, issueConfirmation } from '../services/confirmations.ts';
import { ideaMail, voteMail } from '../services/engagement-mail.ts';
import { localDate } from '../services/time-zone.ts';
import type { Handlers } from './types.ts';

/** A contest takes ideas, or votes, only within the dates of that phase (Montréal's days). */
async function requirePhase(q: Queryable, contestId: string, phase: ContestPhaseName, now: Date): Promise<void> {
  const { open, startsOn, endsOn, closedByCurator } = await phaseOpen(q, contestId, phase, localDate(now));
  if (open) return;
  if (closedByCurator) throw new ProblemError('phase_closed', 'A curator closed the vote of this contest');
  const what = phase === 'submission' ? 'Ideas are accepted' : 'Votes are taken';
  throw new ProblemError('phase_closed', startsOn ? `${what} from ${startsOn} to ${endsOn} in this contest` : `This contest has no ${phase} phase`);
}

export const ideasHandlers = {
  async listIdeas({ query, q }) {
    return listIdeas(q, { ...query, limit: query.limit ?? PAGE_SIZE.default });
  },

  async getIdea({ params, q }) {
    const row = await ideaRow(q, params.id);
    if (!row || !isListed(row)) throw new ProblemError('not_found', `No idea has the id ${params.id}`);
    return toIdea(row);
  },

  async listContests({ query, q, node }) {
    return listContests(q, { ...query, limit: query.limit ?? PAGE_SIZE.default, today: localDate(node.now()) });
  },

  async getContest({ params, q, node }) {
    const row = await contestRow(q, params.id);
    if (!row) throw new ProblemError('not_found', `No idea contest has the id ${params.id}`);
    return toContest(row, localDate(node.now()));
  },

  async createIdea({ body, q, node }) {
    checkConsentVersion(body.consent.version);
    const [community] = await q.query<{ id: string }>('select id from communities where slug = $1', [body.community]);
    if (!community) throw badField('body.community', `No community has the slug ${body.community}`, 'unknown_community');
    const now = node.now();
    if (body.contestId) {
      const [contest] = await q.query<{ community_id: string; inside: boolean }>(
        `select k.community_id, $2 in ${communityTree('array[k.community_id]', 'ids')} as inside from contests k where k.id = $1`,
        [body.contestId, community.id],
      );
      if (!contest) throw badField('body.contestId', `No idea contest has the id ${body.contestId}`, 'unknown_contest');
      if (!contest.inside) throw badField('body.community', "Expected the contest's community or one within it", 'outside_contest');
      await requirePhase(q, body.contestId, 'submission', now);
    }
    const id = newId('idea');
    await q.query(
      `insert into ideas (id, community_id, contest_id, title, description, lang, status, author_name, author_email, consent_version, consent_at, created_at)
       values ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9, $10, $10)`,
      [id, community.id, body.contestId ?? null, body.title, body.description, body.lang, body.author.name, body.author.email, body.consent.version, now],
    );
    const { link, expiresAt } = await issueConfirmation(q, { kind: 'idea', ideaId: id, lang: body.lang, now, baseUrl: node.baseUrl });
    await node.mailer.send(ideaMail({ to: body.author.email, link, lang: body.lang }), q);
    return { status: 'pending_confirmation' as const, kind: 'idea' as const, ideaId: id, expiresAt };
  },

  async vote({ params, body, q, node }) {
    const idea = await ideaRow(q, params.id);
    if (!idea || !isListed(idea)) throw new ProblemError('not_found', `No idea has the id ${params.id}`);
    const now = node.now();
    if (idea.contest_id) await requirePhase(q, idea.contest_id, 'vote', now);
    checkConsentVersion(body.consent.version);
    const email = body.email.toLowerCase();
    // One row per (idea, email): a concurrent vote with the same email waits on the unique key, then finds this row.
    let [vote] = await q.query<{ id: string; status: string }>(
      `insert into votes (id, idea_id, email, status, created_at, consent_version, consent_at) values ($1, $2, $3, 'pending', $4, $5, $4)
       on conflict (idea_id, email) do nothing returning id, status`,
      [newId('vote'), idea.id, email, now, body.consent.version],
    );
    vote ??= (await q.query<{ id: string; status: string }>('select id, status from votes where idea_id = $1 and email = $2', [idea.id, email]))[0]!;
    if (vote.status === 'confirmed') throw new ProblemError('already_voted', 'This email has already supported this idea; a vote counts once');
    // Still pending: the person gets a fresh link, and the vote stays one row.
    const { link, expiresAt } = await issueConfirmation(q, { kind: 'vote', ideaId: idea.id, voteId: vote.id, lang: body.lang, now, baseUrl: node.baseUrl });
    await node.mailer.send(voteMail({ to: email, ideaTitle: idea.title, link, lang: body.lang }), q);
    return { status: 'pending_confirmation' as const, kind: 'vote' as const, ideaId: idea.id, expiresAt };
  },

  async confirm({ params, q, node }) {
    return confirm(q, params.token, node.now());
  },
} satisfies Partial<Handlers>;
