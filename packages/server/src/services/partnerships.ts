// A project's organization names its partners; a partner organization says yes or no. Until it
// accepts, the partnership is shown nowhere public (project answers, `?partner=`, pages, JSON-LD):
// otherwise any organization could list its project in a caisse's showcase.
import { frenchText, type Partnership as PartnershipOut, type LocalizedText, type OrganizationSummary, type PartnerRole, type PartnershipStatus } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { summaryJson } from '../db/queries/organizations.ts';
import { iso } from '../db/queries/sql.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { logActivity } from './activity.ts';
import { staffEmails } from './curation.ts';
import { localized } from './event-text.ts';

export interface Partnership {
  projectId: string;
  projectTitle: LocalizedText;
  /** The organization that named this one. */
  organization: OrganizationSummary;
  role: PartnerRole;
  status: PartnershipStatus;
  proposedAt: Date | null;
  decidedAt: Date | null;
}

/** The projects that name this organization as a partner, proposals first, then newest. */
export async function listPartnerships(q: Queryable, partnerId: string): Promise<Partnership[]> {
  return q.query<Partnership>(
    `select pp.project_id as "projectId", p.title as "projectTitle", ${summaryJson('o')} as organization, pp.role, pp.status,
            pp.proposed_at as "proposedAt", pp.decided_at as "decidedAt"
       from project_partners pp join projects p on p.id = pp.project_id join organizations o on o.id = p.organization_id
      where pp.organization_id = $1
      order by pp.status = 'proposed' desc, pp.proposed_at desc nulls last, p.id`,
    [partnerId],
  );
}

/** As the API says it (the partner's key): ISO times, the project by id and title. */
export const toPartnershipAnswer = (p: Partnership): PartnershipOut => ({
  project: { id: p.projectId, title: p.projectTitle },
  organization: p.organization,
  role: p.role,
  status: p.status,
  proposedAt: p.proposedAt && iso(p.proposedAt),
  decidedAt: p.decidedAt && iso(p.decidedAt),
});

/** How many projects wait for this organization's answer (the navigation's count). */
export async function proposedPartnershipCount(q: Queryable, partnerId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(`select count(*) as n from project_partners where organization_id = $1 and status = 'proposed'`, [partnerId]);
  return Number(row?.n ?? 0);
}

/** The partner's answer (accept, or decline, also after accepting); recorded in its activity log. */
export async function decidePartnership(q: Queryable, node: Pick<NodeServices, 'now'>, partnerId: string, projectId: string, status: 'accepted' | 'declined', personId: string | null): Promise<Partnership> {
  const now = node.now();
  const [row] = await q.query<{ title: LocalizedText }>(
    `update project_partners pp set status = $3, decided_at = $4 from projects p
      where pp.project_id = $1 and pp.organization_id = $2 and p.id = pp.project_id returning p.title`,
    [projectId, partnerId, status, now],
  );
  if (!row) throw new ProblemError('not_found', `No project ${projectId} names your organization as a partner`);
  await logActivity(q, { organizationId: partnerId, personId, action: status === 'accepted' ? 'partnership_accepted' : 'partnership_declined', subject: row.title.fr, now });
  return (await listPartnerships(q, partnerId)).find((x) => x.projectId === projectId)!;
}

/**
 * A partner named anew: its staff are told by email, in their language first, where to answer.
 * The names in it were typed by staff of the node (signed in), never by an unconfirmed visitor.
 */
export async function proposePartnership(q: Queryable, node: NodeServices, projectId: string, partnerId: string, role: PartnerRole): Promise<void> {
  const [p] = await q.query<{ title: LocalizedText; by: string; slug: string }>(
    'select p.title, o.name as by, (select slug from organizations where id = $2) as slug from projects p join organizations o on o.id = p.organization_id where p.id = $1',
    [projectId, partnerId],
  );
  if (!p) return;
  const url = `${node.baseUrl}/workspace/o/${p.slug}/partnerships`;
  const roles = { fr: { funder: 'bailleur de fonds', partner: 'partenaire', sponsor: 'commanditaire' }, en: { funder: 'funder', partner: 'partner', sponsor: 'sponsor' } };
  const part = (lang: 'fr' | 'en') => {
    const title = localized(p.title, lang);
    return lang === 'fr'
      ? {
          subject: frenchText(`Partenariat proposé : « ${title} »`),
          text: frenchText(`Bonjour,\n\n${p.by} nomme votre organisme ${roles.fr[role]} de son projet « ${title} ». Rien n’est public avant que vous l’acceptiez.\n\nAccepter ou refuser : ${url}\n`),
        }
      : {
          subject: `Partnership proposed: “${title}”`,
          text: `Hello,\n\n${p.by} names your organization as a ${roles.en[role]} of its project “${title}”. Nothing is public until you accept.\n\nAccept or decline: ${url}\n`,
        };
  };
  for (const to of await staffEmails(q, partnerId)) {
    const [a, b] = (to.lang === 'en' ? (['en', 'fr'] as const) : (['fr', 'en'] as const)).map(part) as [{ subject: string; text: string }, { subject: string; text: string }];
    await node.mailer.send({ to: to.email, subject: `${a.subject} / ${b.subject}`, text: `${a.text}\n---\n\n${b.text}` }, q);
  }
}
