import { PUBLIC_PROJECT_STATUSES, type LocalizedText, type OrganizationSummary, type Project, type ProjectDetail, type ProjectProgress } from '@perron/contract';
import type { ApiKey } from '../../http/auth.ts';
import type { Queryable } from '../database.ts';
import { communityTree } from './communities.ts';
import { pendingChangesOf } from '../../services/revisions.ts';
import { NEED_COLUMNS, toNeed, type NeedRow } from './needs.ts';
import { summaryJson } from './organizations.ts';
import type { RequestContext } from '../../handlers/types.ts';
import { CURSOR_PART, decodeCursor, fromMicros, iso, likeEscape, limitOf, microsOf, Params, searchText } from './sql.ts';

export interface ProjectRow {
  id: string;
  organization_id: string;
  status: Project['status'];
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText | null;
  themes: Project['themes'];
  image_url: string | null;
  image_alt: LocalizedText | null;
  starts_on: string | null;
  ends_on: string | null;
  crowdfunding_threshold: number | null;
  crowdfunding_unlocked_at: Date | string | null;
  supporter_count: number;
  rejection_reason: string | null;
  // Text when the rows come as JSON (jsonRows).
  created_at: Date | string;
  updated_at: Date | string;
  cursor_at: string;
  organization: OrganizationSummary;
  communities: string[];
  partners: Project['partners'];
  progress: { category: keyof ProjectProgress; needs: number; filled: number; ratio: number; wanted: number; pledged: number }[];
}

/**
 * Projects with everything a card shows (organization, communities, partners, progress), in one
 * statement. `inner` selects the `projects` rows, already filtered, ordered and limited, so the
 * correlated parts run for the rows of the page only.
 */
export const projectSelect = (inner: string) => `
  select p.id, p.organization_id, p.status, p.title, p.summary, p.description, p.themes, p.image_url, p.image_alt,
         p.starts_on::text as starts_on, p.ends_on::text as ends_on, p.crowdfunding_threshold, p.crowdfunding_unlocked_at, p.supporter_count,
         p.rejection_reason, p.created_at, p.updated_at, ${microsOf('p.created_at')} as cursor_at,
         ${summaryJson('o')} as organization,
         array(select c.slug from project_communities pc join communities c on c.id = pc.community_id
                where pc.project_id = p.id order by c.slug) as communities,
         (select coalesce(json_agg(json_build_object('organization', ${summaryJson('po')}, 'role', pp.role) order by po.name), '[]'::json)
            from project_partners pp join organizations po on po.id = pp.organization_id where pp.project_id = p.id and pp.status = 'accepted') as partners,
         -- Kept on the row by the database on every write to a need (migration 050).
         p.progress
    from (${inner}) p join organizations o on o.id = p.organization_id
   order by p.created_at desc, p.id desc`;

function progressOf(rows: ProjectRow['progress']): ProjectProgress {
  const of = (category: keyof ProjectProgress) => {
    const r = rows.find((x) => x.category === category);
    return { needs: Number(r?.needs ?? 0), filled: Number(r?.filled ?? 0), ratio: Math.round(Number(r?.ratio ?? 0) * 1000) / 1000 };
  };
  const money = rows.find((x) => x.category === 'financial');
  return {
    human: of('human'),
    material: of('material'),
    financial: { ...of('financial'), wantedCents: Number(money?.wanted ?? 0), pledgedCents: Number(money?.pledged ?? 0) },
  };
}

