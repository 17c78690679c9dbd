import * as z from 'zod/mini';
import { Id, pageQuery, SafeUrl, Timestamp } from './common.ts';

/** What an organization's endpoints can hear of. */
export const WEBHOOK_EVENTS = [
  'pledge.created',
  'pledge.confirmed',
  'pledge.withdrawn',
  'registration.created',
  'registration.cancelled',
  'project.published',
  'project.rejected',
  'project.hidden',
  'project.crowdfunding_unlocked',
  'changes.approved',
  'changes.rejected',
] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** An organization's endpoint: signed POSTs (Standard Webhooks) of the events it asked for. */
export const WebhookEndpoint = z.object({
  id: Id,
  url: SafeUrl,
  events: z.array(WebhookEvent),
  createdAt: Timestamp,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** Answered once, at creation or rotation: the signing secret (`whsec_…`) is never shown again. */
export const WebhookEndpointWithSecret = z.extend(WebhookEndpoint, { secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

/** https, or http to localhost on a node that is not in production (tests, development). */
export const WebhookEndpointCreate = z.strictObject({
  url: SafeUrl,
  events: /* @__PURE__ */ z.array(WebhookEvent).check(z.minLength(1), z.maxLength(WEBHOOK_EVENTS.length)),
});
export type WebhookEndpointCreate = z.infer<typeof WebhookEndpointCreate>;

/** An endpoint's new URL (checked as at creation) or events; its secret stays. */
export const WebhookEndpointUpdate = z.strictObject({
  url: z.optional(SafeUrl),
  events: z.optional(/* @__PURE__ */ z.array(WebhookEvent).check(z.minLength(1), z.maxLength(WEBHOOK_EVENTS.length))),
});
export type WebhookEndpointUpdate = z.infer<typeof WebhookEndpointUpdate>;

/** One event sent to one endpoint: retried with back-off until the receiver answers 2xx. */
export const WebhookDelivery = z.object({
  /** Also the `webhook-id` header, the same on every attempt: a receiver de-duplicates with it. */
  id: Id,
  endpointId: Id,
  event: WebhookEvent,
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  /** The receiver's last HTTP status; null when it could not be reached. */
  lastStatus: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
  createdAt: Timestamp,
  deliveredAt: z.nullable(Timestamp),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export const WebhookDeliveryQuery = z.strictObject({ ...pageQuery });
