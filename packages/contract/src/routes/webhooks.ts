import { page } from '../common.ts';
import { Empty, IdPath, route } from '../route.ts';
import { WebhookDelivery, WebhookDeliveryQuery, WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointUpdate, WebhookEndpointWithSecret } from '../webhook.ts';

/** An organization's webhook endpoints, managed with its API key. */
export const webhookRoutes = {
  listWebhooks: route({ method: 'GET', path: '/v1/webhooks', tag: 'webhooks', auth: 'organization', summary: "The key's organization's webhook endpoints", response: page(WebhookEndpoint) }),
  createWebhook: route({ method: 'POST', path: '/v1/webhooks', tag: 'webhooks', auth: 'organization', summary: 'Add an endpoint (https) for some events; its signing secret is in this answer only', body: WebhookEndpointCreate, response: WebhookEndpointWithSecret, errors: ['idempotency_conflict'] }),
  updateWebhook: route({ method: 'PATCH', path: '/v1/webhooks/{id}', tag: 'webhooks', auth: 'organization', summary: 'Change the URL (https, to a public server, as at creation) or the events of an endpoint; its signing secret stays', params: IdPath, body: WebhookEndpointUpdate, response: WebhookEndpoint }),
  deleteWebhook: route({ method: 'DELETE', path: '/v1/webhooks/{id}', tag: 'webhooks', auth: 'organization', summary: 'Remove an endpoint; nothing more is sent to it', params: IdPath, response: Empty }),
  rotateWebhookSecret: route({ method: 'POST', path: '/v1/webhooks/{id}/rotate', tag: 'webhooks', auth: 'organization', summary: 'A new signing secret, shown in this answer only; the old one stops at once', params: IdPath, body: Empty, status: 200, response: WebhookEndpointWithSecret, errors: ['idempotency_conflict'] }),
  listWebhookDeliveries: route({ method: 'GET', path: '/v1/webhooks/{id}/deliveries', tag: 'webhooks', auth: 'organization', summary: "An endpoint's delivery log, newest first: status and attempts", params: IdPath, query: WebhookDeliveryQuery, response: page(WebhookDelivery) }),
} as const;
