import { randomUUID } from 'node:crypto';
import { CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../../src/index.ts';
import { api } from './node.ts';

/** Limits high enough that a test file's own traffic from 127.0.0.1 is never throttled. */
export const NO_RATE_LIMITS = { writesPerMinute: 1_000_000, readsPerMinute: 1_000_000 };
/** Pledge caps out of the way of tests that pledge many times from 127.0.0.1 (test/trust tests the caps). */
export const NO_PLEDGE_CAPS = { pledges: 1_000_000, people: 1_000_000, hours: 1_000_000, material: 1_000_000, cents: 1_000_000_000 };

/** The link of the newest email to `email` that carries `path` + a token (a pledge's confirm or withdraw link). */
export async function linkTokenTo(node: RunningNode, email: string, path: string): Promise<string | undefined> {
  const rows = await node.db.query<{ body_text: string }>('select body_text from mail_outbox where lower(recipient) = lower($1) order by created_at desc, id desc', [email]);
  for (const r of rows) {
    const token = new RegExp(`${path}([A-Za-z0-9_-]{20,100})`).exec(r.body_text)?.[1];
    if (token) return token;
  }
  return undefined;
}

/** A public pledge, then its email confirmed as the person would (the held pledge counts from then on). */
export async function confirmedPledge(node: RunningNode, needId: string, body: ReturnType<typeof pledgeBody>, headers: Record<string, string> = write()) {
  const made = await api(node, 'POST', `/v1/needs/${needId}/pledges`, { headers, body });
  if (made.status !== 201) return made;
  if (made.body.status !== 'held') return made;
  const token = await linkTokenTo(node, body.contact.email, '/pledges/confirm/');
  return api(node, 'POST', '/v1/pledges/confirm', { headers: write(), body: { token } });
}

/** Headers of a write: a fresh Idempotency-Key and, when given, an API key. */
export const write = (apiKey?: string, idempotencyKey: string = randomUUID()) => ({
  'idempotency-key': idempotencyKey,
  ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
});
export const bearer = (apiKey: string) => ({ authorization: `Bearer ${apiKey}` });

export const pledgeBody = (quantity: unknown, more: Record<string, unknown> = {}) => ({
  quantity,
  contact: { name: 'Léa Gagnon', email: 'lea.gagnon@example.org' },
  consent: { version: CONSENT_VERSION, shareWithOrganizers: true },
  lang: 'fr',
  ...more,
});

export const projectBody = (more: Record<string, unknown> = {}) => ({
  title: { fr: 'Bacs à fleurs de la rue Adam', en: 'Adam Street flower boxes' },
  summary: { fr: 'Des bacs fleuris devant les commerces de la rue Adam.', en: 'Flower boxes in front of the shops on Adam Street.' },
  themes: ['environment'],
  communities: ['hochelaga'],
  ...more,
});

/** One row count per table a write could touch: equal before and after means nothing was written. */
export async function rowCounts(node: RunningNode): Promise<Record<string, number>> {
  const tables = ['projects', 'project_communities', 'needs', 'pledges', 'mail_outbox', 'idempotency_keys', 'api_keys'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await node.db.query<{ n: number }>(`select count(*) as n from ${t}`))[0]!.n);
  return out;
}

/** A project of `apiKey`'s organization taken to `published` by the demo curator, with a need; returns their ids. */
export async function publishedProjectWithNeed(node: RunningNode, apiKey: string, curatorKey: string, need: Record<string, unknown>, project: Record<string, unknown> = {}) {
  const created = await api(node, 'POST', '/v1/projects', { headers: write(apiKey), body: projectBody(project) });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const n = await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(apiKey), body: need });
  if (n.status !== 201) throw new Error(`need: ${n.status} ${JSON.stringify(n.body)}`);
  await api(node, 'POST', `/v1/projects/${id}/submit`, { headers: write(apiKey), body: {} });
  const published = await api(node, 'POST', `/v1/projects/${id}/publish`, { headers: write(curatorKey), body: {} });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return { projectId: id, needId: n.body.id as string };
}

/** Approves, as the curator, what waits for review on an item (a money need added after publishing, say). */
export async function approvePendingChanges(node: RunningNode, curatorKey: string, subjectId: string): Promise<void> {
  const list = await api(node, 'GET', '/v1/revisions?limit=100', { headers: bearer(curatorKey) });
  const revision = list.body.items.find((r: { subjectId: string }) => r.subjectId === subjectId);
  if (!revision) throw new Error(`nothing waits for review on ${subjectId}`);
  const approved = await api(node, 'POST', `/v1/revisions/${revision.id}/approve`, { headers: write(curatorKey), body: {} });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
}
