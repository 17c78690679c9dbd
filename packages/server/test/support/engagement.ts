import type { Queryable } from '../../src/db/database.ts';
import { createApiKey, type NodeOptions, type RunningNode } from '../../src/index.ts';
import { seedEngagement } from '../../src/seed/engagement.ts';
import { api, startTestNode } from './node.ts';
import { NO_RATE_LIMITS } from './requests.ts';

export { write } from './requests.ts';

/**
 * The few communities, organizations and projects the engagement demo hangs on, then the demo
 * itself: tests of events and ideas stand on known rows without the whole demo seed.
 */
export async function seedEngagementFixtures(q: Queryable, now: Date) {
  const communities: Record<string, string> = {};
  const community = async (slug: string, kind: string, level: string | null, parent: string | null, fr: string, en: string) => {
    const id = `com_${slug}`;
    await q.query('insert into communities (id, slug, kind, level, parent_id, name) values ($1, $2, $3, $4, $5, $6)', [
      id, slug, kind, level, parent ? communities[parent] : null, { fr, en },
    ]);
    communities[slug] = id;
  };
  await community('montreal', 'territorial', 'city', null, 'Montréal', 'Montréal');
  await community('hochelaga-maisonneuve', 'territorial', 'borough', 'montreal', 'Hochelaga-Maisonneuve', 'Hochelaga-Maisonneuve');
  await community('viauville', 'territorial', 'neighbourhood', 'hochelaga-maisonneuve', 'Viauville', 'Viauville');
  await community('villeray-saint-michel-parc-extension', 'territorial', 'borough', 'montreal', 'Villeray–Saint-Michel–Parc-Extension', 'Villeray–Saint-Michel–Parc-Extension');
  await community('cote-des-neiges-notre-dame-de-grace', 'territorial', 'borough', 'montreal', 'Côte-des-Neiges–Notre-Dame-de-Grâce', 'Côte-des-Neiges–Notre-Dame-de-Grâce');
  await community('plateau-mont-royal', 'territorial', 'borough', 'montreal', 'Le Plateau-Mont-Royal', 'Le Plateau-Mont-Royal');
  await community('agriculture-urbaine', 'interest', null, null, 'Agriculture urbaine', 'Urban agriculture');

  const organizations: Record<string, string> = {};
  const organization = async (slug: string, name: string, kind: string, community: string) => {
    const id = `org_${slug}`;
    await q.query('insert into organizations (id, slug, name, kind) values ($1, $2, $3, $4)', [id, slug, name, kind]);
    await q.query('insert into organization_communities (organization_id, community_id) values ($1, $2)', [id, communities[community]]);
    organizations[slug] = id;
  };
  await organization('table-hochelaga', 'Table de quartier Hochelaga-Maisonneuve', 'neighbourhood_table', 'hochelaga-maisonneuve');
  await organization('carrefour-villeray', 'Carrefour communautaire Villeray', 'community_organization', 'villeray-saint-michel-parc-extension');
  await organization('cooperative-verte', 'Coopérative Verte', 'social_economy', 'agriculture-urbaine');
  await organization('caisse-du-centre', 'Caisse du Centre', 'funder', 'montreal');

  const projects: Record<string, string> = {};
  await q.query(
    `insert into projects (id, organization_id, status, title, summary, themes) values ('prj_patinoire-ruelle', $1, 'published', $2, $3, '{sport}')`,
    [organizations['carrefour-villeray'], { fr: 'Patinoire de ruelle', en: 'Alley rink' }, { fr: 'Une patinoire', en: 'A rink' }],
  );
  await q.query('insert into project_communities (project_id, community_id) values ($1, $2)', ['prj_patinoire-ruelle', communities['villeray-saint-michel-parc-extension']]);
  projects['patinoire-ruelle'] = 'prj_patinoire-ruelle';

  await seedEngagement(q, { now, communities, organizations, projects });
  return { communities, organizations, projects };
}

/** A node with the engagement fixtures, an organization key, and rate limits out of the way of concurrency tests. */
export async function startEngagementNode(options: NodeOptions = {}) {
  const node = await startTestNode({ rateLimits: NO_RATE_LIMITS, ...options });
  const now = node.services.now();
  const refs = await node.db.tx((q) => seedEngagementFixtures(q, now));
  const keys = {
    villeray: await createApiKey(node.db, { role: 'organization', organizationId: refs.organizations['carrefour-villeray']!, label: 'test' }),
    caisse: await createApiKey(node.db, { role: 'organization', organizationId: refs.organizations['caisse-du-centre']!, label: 'test' }),
  };
  return { node, refs, keys, now };
}


export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}

/** The dev mailbox's messages to one address, newest first, as tests and end-to-end tests read them. */
export async function mailTo(node: RunningNode, email: string): Promise<OutboxMail[]> {
  const res = await api(node, 'GET', `/dev/mail/messages.json?to=${encodeURIComponent(email)}`);
  return res.body.items;
}

/** The token of the newest confirmation link sent to this address. */
export async function tokenFor(node: RunningNode, email: string): Promise<string> {
  const [mail] = await mailTo(node, email);
  const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`No confirmation link was sent to ${email}`);
  return token;
}
