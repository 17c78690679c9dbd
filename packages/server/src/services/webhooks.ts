// Signed webhooks: an organization's own tools hear of pledges, registrations and curators'
// decisions. Deliveries are rows written in the write's transaction and sent by the worker after
// the commit, signed per Standard Webhooks, retried with back-off, logged for the organization.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointUpdate, WebhookEndpointWithSecret, WebhookEvent } from '@perron/contract';
import type { Database, Queryable } from '../db/database.ts';
import { iso } from '../db/queries/sql.ts';
import { ProblemError } from '../http/problem.ts';
import { newId } from '../ids.ts';
import { enqueue } from '../worker/jobs.ts';
import type { Worker } from '../worker/worker.ts';
import type { NodeServices } from '../handlers/types.ts';
import { badField } from './bad-input.ts';
import { postToTarget, privateHost } from './outbound.ts';

/** Tries per delivery: with the worker's back-off (10 s doubling, at most 1 h) about 9 hours in all. */
export const WEBHOOK_ATTEMPTS = 12;
/** How long the delivery log keeps a finished delivery. */
export const DELIVERY_LOG_DAYS = 30;
/** A receiver has this long to answer each attempt. */
const TIMEOUT_MS = 10_000;

interface EndpointRow {
  id: string;
  organization_id: string;
  url: string;
  events: WebhookEvent[];
  secret: string;
  created_at: Date;
}

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({ id: r.id, url: r.url, events: r.events, createdAt: iso(r.created_at) });
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * https to a public host. A node that allows private targets (`webhookPrivateTargets`: development,
 * tests) also takes private addresses, and http to this machine.
 */
export function checkEndpointUrl(url: string, allowPrivate: boolean): void {
  const u = new URL(url);
  const host = privateHost(u);
  if (host && !allowPrivate) {
    throw badField('body.url', `A webhook URL must not point to this machine or a private network (${host})`, 'private_address');
  }
  if (u.protocol === 'https:') return;
  const loopback = u.hostname === 'localhost' || u.hostname === '[::1]' || /^127\./.test(u.hostname);
  if (u.protocol === 'http:' && loopback && allowPrivate) return;
  throw badField('body.url', allowPrivate ? 'A webhook URL must be https (http only to this machine)' : 'A webhook URL must be https', 'https_required');
}

export async function listEndpoints(q: Queryable, organizationId: string): Promise<WebhookEndpoint[]> {
  const rows = await q.query<EndpointRow>('select * from webhook_endpoints where organization_id = $1 order by created_at, id', [organizationId]);
  return rows.map(toEndpoint);
}

export async function createEndpoint(q: Queryable, node: Pick<NodeServices, 'now' | 'webhookPrivateTargets'>, organizationId: string, body: WebhookEndpointCreate): Promise<WebhookEndpointWithSecret> {
  checkEndpointUrl(body.url, node.webhookPrivateTargets);
  const now = node.now();
  const [row] = await q.query<EndpointRow>(
    'insert into webhook_endpoints (id, organization_id, url, events, secret, created_at) values ($1, $2, $3, $4, $5, $6) returning *',
    [newId('whk'), organizationId, body.url, [...new Set(body.events)], newSecret(), now],
  );
  return { ...toEndpoint(row!), secret: row!.secret };
}

/** A new URL (refused as at creation: private targets, https) or events; the secret stays. */
export async function updateEndpoint(q: Queryable, node: Pick<NodeServices, 'webhookPrivateTargets'>, organizationId: string, id: string, body: WebhookEndpointUpdate): Promise<WebhookEndpoint> {
  const row = await ownEndpoint(q, organizationId, id, true);
  if (body.url !== undefined) checkEndpointUrl(body.url, node.webhookPrivateTargets);
  const [updated] = await q.query<EndpointRow>('update webhook_endpoints set url = $2, events = $3 where id = $1 returning *', [id, body.url ?? row.url, body.events ? [...new Set(body.events)] : row.events]);
  return toEndpoint(updated!);
}

async function ownEndpoint(q: Queryable, organizationId: string, id: string, lock = false): Promise<EndpointRow> {
  const [row] = await q.query<EndpointRow>(`select * from webhook_endpoints where id = $1 and organization_id = $2${lock ? ' for update' : ''}`, [id, organizationId]);
  if (!row) throw new ProblemError('not_found', `Your organization has no webhook endpoint ${id}`);
  return row;
}

/** The deliveries go with it (nothing more is sent; a job under way finds no endpoint and stops). */
export async function deleteEndpoint(q: Queryable, organizationId: string, id: string): Promise<void> {
  await ownEndpoint(q, organizationId, id, true);
  await q.query('delete from webhook_endpoints where id = $1', [id]);
}

