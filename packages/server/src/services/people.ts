import type { Lang } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { newId } from '../ids.ts';

export type OrgRole = 'admin' | 'editor';

export interface Person {
  id: string;
  email: string;
  name: string | null;
  lang: Lang;
}

const emailKey = (email: string) => email.trim().toLowerCase();

export async function findPersonByEmail(q: Queryable, email: string): Promise<Person | null> {
  const [row] = await q.query<Person>('select id, email, name, lang from people where email_key = $1', [emailKey(email)]);
  return row ?? null;
}

/** The person with this address, made when new; a name given later fills a missing one. */
export async function ensurePerson(q: Queryable, p: { email: string; name?: string | null; lang?: Lang }): Promise<Person> {
  const [row] = await q.query<Person>(
    `insert into people (id, email, email_key, name, lang) values ($1, $2, $3, $4, $5)
     on conflict (email_key) do update set name = coalesce(people.name, excluded.name)
     returning id, email, name, lang`,
    [newId('per'), p.email.trim(), emailKey(p.email), p.name ?? null, p.lang ?? 'fr'],
  );
  return row!;
}

/** Adds the person to the organization, or changes their role there. */
export async function setMembership(q: Queryable, personId: string, organizationId: string, role: OrgRole): Promise<void> {
  await q.query(
    `insert into memberships (person_id, organization_id, role) values ($1, $2, $3)
     on conflict (person_id, organization_id) do update set role = excluded.role`,
    [personId, organizationId, role],
  );
}

export async function addCurator(q: Queryable, personId: string, communityId: string): Promise<void> {
  await q.query('insert into community_curators (person_id, community_id) values ($1, $2) on conflict do nothing', [personId, communityId]);
}

export interface Member {
  personId: string;
  email: string;
  name: string | null;
  role: OrgRole;
  since: Date;
}

export async function listMembers(q: Queryable, organizationId: string): Promise<Member[]> {
  return q.query<Member>(
    `select p.id as "personId", p.email, p.name, m.role, m.created_at as since
       from memberships m join people p on p.id = m.person_id
      where m.organization_id = $1 order by m.role, lower(coalesce(p.name, p.email))`,
    [organizationId],
  );
}

/**
 * Removes a member; false when they are the organization's last admin (an organization always
 * keeps someone who can manage its team). Their sessions stay: they may work elsewhere.
 */
export async function removeMember(q: Queryable, organizationId: string, personId: string): Promise<'removed' | 'last_admin' | 'not_member'> {
  const rows = await q.query<{ person_id: string; role: OrgRole }>('select person_id, role from memberships where organization_id = $1 for update', [organizationId]);
  const member = rows.find((r) => r.person_id === personId);
  if (!member) return 'not_member';
  if (member.role === 'admin' && rows.filter((r) => r.role === 'admin').length === 1) return 'last_admin';
  await q.query('delete from memberships where organization_id = $1 and person_id = $2', [organizationId, personId]);
  return 'removed';
}

export async function setPersonLang(q: Queryable, personId: string, lang: Lang): Promise<void> {
  await q.query('update people set lang = $2 where id = $1', [personId, lang]);
}
