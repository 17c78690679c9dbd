// The organization hears of new pledges and registrations, and of those withdrawn or cancelled: an
// email each, or one digest a day (its admin chooses). Every email has the French and the English text, and links to the workspace.
// Its webhook endpoints hear of those and of more (pledges made, curators' decisions): this module
// is the one place both are enqueued, in the transaction of the write they tell of.
import type { Event, LocalizedText, NotificationMode, WebhookEvent } from '@perron/contract';
import type { Database, Queryable } from '../db/database.ts';
import { digestItems, notificationMode, organizationRecipients, type DigestItem } from '../db/queries/notifications.ts';
import type { NodeServices } from '../handlers/types.ts';
import type { Mail } from './mailer.ts';
import { describeQuantity } from './pledge-receipt.ts';
import { formatWhen, localized } from './event-text.ts';
import { fromLocal, localDate, localTime } from './time-zone.ts';
import { enqueueWebhooks } from './webhooks.ts';

interface PledgeItem {
  kind: 'pledge' | 'withdrawal';
  organizationId: string;
  projectTitle: LocalizedText;
  needTitle: LocalizedText;
  category: 'human' | 'material' | 'financial';
  unit: 'hours' | 'people' | null;
  unitLabel: LocalizedText | null;
  quantity: number;
  /** The pledger's name; empty once erased (a withdrawal in a digest). */
  name: string;
}

/** A pledge or registration that arrived, or one that its person took back. */
export type NewItem = PledgeItem | { kind: 'registration' | 'cancellation'; organizationId: string; event: Event; seats: number; name: string };

/** What a webhook carries: ids, statuses and quantities; never a person's contact (the organization reads it with its key). */
export type WebhookData = Record<string, string | number | boolean | null>;

/** News for the organization's webhooks only (no email): what happened, and the ids to look it up by. */
export interface Signal {
  organizationId: string;
  event: WebhookEvent;
  data: WebhookData;
}

/** The webhook event of each emailed item. */
const EVENT_OF: Record<NewItem['kind'], WebhookEvent> = {
  pledge: 'pledge.confirmed',
  withdrawal: 'pledge.withdrawn',
  registration: 'registration.created',
  cancellation: 'registration.cancelled',
};

/** Enqueues the signal's webhook deliveries (the organization's endpoints that asked for it), in the caller's transaction. */
export async function signalOrganization(q: Queryable, now: Date, signal: Signal): Promise<void> {
  await enqueueWebhooks(q, signal.organizationId, signal.event, signal.data, now);
}

/** Where a staff member handles it: the organization's pages of the workspace. */
export const workspaceLinks = (baseUrl: string, slug: string) => ({
  inbox: `${baseUrl}/workspace/o/${slug}/inbox`,
  event: (id: string) => `${baseUrl}/workspace/o/${slug}/events/${encodeURIComponent(id)}`,
});

function line(item: NewItem, lang: 'fr' | 'en'): string {
  if (!('event' in item)) {
    const [need, project, qty] = [localized(item.needTitle, lang), localized(item.projectTitle, lang), describeQuantity({ ...item, lang })];
    const what = lang === 'fr' ? `« ${need} » (${qty}), projet « ${project} »` : `“${need}” (${qty}), project “${project}”`;
    if (item.kind === 'pledge') return lang === 'fr' ? `${item.name} s’engage pour ${what}.` : `${item.name} pledged to ${what}.`;
    if (!item.name) return lang === 'fr' ? `Un engagement a été retiré : ${what}.` : `A pledge was withdrawn: ${what}.`;
    return lang === 'fr' ? `${item.name} a retiré son engagement pour ${what}.` : `${item.name} withdrew their pledge to ${what}.`;
  }
  const title = localized(item.event.title, lang);
  const seats = lang === 'fr' ? `${item.seats} ${item.seats > 1 ? 'places' : 'place'}` : `${item.seats} ${item.seats > 1 ? 'seats' : 'seat'}`;
  if (item.kind === 'cancellation') {
    const who = item.name || (lang === 'fr' ? 'Une personne' : 'Someone');
    return lang === 'fr'
      ? `${who} a annulé son inscription à « ${title} » (${seats} libérée${item.seats > 1 ? 's' : ''}), ${formatWhen(item.event, lang)}.`
      : `${who} cancelled their registration for “${title}” (${seats} freed), ${formatWhen(item.event, lang)}.`;
  }
  return lang === 'fr'
    ? `${item.name} s’est inscrit·e à « ${title} » (${seats}), ${formatWhen(item.event, lang)}.`
    : `${item.name} registered for “${title}” (${seats}), ${formatWhen(item.event, lang)}.`;
}

