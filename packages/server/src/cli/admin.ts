// `npm run perron -- <command>` (or `perron-server admin <command>`): what a node's operator does
// before anyone can sign in: communities, organizations, people and their roles, API keys.
import { CommunityKind, CommunityLevel, Email, Lang, OrganizationKind, SafeUrl, SkillCode, Slug } from '@perron/contract';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import type { Queryable } from '../db/database.ts';
import { newId } from '../ids.ts';
import { logActivity } from '../services/activity.ts';
import { makeApiKey, revokeApiKey } from '../services/api-keys.ts';
import { addCurator, ensurePerson, setMembership } from '../services/people.ts';
import { addFollow } from '../services/following.ts';

export const USAGE = `Administration d'un nœud Perron / Perron node administration

  community add <slug> --name <nom> [--name-en <name>] [--kind territorial|interest]
                [--level region|city|borough|neighbourhood] [--parent <slug>] [--review-events]
  community review-events <slug> on|off
  organization add <slug> --name <nom> [--kind community_organization|neighbourhood_table|
                social_economy|business|funder|public_body] [--community <slug>]… [--website <url>]
  person add <email> [--name <nom>] [--lang fr|en] [--admin <org>]… [--editor <org>]… [--curator <community>]…
  key create --label <label> (--organization <org> | --curator <community>…)
  key revoke <key id>
  key list
  skill add <code> --name <libellé> --name-en <label>
  skill list
  follow add <url du nœud / node URL> [--community <slug du nœud suivi / followed node's slug>]…
  follow remove <id>
  follow list
  list

Une clé d'API n'est montrée qu'une fois, à sa création : seule son empreinte est gardée.
An API key is shown once, when made: only its hash is kept.`;

/** A refusal to show the operator, in both languages. */
export class AdminError extends Error {}

