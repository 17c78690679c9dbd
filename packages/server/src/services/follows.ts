import type { Follow, FollowCreate } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { FOLLOW_SELECT, toFollow, type FollowRow } from '../db/queries/followed.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { badField } from './bad-input.ts';
import { addFollow, followedBase } from './following.ts';
import { privateHost } from './outbound.ts';

/**
 * The nodes this node follows, one set of rules for the API (`/v1/follows`) and the workspace's
 * screen: a node never follows itself, nor the same node twice, nor (unless `readPrivateOrigins`)
 * one on this machine or a private network. (`perron follow add`, the operator's, may.)
 */
export async function listFollows(q: Queryable): Promise<Follow[]> {
  const rows = await q.query<FollowRow>(`${FOLLOW_SELECT} order by f.created_at, f.id limit 100`);
  return rows.map(toFollow);
}

export async function findFollow(q: Queryable, id: string): Promise<Follow | null> {
  const [row] = await q.query<FollowRow>(`${FOLLOW_SELECT} where f.id = $1`, [id]);
  return row ? toFollow(row) : null;
}

/** Recorded now, read in the background: a slow or absent node never holds a request. */
export async function followNode(q: Queryable, node: Pick<NodeServices, 'baseUrl' | 'now' | 'worker' | 'readPrivateOrigins'>, body: FollowCreate): Promise<Follow> {
  // Its own address first: on a local node it is private too, and "this is this node" says more.
  if (followedBase(body.url) === node.baseUrl) throw badField('body.url', 'A node cannot follow itself', 'self');
  // The worker would read it from inside the operator's network (loopback, RFC 1918, cloud metadata).
  const host = privateHost(new URL(body.url));
  if (host && !node.readPrivateOrigins) throw badField('body.url', `A followed node must not be on this machine or a private network (${host})`, 'private_address');
  const id = await addFollow(q, body.url, body.communities ?? [], node.now());
  if (!id) throw new ProblemError('conflict', `This node already follows ${followedBase(body.url)}`);
  node.worker?.wake();
  return (await findFollow(q, id))!;
}

/** Its copies go with it (on delete cascade). */
export async function unfollow(q: Queryable, id: string): Promise<void> {
  const gone = await q.query('delete from follows where id = $1 returning id', [id]);
  if (!gone.length) throw new ProblemError('not_found', `This node follows no node with the id ${id}`);
}
