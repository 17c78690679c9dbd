import type { Directory, DirectoryCreate } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { DIRECTORY_SELECT, toDirectory, type DirectoryRow } from '../db/queries/directory.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { badField } from './bad-input.ts';
import { addDirectory, directoryBase } from './directory-sync.ts';
import { privateHost } from './outbound.ts';

/**
 * The directories a curator imports, one set of rules for the API (`/v1/directories`) and the
 * workspace's screen: a node never imports its own, nor the same directory twice, nor (unless
 * `readPrivateOrigins`) one on this machine or a private network.
 */
export async function listImports(q: Queryable): Promise<Directory[]> {
  const rows = await q.query<DirectoryRow>(`${DIRECTORY_SELECT} order by d.created_at, d.id limit 100`);
  return rows.map(toDirectory);
}

export async function findImport(q: Queryable, id: string): Promise<Directory | null> {
  const [row] = await q.query<DirectoryRow>(`${DIRECTORY_SELECT} where d.id = $1`, [id]);
  return row ? toDirectory(row) : null;
}

/** Recorded now, read in the background: a slow or absent directory never holds a request. */
export async function importDirectory(q: Queryable, node: Pick<NodeServices, 'baseUrl' | 'now' | 'worker' | 'readPrivateOrigins'>, body: DirectoryCreate): Promise<Directory> {
  // The worker would read it from inside the operator's network (loopback, RFC 1918, cloud metadata).
  const host = privateHost(new URL(body.url));
  if (host && !node.readPrivateOrigins) throw badField('body.url', `A directory must not be on this machine or a private network (${host})`, 'private_address');
  if (directoryBase(body.url) === `${node.baseUrl}/hsds`) throw badField('body.url', 'A node cannot import its own directory', 'self');
  const id = await addDirectory(q, body.url, body.lang ?? 'fr', node.now());
  if (!id) throw new ProblemError('conflict', `This node already imports ${directoryBase(body.url)}`);
  node.worker?.wake();
  return (await findImport(q, id))!;
}

/** Its services go with it (on delete cascade). */
export async function removeImport(q: Queryable, id: string): Promise<void> {
  const gone = await q.query('delete from directories where id = $1 returning id', [id]);
  if (!gone.length) throw new ProblemError('not_found', `This node imports no directory with the id ${id}`);
}