const SUBJECTS = {
  pledge: { fr: 'Nouvel engagement', en: 'New pledge' },
  withdrawal: { fr: 'Engagement retiré', en: 'Pledge withdrawn' },
  registration: { fr: 'Nouvelle inscription', en: 'New registration' },
  cancellation: { fr: 'Inscription annulée', en: 'Registration cancelled' },
} as const;

/** One email, French then English, each with the workspace link. */
function bilingual(to: string, subject: { fr: string; en: string }, fr: string[], en: string[]): Mail {
  return {
    to,
    subject: `${subject.fr} / ${subject.en}`,
    text: [...fr, '', '— English follows —', '', ...en].join('\n'),
  };
}

export function itemMail(to: string, item: NewItem, baseUrl: string, slug: string): Mail {
  const links = workspaceLinks(baseUrl, slug);
  const [link, titles] = 'event' in item ? [links.event(item.event.id), item.event.title] : [links.inbox, item.projectTitle];
  const title = (lang: 'fr' | 'en') => localized(titles, lang);
  const subject = { fr: `${SUBJECTS[item.kind].fr} : ${title('fr')}`, en: `${SUBJECTS[item.kind].en}: ${title('en')}` };
  const next = {
    pledge: { fr: `Confirmez-le ou refusez-le dans « À traiter » : ${link}`, en: `Confirm or decline it in the inbox: ${link}` },
    withdrawal: { fr: `Ses coordonnées sont effacées. « À traiter » : ${link}`, en: `Their contact details are erased. Inbox: ${link}` },
    registration: { fr: `La liste des inscrits : ${link}`, en: `The list of registrants: ${link}` },
    cancellation: { fr: `La liste des inscrits : ${link}`, en: `The list of registrants: ${link}` },
  }[item.kind];
  return bilingual(to, subject, ['Bonjour,', '', line(item, 'fr'), '', next.fr], ['Hello,', '', line(item, 'en'), '', next.en]);
}

export function digestMail(to: string, items: DigestItem[], baseUrl: string, slug: string): Mail {
  const links = workspaceLinks(baseUrl, slug);
  const count = { fr: items.length > 1 ? `${items.length} nouveautés` : '1 nouveauté', en: items.length > 1 ? `${items.length} new items` : '1 new item' };
  return bilingual(
    to,
    { fr: `Perron : ${count.fr} depuis hier`, en: `Perron: ${count.en} since yesterday` },
    ['Bonjour,', '', `Depuis le dernier résumé, ${count.fr} :`, '', ...items.map((i) => `• ${line(i, 'fr')}`), '', `À traiter : ${links.inbox}`],
    ['Hello,', '', `Since the last digest, ${count.en}:`, '', ...items.map((i) => `• ${line(i, 'en')}`), '', `Inbox: ${links.inbox}`],
  );
}

/**
 * Called in the transaction that records the pledge or registration (or its withdrawal or cancellation): with 'each', its staff get
 * an email now (no email for a write that rolls back); with 'digest', tomorrow's digest lists it.
 */
export async function notifyOrganization(q: Queryable, node: NodeServices, item: NewItem, data: WebhookData): Promise<void> {
  await signalOrganization(q, node.now(), { organizationId: item.organizationId, event: EVENT_OF[item.kind], data });
  const { mode, slug } = await notificationMode(q, item.organizationId);
  if (mode !== 'each') return;
  for (const to of await organizationRecipients(q, item.organizationId)) await node.mailer.send(itemMail(to, item, node.baseUrl, slug), q);
}