export async function rotateSecret(q: Queryable, organizationId: string, id: string): Promise<WebhookEndpointWithSecret> {
  await ownEndpoint(q, organizationId, id, true);
  const [row] = await q.query<EndpointRow>('update webhook_endpoints set secret = $2 where id = $1 returning *', [id, newSecret()]);
  return { ...toEndpoint(row!), secret: row!.secret };
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event: WebhookEvent;
  status: WebhookDelivery['status'];
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  event: r.event,
  status: r.status,
  attempts: r.attempts,
  lastStatus: r.last_status,
  lastError: r.last_error,
  createdAt: iso(r.created_at),
  deliveredAt: r.delivered_at && iso(r.delivered_at),
});

/** An endpoint's log, newest first; `before` is the last row of the previous page. */
export async function listDeliveries(q: Queryable, organizationId: string, endpointId: string, limit: number, before?: [string, string]) {
  await ownEndpoint(q, organizationId, endpointId);
  const rows = await q.query<DeliveryRow & { cursor_at: string }>(
    `select *, (extract(epoch from created_at) * 1000000)::bigint::text as cursor_at from webhook_deliveries
      where endpoint_id = $1 and ($2::text is null or (created_at, id) < (timestamptz 'epoch' + $2::bigint * interval '1 microsecond', $3))
      order by created_at desc, id desc limit $4`,
    [endpointId, before?.[0] ?? null, before?.[1] ?? '', limit + 1],
  );
  return { rows, items: rows.slice(0, limit).map(toDelivery) };
}

/**
 * Called in the transaction of the write it tells of (through `notifyOrganization`): one delivery
 * per endpoint of the organization that asked for this event, and its job. None if the write rolls back.
 */
export async function enqueueWebhooks(q: Queryable, organizationId: string, event: WebhookEvent, data: Record<string, unknown>, now: Date): Promise<void> {
  const endpoints = await q.query<{ id: string }>('select id from webhook_endpoints where organization_id = $1 and $2 = any(events)', [organizationId, event], { prepared: true });
  for (const e of endpoints) {
    const id = newId('msg');
    const payload = { type: event, timestamp: iso(now), data };
    await q.query('insert into webhook_deliveries (id, endpoint_id, event, payload, created_at) values ($1, $2, $3, $4, $5)', [id, e.id, event, JSON.stringify(payload), now]);
    await enqueue(q, 'webhook.deliver', { deliveryId: id });
  }
}

/**
 * One attempt: a POST of the payload with the Standard Webhooks headers (the same `webhook-id` on
 * every attempt). A 2xx delivers it; anything else is logged and thrown, so the worker retries
 * with back-off; the last attempt marks it failed.
 */
export function handleWebhookJobs(worker: Worker, db: Database, o: { allowPrivate: boolean }): void {
  worker.handle(
    'webhook.deliver',
    async ({ deliveryId }: { deliveryId: string }, { attempt }) => {
      const [d] = await db.query<{ status: string; payload: unknown; url: string; secret: string }>(
        'select d.status, d.payload, e.url, e.secret from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where d.id = $1',
        [deliveryId],
      );
      if (!d || d.status !== 'pending') return; // deleted with its endpoint, or done by an earlier run
      const body = JSON.stringify(d.payload);
      const sentAt = new Date();
      let status: number | null = null;
      let error: string | null = null;
      try {
        const headers = {
          'content-type': 'application/json',
          'user-agent': 'Perron-Webhooks',
          'webhook-id': deliveryId,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': new Webhook(d.secret).sign(deliveryId, sentAt, body),
        };
        status = await postToTarget(d.url, headers, body, { allowPrivate: o.allowPrivate, timeoutMs: TIMEOUT_MS });
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
      } catch (e) {
        const name = (e as Error).name;
        error = name === 'TimeoutError' ? `No answer in ${TIMEOUT_MS / 1000} s` : name === 'PrivateTargetError' ? `Refused: ${(e as Error).message}` : `Unreachable: ${(e as Error).message}`;
      }
      const state = error === null ? 'delivered' : attempt >= WEBHOOK_ATTEMPTS ? 'failed' : 'pending';
      await db.query(
        `update webhook_deliveries set attempts = $2, last_status = $3, last_error = $4, status = $5,
                delivered_at = case when $5 = 'delivered' then $6::timestamptz end where id = $1`,
        [deliveryId, attempt, status, error, state, sentAt],
      );
      if (error !== null && state === 'pending') throw new Error(error);
    },
    { maxAttempts: WEBHOOK_ATTEMPTS },
  );
  // The log is for following recent deliveries, not an archive: finished ones go after 30 days.
  worker.every('webhook.forget', 86_400_000, async ({ db: q, at }) => {
    await q.query(`delete from webhook_deliveries where status <> 'pending' and created_at < $1`, [new Date(at.getTime() - DELIVERY_LOG_DAYS * 86_400_000)]);
  });
}
