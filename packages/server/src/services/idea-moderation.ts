// Ideas are moderated: a confirmed idea waits for a curator of its community, who publishes it or
// declines it, before the public lists or reads it.
import type { Idea, LocalizedText } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { communityTree } from '../db/queries/communities.ts';
import { ideaRow, toIdea } from '../db/queries/ideas.ts';
import type { NodeServices } from '../handlers/types.ts';
import type { ApiKey } from '../http/auth.ts';
import { ProblemError } from '../http/problem.ts';
import { ideaDecisionMail } from './engagement-mail.ts';

export interface IdeaInReview extends Idea {
  confirmedAt: string;
  communityName: LocalizedText;
}

/** Confirmed ideas of the curator's communities (and those within them) awaiting review, oldest first. */
export async function ideasInReview(q: Queryable, key: ApiKey, limit = 100): Promise<IdeaInReview[]> {
  const ids = await q.query<{ id: string; name: LocalizedText }>(
    `select i.id, c.name from ideas i join communities c on c.id = i.community_id
      where i.status = 'in_review' and i.community_id in ${communityTree('$1', 'ids')} order by i.confirmed_at, i.id limit $2`,
    [key.communityIds, limit],
  );
  const rows = await Promise.all(ids.map((r) => ideaRow(q, r.id)));
  return rows.map((r, i) => ({ ...toIdea(r!), confirmedAt: (r!.confirmed_at ?? r!.created_at).toISOString(), communityName: ids[i]!.name }));
}

/**
 * Publishes or declines an idea in review, once: a conditional update, so two curators deciding
 * at once decide once (the second gets 409). Another community's idea is a 404, as if it did not
 * exist. The author, whose address the idea's link confirmed, is told by email.
 */
export async function moderateIdea(q: Queryable, node: NodeServices, key: ApiKey, personId: string | null, ideaId: string, publish: boolean): Promise<Idea> {
  const now = node.now();
  const [decided] = await q.query<{ id: string }>(
    `update ideas set status = $3, reviewed_at = $4, reviewed_by = $5
      where id = $1 and status = 'in_review' and community_id in ${communityTree('$2', 'ids')} returning id`,
    [ideaId, key.communityIds, publish ? 'published' : 'declined', now, personId],
  );
  if (!decided) {
    const [seen] = await q.query<{ status: string }>(`select status from ideas where id = $1 and status <> 'pending' and community_id in ${communityTree('$2', 'ids')}`, [
      ideaId,
      key.communityIds,
    ]);
    if (!seen) throw new ProblemError('not_found', `No idea has the id ${ideaId}`);
    throw new ProblemError('invalid_state', `This idea was already ${seen.status === 'declined' ? 'declined' : 'published'}`);
  }
  const row = (await ideaRow(q, ideaId))!;
  if (row.author_email) {
    await node.mailer.send(ideaDecisionMail({ to: row.author_email, ideaTitle: row.title, published: publish, lang: row.lang, myDataUrl: `${node.baseUrl}/my-data?lang=${row.lang}` }), q);
  }
  return toIdea(row);
}
