import { ACTIVITY_STREAMS, organizationName, type Event, type Lang, type LocalizedText, type OrganizationSummary, type Project } from '@perron/contract';
import { eventsHandlers } from './events.ts';
import { projectsHandlers } from './projects.ts';
import type { Handlers, RequestContext } from './types.ts';

// The public lists as ActivityStreams 2.0 collections: the same items, order and keyset cursors
// as `/v1/projects` and `/v1/events` (which they call), written as `Page` and `Event` objects.

const pick = (text: LocalizedText, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);
const map = (text: LocalizedText) => ({ fr: text.fr, ...(text.en ? { en: text.en } : {}) });

/** The organization, on the node that holds the item (a followed item's origin). */
const actor = (o: OrganizationSummary, base: string, lang: Lang) => ({
  type: 'Organization' as const,
  name: organizationName(o, lang),
  nameMap: { fr: o.name, ...(o.nameEn ? { en: o.nameEn } : {}) },
  url: `${base}/v1/organizations/${encodeURIComponent(o.slug)}`,
});

const asPage = (p: Project, lang: Lang, baseUrl: string) => ({
  type: 'Page' as const,
  id: p.url,
  url: p.url,
  name: pick(p.title, lang),
  nameMap: map(p.title),
  summary: pick(p.summary, lang),
  summaryMap: map(p.summary),
  attributedTo: actor(p.organization, p.origin ?? baseUrl, lang),
  ...(p.image ? { image: { type: 'Image' as const, url: p.image.url, name: pick(p.image.alt, lang) } } : {}),
  published: p.createdAt,
  updated: p.updatedAt,
});

const asEvent = (e: Event, lang: Lang, baseUrl: string) => ({
  type: 'Event' as const,
  id: e.url,
  url: e.url,
  name: pick(e.title, lang),
  nameMap: map(e.title),
  ...(e.description ? { content: pick(e.description, lang), contentMap: map(e.description) } : {}),
  startTime: e.startsAt,
  endTime: e.endsAt,
  location: e.place ? { type: 'Place' as const, name: `${e.place.name}, ${e.place.address}` } : { type: 'Place' as const, name: e.link!, url: e.link! },
  attributedTo: actor(e.organization, e.origin ?? baseUrl, lang),
});

type Ctx = RequestContext<'activityProjects'> | RequestContext<'activityEvents'>;
const CONTEXT = { '@context': ACTIVITY_STREAMS } as const;

/** The collection, or with `page=true` one page of it whose `next` carries the list's cursor. */
async function collection<T, O>(ctx: Ctx, kind: 'projects' | 'events', names: Record<Lang, string>, list: () => Promise<{ items: T[]; nextCursor: string | null }>, toItem: (item: T) => O) {
  const { query, node } = ctx;
  const lang = query.lang ?? 'fr';
  const id = `${node.baseUrl}/v1/activitystreams/${kind}`;
  // The filters a reader chose stay in every link; the cursor is the page's own.
  const filters = new URLSearchParams(Object.entries({ community: query.community, origin: query.origin, lang: query.lang, limit: query.limit?.toString() }).filter((e): e is [string, string] => !!e[1]));
  const link = (extra: Record<string, string>) => `${id}?${new URLSearchParams([...filters, ...Object.entries(extra)])}`;
  if (!query.page) return { ...CONTEXT, type: 'OrderedCollection' as const, id: link({}).replace(/\?$/, ''), name: names[lang], first: link({ page: 'true' }) };
  const page = await list();
  return {
    ...CONTEXT,
    type: 'OrderedCollectionPage' as const,
    id: link({ page: 'true', ...(query.cursor ? { cursor: query.cursor } : {}) }),
    partOf: link({}).replace(/\?$/, ''),
    orderedItems: page.items.map(toItem),
    ...(page.nextCursor ? { next: link({ page: 'true', cursor: page.nextCursor }) } : {}),
  };
}

export const activityHandlers = {
  async activityProjects(ctx) {
    const { community, origin, limit, cursor } = ctx.query;
    const lang = ctx.query.lang ?? 'fr';
    return collection(
      ctx,
      'projects',
      { fr: 'Projets', en: 'Projects' },
      () => projectsHandlers.listProjects({ ...ctx, key: null, query: { status: 'published', community, origin, limit, cursor } }),
      (p: Project) => asPage(p, lang, ctx.node.baseUrl),
    );
  },

  async activityEvents(ctx) {
    const { community, origin, limit, cursor } = ctx.query;
    const lang = ctx.query.lang ?? 'fr';
    return collection(
      ctx,
      'events',
      { fr: 'Événements', en: 'Events' },
      () => eventsHandlers.listEvents({ ...ctx, key: null, query: { community, origin, limit, cursor } }),
      (e: Event) => asEvent(e, lang, ctx.node.baseUrl),
    );
  },
} satisfies Partial<Handlers>;