/** The digest goes out once a day, from this hour in Montréal. */
export const DIGEST_HOUR = 8;

/**
 * Sends each 'digest' organization its day's news, once a day after 8 h in Montréal. Safe to run
 * often and from several processes: each organization's row is claimed with SKIP LOCKED and its
 * time moved in the same transaction as the mails.
 */
export async function sendDigests(db: Database, now: Date, node: Pick<NodeServices, 'mailer' | 'baseUrl'>): Promise<number> {
  if (localTime(now).hour < DIGEST_HOUR) return 0;
  const since = fromLocal(localDate(now), `${String(DIGEST_HOUR).padStart(2, '0')}:00`);
  let sent = 0;
  for (;;) {
    const done = await db.tx(async (q) => {
      const [org] = await q.query<{ organization_id: string; digest_sent_at: Date | null }>(
        `select organization_id, digest_sent_at from organization_notifications
          where mode = 'digest' and (digest_sent_at is null or digest_sent_at < $1)
          order by organization_id limit 1 for update skip locked`,
        [since],
      );
      if (!org) return false;
      const items = await digestItems(q, org.organization_id, org.digest_sent_at ?? new Date(now.getTime() - 86_400_000), now, node.baseUrl);
      if (items.length) {
        const { slug } = await notificationMode(q, org.organization_id);
        for (const to of await organizationRecipients(q, org.organization_id)) (await node.mailer.send(digestMail(to, items, node.baseUrl, slug), q), sent++);
      }
      await q.query('update organization_notifications set digest_sent_at = $2 where organization_id = $1', [org.organization_id, now]);
      return true;
    });
    if (!done) return sent;
  }
}

export async function setNotificationMode(q: Queryable, organizationId: string, mode: NotificationMode, now: Date): Promise<void> {
  // Switching to the digest starts it from now: what was already emailed one by one is not repeated.
  await q.query(
    `insert into organization_notifications (organization_id, mode, digest_sent_at) values ($1, $2, $3)
     on conflict (organization_id) do update set mode = excluded.mode,
       digest_sent_at = case when organization_notifications.mode = excluded.mode then organization_notifications.digest_sent_at else excluded.digest_sent_at end`,
    [organizationId, mode, now],
  );
}

/** Once per project: its supporters reached the threshold, its money needs take pledges now. */
export interface Unlocked {
  organizationId: string;
  projectId: string;
  projectTitle: LocalizedText;
  supporterCount: number;
  threshold: number;
}

export function unlockedMail(to: string, u: Unlocked, baseUrl: string, slug: string): Mail {
  const link = `${baseUrl}/workspace/o/${slug}/projects/${encodeURIComponent(u.projectId)}`;
  const [fr, en] = [localized(u.projectTitle, 'fr'), localized(u.projectTitle, 'en')];
  return bilingual(
    to,
    { fr: `Financement ouvert : ${fr}`, en: `Crowdfunding open: ${en}` },
    ['Bonjour,', '', `${u.supporterCount} personnes appuient « ${fr} » : le seuil de ${u.threshold} appuis est atteint. Ses besoins en argent acceptent maintenant les dons.`, '', `Le projet : ${link}`],
    ['Hello,', '', `${u.supporterCount} people support “${en}”: the threshold of ${u.threshold} supporters is reached. Its money needs now take donations.`, '', `The project: ${link}`],
  );
}

/**
 * Said at once whatever the notification mode (it happens once in a project's life), and to its
 * webhooks (`project.crowdfunding_unlocked`), in the transaction of the support or pledge that did it.
 */
export async function notifyUnlocked(q: Queryable, node: NodeServices, u: Unlocked): Promise<void> {
  await signalOrganization(q, node.now(), {
    organizationId: u.organizationId,
    event: 'project.crowdfunding_unlocked',
    data: { projectId: u.projectId, supporterCount: u.supporterCount, threshold: u.threshold },
  });
  const { slug } = await notificationMode(q, u.organizationId);
  for (const to of await organizationRecipients(q, u.organizationId)) await node.mailer.send(unlockedMail(to, u, node.baseUrl, slug), q);
}
