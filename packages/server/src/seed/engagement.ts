import { CONSENT_VERSION, VOTE_CONSENT_VERSION, type LocalizedText } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { addDays, fromLocal, localDate } from '../services/time-zone.ts';
import { CONTESTS, EVENTS, IDEAS } from './engagement-data.ts';
import { insertRows } from './rows.ts';

export { DEMO_CONTESTS, DEMO_EVENTS, DEMO_IDEAS } from './engagement-data.ts';

/** What the rest of the demo data made: ids by slug (projects by any stable key). */
export interface EngagementRefs {
  now: Date;
  communities: Record<string, string>;
  organizations: Record<string, string>;
  projects: Record<string, string>;
}

/** Demo people who registered or voted; example.org never delivers. */
const FIRST = ['Marie', 'Jean', 'Fatima', 'Luc', 'Nadia', 'Olivier', 'Chantal', 'Samuel', 'Isabelle', 'Ahmed', 'Julie', 'Mathieu', 'Linh', 'Pierre', 'Sarah', 'Gabriel', 'Rosa', 'Étienne'];
const LAST = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Nguyen', 'Haddad', 'Morin', 'Lavoie', 'Fortin', 'Ouellet', 'Diallo', 'Pelletier', 'Bélanger', 'Lévesque'];
const person = (i: number) => {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i * 7 + 3) % LAST.length]!;
  const email = `${first}.${last}.${i}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return { name: `${first} ${last}`, email: `${email}@example.org` };
};
const slugOf = (id: string) => id.replace(/^[a-z]+_/, '');
/** Titles that name next year say the right one whenever the demo is loaded. */
const withYear = (t: LocalizedText, year: number): LocalizedText => JSON.parse(JSON.stringify(t).replaceAll('{next}', String(year + 1)));

/**
 * Loads the demo's events (the coming eight weeks), idea contests and ideas with their votes.
 * Called by the demo seed once communities, organizations and projects exist; anything whose
 * community is missing is skipped.
 */
export async function seedEngagement(q: Queryable, refs: EngagementRefs): Promise<void> {
  const today = localDate(refs.now);
  const year = Number(today.slice(0, 4));
  const day = (n: number) => new Date(refs.now.getTime() - n * 86_400_000);

  const orgs = await q.query<{ id: string; kind: string; communities: string[] | null }>(
    `select o.id, o.kind, array_agg(oc.community_id) filter (where oc.community_id is not null) as communities
       from organizations o left join organization_communities oc on oc.organization_id = o.id
      where o.id = any($1) group by o.id, o.kind order by o.slug`,
    [Object.values(refs.organizations)],
  );
  const parents = new Map(
    (await q.query<{ id: string; parent_id: string | null }>('select id, parent_id from communities')).map((r) => [r.id, r.parent_id]),
  );
  // The named organization, else one of the community (or of an ancestor) of a preferred kind.
  const organizer = (communityId: string, by: string[], kinds: string[]): string | undefined => {
    const named = by.map((slug) => refs.organizations[slug]).find(Boolean);
    if (named) return named;
    const chain: string[] = [];
    for (let c: string | null | undefined = communityId; c; c = parents.get(c)) chain.push(c);
    for (const scope of chain) {
      for (const kind of kinds) {
        const found = orgs.find((o) => o.kind === kind && o.communities?.includes(scope));
        if (found) return found.id;
      }
    }
    return orgs.find((o) => kinds.includes(o.kind))?.id ?? orgs[0]?.id;
  };
  const known = new Set(Object.values(refs.projects));
  const project = (id: string | undefined) => (id && known.has(id) ? id : null);

  let people = 0;
  const registrations: unknown[][] = [];
  for (const e of EVENTS) {
    const communityId = refs.communities[e.community];
    const organizationId = communityId && organizer(communityId, e.by, e.kinds);
    if (!communityId || !organizationId) continue;
    const date = addDays(today, e.day);
    const registered = e.registered ?? 0;
    await q.query(
      `insert into events (id, organization_id, community_id, project_id, title, description, category, starts_at, ends_at,
                           place_name, place_address, link, capacity, registration, registered_count, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
      [
        e.id,
        organizationId,
        communityId,
        project(e.project),
        withYear(e.title, year),
        withYear(e.description, year),
        e.category,
        fromLocal(date, e.from),
        fromLocal(date, e.to),
        e.place?.name ?? null,
        e.place?.address ?? null,
        e.link ?? null,
        e.capacity ?? null,
        e.registration ?? false,
        registered,
        day(20),
      ],
    );
    for (let i = 0; i < registered; i++) {
      const p = person(people++);
      const at = day(15 - (i % 10));
      registrations.push([`reg_${slugOf(e.id)}-${i + 1}`, e.id, p.name, p.email, 1, CONSENT_VERSION, i % 3 === 0, at, i % 4 === 0 ? 'en' : 'fr', at]);
    }
  }
  await insertRows(q, 'registrations', ['id', 'event_id', 'name', 'email', 'seats', 'consent_version', 'consent_updates', 'consent_at', 'lang', 'created_at'], registrations);

  for (const c of CONTESTS) {
    const communityId = refs.communities[c.community];
    if (!communityId) continue;
    await q.query('insert into contests (id, community_id, title, description, created_at) values ($1, $2, $3, $4, $5)', [
      c.id,
      communityId,
      withYear(c.title, year),
      withYear(c.description, year),
      day(Math.max(10, -c.phases.submission[0] + 10)),
    ]);
    for (const [phase, [first, last]] of Object.entries(c.phases)) {
      await q.query('insert into contest_phases (contest_id, phase, starts_on, ends_on) values ($1, $2, $3, $4)', [
        c.id,
        phase,
        addDays(today, first),
        addDays(today, last),
      ]);
    }
    // A past contest was finished by its curator: the vote closed on its last day, the results published when their phase began.
    const { vote, results } = c.phases as Record<string, [number, number] | undefined>;
    if (vote && results && results[0] <= 0) {
      await q.query('update contests set voting_closed_at = $2, results_at = $3 where id = $1', [c.id, day(-vote[1]), day(-results[0])]);
    }
  }
  const contests = new Set((await q.query<{ id: string }>('select id from contests')).map((r) => r.id));

  const votes: unknown[][] = [];
  for (const idea of IDEAS) {
    const communityId = refs.communities[idea.community];
    if (!communityId || (idea.contest && !contests.has(idea.contest))) continue;
    const created = day(idea.age);
    await q.query(
      `insert into ideas (id, community_id, contest_id, title, description, lang, status, author_name, author_email,
                          consent_version, consent_at, support_count, project_id, created_at, confirmed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $11, $11)`,
      [
        idea.id,
        communityId,
        idea.contest ?? null,
        idea.title,
        idea.description,
        idea.lang,
        idea.status,
        idea.author,
        `${idea.author.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
        CONSENT_VERSION,
        created,
        idea.votes,
        project(idea.project),
      ],
    );
    // Votes are cast during the contest's vote phase, or since the idea was proposed.
    const phase = CONTESTS.find((c) => c.id === idea.contest)?.phases.vote;
    const from = phase ? day(-phase[0]).getTime() : created.getTime();
    const to = phase ? Math.min(refs.now.getTime(), day(-phase[1]).getTime()) : refs.now.getTime();
    const voters = idea.votes + (idea.pending ?? 0);
    for (let i = 0; i < voters; i++) {
      const confirmed = i < idea.votes;
      const cast = new Date(from + ((i + 1) * (to - from)) / (voters + 2));
      votes.push([`vote_${slugOf(idea.id)}-${i + 1}`, idea.id, person(i * 3 + idea.age).email, confirmed ? 'confirmed' : 'pending', cast, confirmed ? new Date(cast.getTime() + 3_600_000) : null, VOTE_CONSENT_VERSION, cast]);
    }
  }
  await insertRows(q, 'votes', ['id', 'idea_id', 'email', 'status', 'created_at', 'confirmed_at', 'consent_version', 'consent_at'], votes);
}
