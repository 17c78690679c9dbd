import { Id, text } from '@perron/contract';
import * as z from 'zod/mini';
import { logActivity } from '../../services/activity.ts';
import { listOrganizationKeys, makeApiKey, revokeApiKey } from '../../services/api-keys.ts';
import { formInput, parseForm } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { requireMember } from '../session.tsx';
import { KeysView } from './keys.view.tsx';

const Create = z.object({ label: text(100) });
const Revoke = z.object({ key: Id });

/** An organization's API keys, for its admins: create (shown once), name, revoke. */
export const keysScreen: Screen = (ws, node) => {
  const admin = requireMember('admin');

  ws.get('/o/:org/keys', admin, async (c) => {
    const keys = await listOrganizationKeys(node.db, c.get('organization').organizationId);
    return c.render(<KeysView keys={keys} />, { title: c.get('t').keys.title });
  });

  ws.post('/o/:org/keys', admin, async (c) => {
    const t = c.get('t');
    const org = c.get('organization');
    const input = await formInput(c);
    const parsed = parseForm(Create, input, t);
    if (!parsed.ok) {
      c.status(422);
      return c.render(<KeysView keys={await listOrganizationKeys(node.db, org.organizationId)} errors={parsed.errors} label={input.label as string} />, { title: t.keys.title });
    }
    const { secret } = await node.db.tx(async (q) => {
      const made = await makeApiKey(q, { role: 'organization', organizationId: org.organizationId, label: parsed.data.label });
      await logActivity(q, { organizationId: org.organizationId, personId: c.get('session')!.person.id, action: 'key_created', subject: parsed.data.label, now: node.now() });
      return made;
    });
    // Shown in this answer only (no redirect: nothing keeps the secret to show it again).
    c.status(201);
    return c.render(<KeysView keys={await listOrganizationKeys(node.db, org.organizationId)} secret={secret} />, { title: t.keys.title });
  });

  ws.post('/o/:org/keys/revoke', admin, async (c) => {
    const org = c.get('organization');
    const parsed = parseForm(Revoke, await formInput(c), c.get('t'));
    const revoked =
      parsed.ok &&
      (await node.db.tx(async (q) => {
        const row = await revokeApiKey(q, parsed.data.key, org.organizationId, node.now());
        if (row) await logActivity(q, { organizationId: org.organizationId, personId: c.get('session')!.person.id, action: 'key_revoked', subject: row.label, now: node.now() });
        return row;
      }));
    return c.redirect(`/workspace/o/${org.slug}/keys${revoked ? '?done=revoked' : ''}`, 303);
  });
};
