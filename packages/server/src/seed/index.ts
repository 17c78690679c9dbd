import { CONSENT_VERSION, type PledgeStatus } from '@perron/contract';
import type { Database, Queryable } from '../db/database.ts';
import { searchText } from '../db/queries/sql.ts';
import { newToken, sha256 } from '../ids.ts';
import { createApiKey } from '../services/api-keys.ts';
import { promiseOnlyPayments } from '../services/payments.ts';
import { addDays, fromLocal, localDate } from '../services/time-zone.ts';
import { addCurator, ensurePerson, setMembership } from '../services/people.ts';
import { DEMO_COMMUNITIES, DEMO_KEYS, DEMO_STAFF } from './demo-ids.ts';
import { seedEngagement } from './engagement.ts';
import { insertRows } from './rows.ts';
import { COMMUNITIES, ORGANIZATIONS } from './places.ts';
import { PROJECTS, type DemoNeed, type DemoProject } from './projects.ts';
import { seedServices } from './services.ts';

export { DEMO_COMMUNITIES, DEMO_KEYS, DEMO_NEEDS, DEMO_ORGANIZATIONS, DEMO_PROJECTS, DEMO_STAFF } from './demo-ids.ts';

const PEOPLE = [
  'Marie-Ève Tremblay', 'Jean-François Gagnon', 'Amina Haddad', 'Lan Nguyen', 'Carlos Mendoza', 'Sophie Lavoie',
  'Mamadou Diallo', 'Isabelle Côté', 'Olivier Bouchard', 'Fatima Zahra Benali', 'Priya Sharma', 'Luc Bergeron',
  'Chloé Pelletier', 'Karim Belkacem', 'Émilie Roy', 'David Cohen', 'Ana Souza', 'Gabriel Morin', 'Yasmine Khalil',
  'Samuel Fortin', 'Nadia Joseph', 'Vincent Ouellet', 'Giulia Romano', 'Kwame Mensah',
];
const MESSAGES = [
  'Je peux apporter mes propres outils.',
  'Disponible surtout les fins de semaine.',
  'Happy to help, I live two streets away.',
  'Je passerai déposer le tout au local mardi.',
];
const PLEDGE_COLUMNS = [
  'id', 'need_id', 'project_id', 'quantity', 'status', 'contact_name', 'contact_email', 'message', 'consent_version',
  'consent_share', 'consent_updates', 'consent_at', 'lang', 'withdraw_token_hash', 'collection', 'created_at', 'updated_at',
];
const emailOf = (name: string) => `${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`;

/** Pledge sizes, in turn, that make up a need's demo progress: a few people, hours, items or dollars at a time. */
function pledgeSizes(need: DemoNeed): number[] {
  const steps = need.category === 'financial' ? [2500, 5000, 10000, 50000, 2000, 25000] : need.unit === 'people' ? [1, 2, 1, 1, 3] : need.unit === 'hours' ? [4, 2, 6, 3, 8] : [5, 3, 2, 8, 1];
  const sizes: number[] = [];
  for (let left = need.pledged, i = 0; left > 0; i++) {
    const size = Math.min(left, steps[i % steps.length]!);
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

function pledgeStatus(project: DemoProject, i: number): PledgeStatus {
  if (project.status === 'completed') return 'fulfilled';
  return i % 4 === 3 ? 'pending' : 'confirmed';
}

/**
 * Loads the demo node: Montréal's communities, organizations of every kind, projects in every
 * status with needs and real pledges behind their progress, API keys with known secrets, then
 * the events, ideas and contests. Does nothing when the node already has communities.
 */
export async function seedDemo(db: Database, { now }: { now: Date }): Promise<boolean> {
  const [existing] = await db.query<{ n: number }>('select count(*) as n from communities');
  if (Number(existing?.n) > 0) return false;
  await db.tx(async (q) => {
    const communities = await seedCommunities(q);
    const organizations = await seedOrganizations(q, communities);
    const projects = await seedProjects(q, now, communities, organizations);
    for (const org of ORGANIZATIONS) {
      await createApiKey(q, { role: 'organization', organizationId: organizations[org.slug], label: `Démo : ${org.name}`, secret: DEMO_KEYS.organization(org.slug) });
    }
    await createApiKey(q, {
      role: 'curator',
      communityIds: [communities[DEMO_COMMUNITIES.montreal]!, communities[DEMO_COMMUNITIES.agricultureUrbaine]!],
      label: 'Démo : comité de sélection de Montréal',
      secret: DEMO_KEYS.curator,
    });
    await seedStaff(q, communities, organizations);
    await seedEngagement(q, { now, communities, organizations, projects });
    await seedServices(q, organizations, now);
  });
  return true;
}

/** An admin for every organization, an editor for one, and Montréal's curator: people who sign in to the workspace. */
async function seedStaff(q: Queryable, communities: Record<string, string>, organizations: Record<string, string>) {
  for (const org of ORGANIZATIONS) {
    const admin = await ensurePerson(q, { email: DEMO_STAFF.admin(org.slug), name: `Admin ${org.name}` });
    await setMembership(q, admin.id, organizations[org.slug]!, 'admin');
  }
  const editor = await ensurePerson(q, { email: DEMO_STAFF.carrefourEditor, name: 'Rosalie Dubé' });
  await setMembership(q, editor.id, organizations['carrefour-villeray']!, 'editor');
  const curator = await ensurePerson(q, { email: DEMO_STAFF.curator, name: 'Comité de sélection de Montréal' });
  await addCurator(q, curator.id, communities[DEMO_COMMUNITIES.montreal]!);
  await addCurator(q, curator.id, communities[DEMO_COMMUNITIES.agricultureUrbaine]!);
}

async function seedCommunities(q: Queryable): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const c of COMMUNITIES) {
    ids[c.slug] = `com_${c.slug}`;
    await q.query('insert into communities (id, slug, kind, level, parent_id, name, description) values ($1, $2, $3, $4, $5, $6, $7)', [
      ids[c.slug],
      c.slug,
      c.kind,
      c.level,
      c.parent ? ids[c.parent] : null,
      c.name,
      c.description,
    ]);
  }
  return ids;
}

