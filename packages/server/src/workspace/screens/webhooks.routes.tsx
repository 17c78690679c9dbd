import { Id, WebhookEndpointCreate, type WebhookEndpointWithSecret } from '@perron/contract';
import * as z from 'zod/mini';
import type { Context } from 'hono';
import { ProblemError } from '../../http/problem.ts';
import { createEndpoint, deleteEndpoint, listDeliveries, listEndpoints, rotateSecret } from '../../services/webhooks.ts';
import type { WorkspaceEnv } from '../context.ts';
import { formInput, parseForm, type FormErrors } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { refuse, requireMember } from '../session.tsx';
import { DeliveriesView, WebhooksView } from './webhooks.view.tsx';

const Endpoint = z.object({ endpoint: Id });

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
        if (!(error instanceof ProblemError) || error.code !== 'validation_failed') throw error;
        const t = c.get('t').webhooks;
        errors = { url: error.extra.errors?.[0]?.code === 'private_address' ? t.urlPrivate : t.urlHint };
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

  ws.get('/o/:org/webhooks/:id', admin, async (c) => {
    const parsed = z.safeParse(Id, c.req.param('id'));
    const endpoint = parsed.success ? (await listEndpoints(node.db, orgId(c))).find((e) => e.id === parsed.data) : undefined;
    if (!endpoint) return refuse(c, 404);
    const { items } = await listDeliveries(node.db, orgId(c), endpoint.id, 100);
    return c.render(<DeliveriesView endpoint={endpoint} deliveries={items} />, { title: c.get('t').webhooks.deliveries });
  });
};
