// The weekly digest's text: pure, so it is tested without a node.
import type { Event, Idea, Project } from '@perron/contract';
import { localized, type Lang } from './cli.ts';

const words = {
  fr: {
    title: (community: string) => `Cette semaine dans ${community}`,
    projects: 'Nouveaux projets',
    events: 'Événements à venir',
    ideas: 'Idées les plus appuyées',
    none: 'Rien de nouveau.',
    supports: (n: number) => (n <= 1 ? `${n} appui` : `${n} appuis`),
    by: 'par',
    colon: ' : ',
  },
  en: {
    title: (community: string) => `This week in ${community}`,
    projects: 'New projects',
    events: 'Upcoming events',
    ideas: 'Most supported ideas',
    none: 'Nothing new.',
    supports: (n: number) => (n === 1 ? '1 supporter' : `${n} supporters`),
    by: 'by',
    colon: ': ',
  },
} as const;

export interface Digest {
  community: string;
  projects: Project[];
  events: Event[];
  ideas: Idea[];
}

/** Plain text, one section per kind, dates in Montréal's time zone. */
export function formatDigest(digest: Digest, lang: Lang): string {
  const w = words[lang];
  const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { timeZone: 'America/Toronto', weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' });
  const section = (title: string, lines: string[]) => [title, '-'.repeat(title.length), ...(lines.length ? lines : [w.none]), ''];
  const title = w.title(digest.community);
  return [
    title,
    '='.repeat(title.length),
    '',
    ...section(w.projects, digest.projects.map((p) => `• ${localized(p.title, lang)} (${w.by} ${p.organization.name})\n  ${p.url}`)),
    ...section(w.events, digest.events.map((e) => `• ${when.format(new Date(e.startsAt))}${w.colon}${localized(e.title, lang)}${e.place ? `, ${e.place.name}` : ''}\n  ${e.url}`)),
    ...section(w.ideas, digest.ideas.map((i) => `• ${i.title} (${w.supports(i.supportCount)})`)),
  ].join('\n');
}