async function seedOrganizations(q: Queryable, communities: Record<string, string>): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const o of ORGANIZATIONS) {
    ids[o.slug] = `org_${o.slug}`;
    await q.query('insert into organizations (id, slug, name, name_en, kind, description, website) values ($1, $2, $3, $4, $5, $6, $7)', [
      ids[o.slug],
      o.slug,
      o.name,
      o.nameEn ?? null,
      o.kind,
      o.description,
      o.website,
    ]);
    for (const slug of o.communities) {
      await q.query('insert into organization_communities (organization_id, community_id) values ($1, $2)', [ids[o.slug], communities[slug]]);
    }
  }
  return ids;
}

async function seedProjects(q: Queryable, now: Date, communities: Record<string, string>, organizations: Record<string, string>) {
  const ids: Record<string, string> = {};
  const today = localDate(now);
  const daysAgo = (days: number, hour = 0) => new Date(now.getTime() - days * 86_400_000 - hour * 3_600_000);
  let person = 0;
  for (const p of PROJECTS) {
    ids[p.id.replace(/^prj_/, '')] = p.id;
    const created = daysAgo(p.created, 3);
    await q.query(
      `insert into projects (id, organization_id, status, title, summary, description, themes, starts_on, ends_on,
                             crowdfunding_threshold, rejection_reason, search, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
      [
        p.id,
        organizations[p.organization],
        p.status,
        p.title,
        p.summary,
        p.description,
        p.themes,
        addDays(today, p.starts),
        addDays(today, p.ends),
        p.crowdfundingThreshold ?? null,
        p.rejectionReason ?? null,
        searchText(p.title.fr, p.title.en, p.summary.fr, p.summary.en),
        created,
      ],
    );
    for (const slug of p.communities) await q.query('insert into project_communities (project_id, community_id) values ($1, $2)', [p.id, communities[slug]]);
    for (const [slug, role] of p.partners ?? []) {
      // The demo's partners said yes (the caisse's showcase lists them).
      await q.query(`insert into project_partners (project_id, organization_id, role, status) values ($1, $2, $3, 'accepted')`, [p.id, organizations[slug], role]);
    }
    const pledges: unknown[][] = [];
    for (const [position, n] of p.needs.entries()) {
      const sizes = pledgeSizes(n);
      const filled = n.category !== 'financial' && n.pledged >= n.wanted;
      const shiftStart = n.shift ? fromLocal(addDays(today, n.shift.day), n.shift.at) : null;
      await q.query(
        `insert into needs (id, project_id, category, unit, unit_label, title, description, wanted, pledged, pledge_count, status,
                            skills, shift_starts_at, shift_ends_at, deadline, position, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          n.id,
          p.id,
          n.category,
          n.unit ?? null,
          n.unitLabel ?? null,
          n.title,
          n.description ?? null,
          n.wanted,
          n.pledged,
          sizes.length,
          n.closed ? 'closed' : filled ? 'filled' : 'open',
          n.skills ?? [],
          shiftStart,
          shiftStart && new Date(shiftStart.getTime() + n.shift!.hours * 3_600_000),
          n.deadline === undefined ? null : addDays(today, n.deadline),
          position,
          created,
        ],
      );
      for (const [i, quantity] of sizes.entries()) {
        const name = PEOPLE[person++ % PEOPLE.length]!;
        const id = `plg_${n.id.replace(/^need_/, '')}-${i + 1}`;
        // Spread over the days since the project was posted, oldest first.
        const at = new Date(created.getTime() + ((i + 1) * (now.getTime() - created.getTime())) / (sizes.length + 1));
        const collection =
          n.category === 'financial'
            ? await promiseOnlyPayments.collect({ pledgeId: id, amountCents: quantity, organizationName: ORGANIZATIONS.find((o) => o.slug === p.organization)!.name, projectTitle: p.title })
            : null;
        pledges.push([
          id,
          n.id,
          p.id,
          quantity,
          pledgeStatus(p, i),
          name,
          emailOf(name),
          i % 5 === 2 ? MESSAGES[person % MESSAGES.length] : null,
          CONSENT_VERSION,
          true,
          i % 3 === 0,
          at,
          person % 4 === 0 ? 'en' : 'fr',
          sha256(newToken()),
          collection && JSON.stringify(collection),
          at,
          at,
        ]);
      }
    }
    await insertRows(q, 'pledges', PLEDGE_COLUMNS, pledges);
    await q.query(
      `update projects set supporter_count = (select count(distinct contact_email) from pledges where project_id = $1) where id = $1`,
      [p.id],
    );
    // A project whose pledgers already reach its threshold has its money needs open, as if it had just happened.
    await q.query(
      'update projects set crowdfunding_unlocked_at = $2 where id = $1 and crowdfunding_threshold is not null and supporter_count >= crowdfunding_threshold',
      [p.id, created],
    );
  }
  return ids;
}