export function toProject(r: ProjectRow, baseUrl: string): Project {
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    summary: r.summary,
    description: r.description,
    themes: r.themes,
    communities: r.communities,
    organization: r.organization,
    image: r.image_url && r.image_alt ? { url: r.image_url, alt: r.image_alt } : null,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    partners: r.partners,
    supporterCount: r.supporter_count,
    // Unlocked when the supporters first reached the threshold, and for good (services/supports.ts).
    crowdfunding: r.crowdfunding_threshold ? { threshold: r.crowdfunding_threshold, unlocked: r.crowdfunding_unlocked_at !== null } : null,
    progress: progressOf(r.progress),
    rejectionReason: r.rejection_reason,
    url: `${baseUrl}/projects/${encodeURIComponent(r.id)}`,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/**
 * The statement of a page of projects (`limit + 1` rows), newest first by keyset on
 * (created_at, id): page 100 costs what page 1 does. Without a status filter the public sees
 * published projects; a key also sees what it may (its own, or the submissions it reviews).
 */
export function listProjectsQuery(query: RequestContext<'listProjects'>['query'], key: ApiKey | null, limit: number) {
  const p = new Params();
  const where = [visibleTo(key, p)];
  if (query.status) where.push(`p.status = ${p.add(query.status)}`);
  else if (!key) where.push(`p.status = 'published'`);
  if (query.community) {
    where.push(`exists (select 1 from project_communities pc where pc.project_id = p.id and pc.community_id in ${communityTree(p.add(query.community), 'slug')})`);
  }
  if (query.organization) where.push(`p.organization_id = (select id from organizations where slug = ${p.add(query.organization)})`);
  if (query.partner) {
    // Only a partnership the partner accepted: naming a caisse does not put a project in its showcase.
    where.push(`exists (select 1 from project_partners pp join organizations po on po.id = pp.organization_id where pp.project_id = p.id and pp.status = 'accepted' and po.slug = ${p.add(query.partner)})`);
  }
  if (query.theme) where.push(`${p.add(query.theme)} = any(p.themes)`);
  if (query.needs) where.push(`exists (select 1 from needs n where n.project_id = p.id and n.category = ${p.add(query.needs)} and n.status = 'open' and not n.in_review)`);
  for (const word of searchText(query.q).split(' ').filter(Boolean).slice(0, 8)) {
    where.push(`p.search like ${p.add(`%${likeEscape(word)}%`)}`);
  }
  if (query.cursor) {
    const [micros, id] = decodeCursor(query.cursor, [CURSOR_PART.micros, CURSOR_PART.id]);
    where.push(`(p.created_at, p.id) < (${fromMicros(p.add(micros))}, ${p.add(id)})`);
  }
  const inner = `select * from projects p where ${where.join(' and ')} order by p.created_at desc, p.id desc limit ${limitOf(limit)}`;
  return { sql: projectSelect(inner), values: p.values };
}

// Constants in the SQL text, not parameters: a named statement's generic plan then knows them
// (db/pglite-prepared.ts), and plans as well as a fresh one would.
const PUBLIC_STATUSES = `(${PUBLIC_PROJECT_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/**
 * Which projects a request may see: anyone the public ones; an organization's key also all of
 * its own; a curator's key also the submissions in its communities (and those nested in them).
 */
export function visibleTo(key: ApiKey | null, p: Params, alias = 'p'): string {
  // A project a curator hid is off every public list and page; its organization still sees it.
  const seen = [`(${alias}.status in ${PUBLIC_STATUSES} and ${alias}.hidden_at is null)`];
  if (key?.organizationId) seen.push(`${alias}.organization_id = ${p.add(key.organizationId)}`);
  if (key?.role === 'curator') seen.push(`(${alias}.status = 'submitted' and ${curatedBy(key, p, alias)})`);
  return `(${seen.join(' or ')})`;
}

/** SQL: the project is in one of the communities the curator's key reviews. */
export const curatedBy = (key: ApiKey, p: Params, alias = 'p') =>
  `exists (select 1 from project_communities pc where pc.project_id = ${alias}.id and pc.community_id in ${communityTree(p.add(key.communityIds), 'ids')})`;

/**
 * A project with its needs, in two statements whatever the number of needs; null when `seenBy`
 * (a key, or nobody) may not see it. A write that already checked its right passes 'authorized'.
 */
export async function findProjectDetail(q: Queryable, id: string, baseUrl: string, seenBy: ApiKey | null | 'authorized'): Promise<ProjectDetail | null> {
  const p = new Params();
  const visible = seenBy === 'authorized' ? 'true' : visibleTo(seenBy, p);
  const [row] = await q.query<ProjectRow>(projectSelect(`select * from projects p where p.id = ${p.add(id)} and ${visible}`), p.values, { prepared: true });
  if (!row) return null;
  // Its organization also sees what waits for a curator: new money needs, and the pending changes.
  const own = seenBy === 'authorized' || (seenBy?.organizationId !== undefined && seenBy?.organizationId === row.organization_id);
  const needs = await q.query<NeedRow>(`select ${NEED_COLUMNS} from needs n where n.project_id = $1 and (not n.in_review or $2) order by n.position, n.created_at, n.id`, [id, own], { prepared: true });
  const pending = own ? await pendingChangesOf(q, 'project', id) : undefined;
  const partners = own ? { partners: await namedPartners(q, id) } : {};
  return { ...toProject(row, baseUrl), ...partners, needs: needs.map(toNeed), ...(pending ? { pendingChanges: pending } : {}) };
}

/** Every partner the project's organization named, with the partner's answer: for that organization only. */
async function namedPartners(q: Queryable, projectId: string): Promise<Project['partners']> {
  const [row] = await q.query<{ partners: Project['partners'] }>(
    `select coalesce(json_agg(json_build_object('organization', ${summaryJson('po')}, 'role', pp.role, 'status', pp.status) order by po.name), '[]'::json) as partners
       from project_partners pp join organizations po on po.id = pp.organization_id where pp.project_id = $1`,
    [projectId],
  );
  return row!.partners;
}
