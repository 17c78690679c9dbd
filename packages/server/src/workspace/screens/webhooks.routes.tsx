import { Id, WebhookEndpointCreate, WebhookEndpointUpdate, type WebhookEndpoint, type WebhookEndpointWithSecret } from '@perron/contract';
import * as z from 'zod/mini';
import type { Context } from 'hono';
import { ProblemError } from '../../http/problem.ts';
import { createEndpoint, deleteEndpoint, listDeliveries, listEndpoints, rotateSecret, updateEndpoint } from '../../services/webhooks.ts';
import type { WorkspaceEnv } from '../context.ts';
import { formInput, parseForm, type FormErrors } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { refuse, requireMember } from '../session.tsx';
import { DeliveriesView, WebhooksView } from './webhooks.view.tsx';

const Endpoint = z.object({ endpoint: Id });

/** The service's refusal of a URL as the form says it: a private target, or not https. */
function urlErrors(c: Context<WorkspaceEnv>, error: unknown): FormErrors {
  if (!(error instanceof ProblemError) || error.code !== 'validation_failed') throw error;
  const t = c.get('t').webhooks;
  return { url: error.extra.errors?.[0]?.code === 'private_address' ? t.urlPrivate : t.urlHint };
}

/** An organization's webhook endpoints, for its admins: add (secret shown once), rotate, remove, read the delivery log. */
export const webhooksScreen: Screen = (ws, node) => {
  const admin = requireMember('admin');
  const orgId = (c: Context<WorkspaceEnv>) => c.get('organization').organizationId;
  const page = async (c: Context<WorkspaceEnv>, extra: { errors?: FormErrors; values?: { url?: string; events?: string[] }; shown?: WebhookEndpointWithSecret } = {}) =>
    c.render(<WebhooksView endpoints={await listEndpoints(node.db, orgId(c))} {...extra} />, { title: c.get('t').webhooks.title });

  ws.get('/o/:org/webhooks', admin, (c) => page(c));

  ws.post('/o/:org/webhooks', admin, async (c) => {
    const input = await formInput(c);
    const values = { url: input.url as string | undefined, events: (input.events as string[] | undefined) ?? [] };
    const parsed = parseForm(WebhookEndpointCreate, values, c.get('t'));
    let errors: FormErrors | undefined = parsed.ok ? undefined : parsed.errors;
    if (parsed.ok) {
      try {
        const shown = await node.db.tx((q) => createEndpoint(q, node, orgId(c), parsed.data));
        // Shown in this answer only: nothing keeps the secret to show it again.
        c.status(201);
        return page(c, { shown });
      } catch (error) {
        errors = urlErrors(c, error);
      }
    }
    c.status(422);
    return page(c, { errors, values });
  });

  ws.post('/o/:org/webhooks/rotate', admin, async (c) => {
    const parsed = parseForm(Endpoint, await formInput(c), c.get('t'));
    if (!parsed.ok) return refuse(c, 404);
    const shown = await node.db.tx((q) => rotateSecret(q, orgId(c), parsed.data.endpoint)).catch(() => null);
    return shown ? page(c, { shown }) : refuse(c, 404);
  });

  ws.post('/o/:org/webhooks/remove', admin, async (c) => {
    const parsed = parseForm(Endpoint, await formInput(c), c.get('t'));
    if (parsed.ok) await node.db.tx((q) => deleteEndpoint(q, orgId(c), parsed.data.endpoint)).catch(() => undefined);
    return c.redirect(`/workspace/o/${c.get('organization').slug}/webhooks?done=saved`, 303);
  });

  const endpointOf = async (c: Context<WorkspaceEnv>) => {
    const parsed = z.safeParse(Id, c.req.param('id'));
    return parsed.success ? (await listEndpoints(node.db, orgId(c))).find((e) => e.id === parsed.data) : undefined;
  };
  const deliveries = async (c: Context<WorkspaceEnv>, endpoint: WebhookEndpoint, extra: { errors?: FormErrors; url?: string } = {}) =>
    c.render(<DeliveriesView endpoint={endpoint} deliveries={(await listDeliveries(node.db, orgId(c), endpoint.id, 100)).items} {...extra} />, { title: c.get('t').webhooks.deliveries });

  ws.get('/o/:org/webhooks/:id', admin, async (c) => {
    const endpoint = await endpointOf(c);
    return endpoint ? deliveries(c, endpoint) : refuse(c, 404);
  });

  // A new URL, refused as at creation (private targets, https); the secret stays.
  ws.post('/o/:org/webhooks/:id', admin, async (c) => {
    const endpoint = await endpointOf(c);
    if (!endpoint) return refuse(c, 404);
    const url = (await formInput(c)).url as string | undefined;
    const parsed = parseForm(WebhookEndpointUpdate, { url: url ?? '' }, c.get('t'));
    let errors: FormErrors = parsed.ok ? {} : { url: c.get('t').webhooks.urlHint };
    if (parsed.ok) {
      try {
        await node.db.tx((q) => updateEndpoint(q, node, orgId(c), endpoint.id, parsed.data));
        return c.redirect(`/workspace/o/${c.get('organization').slug}/webhooks/${endpoint.id}?done=saved`, 303);
      } catch (error) {
        errors = urlErrors(c, error);
      }
    }
    c.status(422);
    return deliveries(c, endpoint, { errors, url });
  });
};
