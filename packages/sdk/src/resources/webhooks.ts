import { webhookRoutes, type RouteBody, type RouteQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

// With an organization's key: its webhook endpoints (the secret is in the answers of create and rotate only).
export const listWebhooks = (core: PerronCore, o?: CallOptions) => core.list(webhookRoutes.listWebhooks, undefined, o);
export const createWebhook = (core: PerronCore, body: RouteBody<'createWebhook'>, o?: CallOptions) => core.call(webhookRoutes.createWebhook, { body }, o);
/** A new URL (refused as at creation) or events; the secret stays. */
export const updateWebhook = (core: PerronCore, id: string, body: RouteBody<'updateWebhook'>, o?: CallOptions) => core.call(webhookRoutes.updateWebhook, { params: { id }, body }, o, id);
export const deleteWebhook = (core: PerronCore, id: string, o?: CallOptions) => core.call(webhookRoutes.deleteWebhook, { params: { id } }, o, id);
export const rotateWebhookSecret = (core: PerronCore, id: string, o?: CallOptions) => core.call(webhookRoutes.rotateWebhookSecret, { params: { id }, body: {} }, o, id);
export const listWebhookDeliveries = (core: PerronCore, id: string, query?: RouteQuery<'listWebhookDeliveries'>, o?: CallOptions) =>
  core.list(webhookRoutes.listWebhookDeliveries, query, o, undefined, { id });