function check<S extends z.core.$ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = z.safeParse(schema, value);
  if (!r.success) throw new AdminError(`${what}: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

async function idOf(q: Queryable, table: 'communities' | 'organizations', slug: string): Promise<string> {
  const [row] = await q.query<{ id: string }>(`select id from ${table} where slug = $1`, [slug]);
  if (!row) throw new AdminError(`${table === 'communities' ? 'Communauté inconnue / unknown community' : 'Organisme inconnu / unknown organization'}: ${slug}`);
  return row.id;
}

const list = (v: string | string[] | boolean | undefined) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []);

/** Runs one command in a transaction; returns the lines to print. */
export async function runAdmin(args: string[], q: Queryable, now: Date): Promise<string[]> {
  const { values: o, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'name-en': { type: 'string' },
      kind: { type: 'string' },
      level: { type: 'string' },
      parent: { type: 'string' },
      community: { type: 'string', multiple: true },
      website: { type: 'string' },
      lang: { type: 'string' },
      admin: { type: 'string', multiple: true },
      editor: { type: 'string', multiple: true },
      curator: { type: 'string', multiple: true },
      organization: { type: 'string' },
      label: { type: 'string' },
      'review-events': { type: 'boolean' },
    },
  });
  const [noun, verb, arg] = positionals;
  const command = `${noun ?? ''} ${verb ?? ''}`.trim();

  if (command === 'community add') {
    const slug = check(Slug, arg, 'slug');
    const name = check(z.string().check(z.trim(), z.minLength(1)), o.name, '--name');
    const kind = check(CommunityKind, o.kind ?? 'territorial', '--kind');
    const level = o.level === undefined ? null : check(CommunityLevel, o.level, '--level');
    const parent = o.parent ? await idOf(q, 'communities', o.parent) : null;
    const id = newId('com');
    await q.query('insert into communities (id, slug, kind, level, parent_id, name, events_require_review) values ($1, $2, $3, $4, $5, $6, $7)', [
      id,
      slug,
      kind,
      level,
      parent,
      { fr: name, ...(o['name-en'] ? { en: o['name-en'] } : {}) },
      o['review-events'] === true,
    ]);
    return [`Communauté créée / community created: ${slug} (${id})`];
  }

  // Its events' (and its sub-communities' events') title, description, place and link then wait for a curator.
  if (command === 'community review-events') {
    const id = await idOf(q, 'communities', check(Slug, arg, 'slug'));
    const on = check(z.enum(['on', 'off']), positionals[3], 'on|off') === 'on';
    await q.query('update communities set events_require_review = $2 where id = $1', [id, on]);
    return [on ? `Événements revus / events reviewed: ${arg}` : `Événements non revus / events not reviewed: ${arg}`];
  }

  if (command === 'organization add') {
    const slug = check(Slug, arg, 'slug');
    const name = check(z.string().check(z.trim(), z.minLength(1)), o.name, '--name');
    const kind = check(OrganizationKind, o.kind ?? 'community_organization', '--kind');
    const website = o.website === undefined ? null : check(SafeUrl, o.website, '--website');
    const id = newId('org');
    await q.query('insert into organizations (id, slug, name, kind, website) values ($1, $2, $3, $4, $5)', [id, slug, name, kind, website]);
    for (const c of list(o.community)) {
      await q.query('insert into organization_communities (organization_id, community_id) values ($1, $2)', [id, await idOf(q, 'communities', c)]);
    }
    return [`Organisme créé / organization created: ${slug} (${id})`];
  }

  if (command === 'person add') {
    const email = check(Email, arg, 'email');
    const lang = check(Lang, o.lang ?? 'fr', '--lang');
    const person = await ensurePerson(q, { email, name: o.name ?? null, lang });
    const lines = [`Personne / person: ${person.email} (${person.id})`];
    for (const [role, slugs] of [['admin', list(o.admin)], ['editor', list(o.editor)]] as const) {
      for (const slug of slugs) {
        const organizationId = await idOf(q, 'organizations', slug);
        await setMembership(q, person.id, organizationId, role);
        await logActivity(q, { organizationId, action: 'member_added', subject: `${person.email} (${role})`, now });
        lines.push(`  ${role === 'admin' ? 'administrateur·rice / admin' : 'éditeur·rice / editor'}: ${slug}`);
      }
    }
    for (const slug of list(o.curator)) {
      await addCurator(q, person.id, await idOf(q, 'communities', slug));
      lines.push(`  curateur·rice / curator: ${slug}`);
    }
    lines.push("  Connexion / sign in: /workspace (lien par courriel / emailed link)");
    return lines;
  }

  // A skill volunteer needs can name (GET /v1/skills), with both labels so that English pages have
  // theirs; given again, its labels change.
  if (command === 'skill add') {
    const code = check(z.string().check(z.maxLength(60)), check(SkillCode, arg, 'code'), 'code');
    const label = (value: string | undefined, what: string) => check(z.string().check(z.trim(), z.minLength(1), z.maxLength(60)), value, what);
    const fr = label(o.name, '--name');
    const en = label(o['name-en'], '--name-en');
    await q.query('insert into skills (code, label) values ($1, $2) on conflict (code) do update set label = excluded.label', [code, { fr, en }]);
    return [`Compétence / skill: ${code}  ${fr} / ${en}`];
  }

  if (command === 'skill list') {
    const rows = await q.query<{ code: string; label: { fr: string; en?: string } }>('select code, label from skills order by code');
    return rows.map((s) => `${s.code.padEnd(24)} ${s.label.fr} / ${s.label.en ?? '—'}`);
  }

  if (command === 'key create') {
    const label = check(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)), o.label, '--label');
    const curated = list(o.curator);
    if (!o.organization === !curated.length) throw new AdminError('--organization <org> ou / or --curator <community>');
    const organizationId = o.organization ? await idOf(q, 'organizations', o.organization) : undefined;
    const communityIds = await Promise.all(curated.map((c) => idOf(q, 'communities', c)));
    const { id, secret } = await makeApiKey(q, { role: organizationId ? 'organization' : 'curator', organizationId, communityIds, label });
    if (organizationId) await logActivity(q, { organizationId, action: 'key_created', subject: label, now });
    return [`Clé créée / key created: ${id}`, `  ${secret}`, '  Montrée une seule fois : copiez-la maintenant. / Shown once: copy it now.'];
  }

  if (command === 'key revoke') {
    const id = check(z.string().check(z.minLength(1)), arg, 'key id');
    const row = await revokeApiKey(q, id, null, now);
    if (!row) throw new AdminError(`Aucune clé active / no active key: ${id}`);
    if (row.organizationId) await logActivity(q, { organizationId: row.organizationId, action: 'key_revoked', subject: row.label, now });
    return [`Clé révoquée / key revoked: ${id}`];
  }

  if (command === 'key list') {
    const rows = await q.query<{ id: string; role: string; label: string; org: string | null; revoked_at: Date | null }>(
      `select k.id, k.role, k.label, o.slug as org, k.revoked_at from api_keys k left join organizations o on o.id = k.organization_id order by k.created_at`,
    );
    return rows.map((k) => `${k.id}  ${k.role.padEnd(12)} ${(k.org ?? '').padEnd(24)} ${k.revoked_at ? 'révoquée / revoked' : 'active'}  ${k.label}`);
  }

  // Another node whose published projects, needs and events this node shows, read by the running node's worker.
  if (command === 'follow add') {
    const url = check(SafeUrl, arg, 'url');
    const communities = list(o.community).map((c) => check(Slug, c, '--community'));
    const id = await addFollow(q, url, communities, now);
    if (!id) throw new AdminError(`Déjà suivi / already followed: ${url}`);
    return [`Nœud suivi / node followed: ${url} (${id})`, '  Lu par le nœud en marche / read by the running node.'];
  }

  if (command === 'follow remove') {
    const [row] = await q.query<{ url: string }>('delete from follows where id = $1 returning url', [arg ?? '']);
    if (!row) throw new AdminError(`Aucun nœud suivi / no followed node: ${arg}`);
    return [`Nœud plus suivi / node unfollowed: ${row.url}`];
  }

  if (command === 'follow list') {
    const rows = await q.query<{ id: string; url: string; state: string; communities: string[]; last_error: string | null }>('select id, url, state, communities, last_error from follows order by created_at');
    return rows.map((f) => `${f.id}  ${f.url}  ${f.state}${f.communities.length ? `  [${f.communities.join(', ')}]` : ''}${f.last_error ? `  (${f.last_error})` : ''}`);
  }

  if (command === 'list') {
    const communities = await q.query<{ slug: string }>('select slug from communities order by slug');
    const orgs = await q.query<{ slug: string; name: string }>('select slug, name from organizations order by slug');
    const people = await q.query<{ email: string; roles: string | null }>(
      `select p.email, concat_ws(', ',
              (select string_agg(m.role || ':' || o.slug, ', ') from memberships m join organizations o on o.id = m.organization_id where m.person_id = p.id),
              (select string_agg('curator:' || c.slug, ', ') from community_curators cc join communities c on c.id = cc.community_id where cc.person_id = p.id)) as roles
         from people p order by p.email_key`,
    );
    return [
      `Communautés / communities (${communities.length}): ${communities.map((c) => c.slug).join(', ')}`,
      `Organismes / organizations (${orgs.length}):`,
      ...orgs.map((x) => `  ${x.slug}  ${x.name}`),
      `Personnes / people (${people.length}):`,
      ...people.map((p) => `  ${p.email}  ${p.roles ?? ''}`),
    ];
  }

  throw new AdminError(USAGE);
}
