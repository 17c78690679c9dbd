import { organizationName, type Lang, type OEmbed } from '@perron/contract';
import { publicEventRow } from '../db/queries/events.ts';
import { findProjectDetail } from '../db/queries/projects.ts';
import { ProblemError } from '../http/problem.ts';
import { escapeHtml } from '../pages/html.ts';
import type { Handlers } from './types.ts';

/** What an oEmbed consumer asked about: a project's or an event's page of this node. */
export function embeddable(pageUrl: string, baseUrl: string): { kind: 'projects' | 'events'; id: string } | null {
  const url = new URL(pageUrl);
  if (url.origin !== new URL(baseUrl).origin) return null;
  const m = /^\/(projects|events)\/([A-Za-z0-9_-]{1,64})\/?$/.exec(url.pathname);
  return m ? { kind: m[1] as 'projects' | 'events', id: m[2]! } : null;
}

const WIDTH = 600;
const HEIGHT = { projects: 560, events: 320 } as const;

export const oembedHandlers = {
  /**
   * The iframe and its fallback link, as WordPress keeps them (it allows `blockquote`, `a` and
   * `iframe` with src, width, height, title, frameborder, marginwidth, marginheight and scrolling,
   * then adds its sandbox and secret).
   */
  async oembed({ q, query, node, lang: preferred }) {
    const target = embeddable(query.url, node.baseUrl);
    const lang: Lang = query.lang ?? preferred;
    let title: string | undefined;
    let author: string | undefined;
    if (target?.kind === 'projects') {
      const project = await findProjectDetail(q, target.id, node.baseUrl, null);
      if (project) ({ title, author } = { title: (lang === 'en' && project.title.en) || project.title.fr, author: organizationName(project.organization, lang) });
    } else if (target?.kind === 'events') {
      const event = await publicEventRow(q, target.id);
      if (event) ({ title, author } = { title: (lang === 'en' && event.title.en) || event.title.fr, author: organizationName(event.organization, lang) });
    }
    if (!target || title === undefined || author === undefined) throw new ProblemError('not_found', 'No public project or event of this node has this address');
    const width = Math.min(query.maxwidth ?? WIDTH, WIDTH);
    const height = Math.min(query.maxheight ?? HEIGHT[target.kind], HEIGHT[target.kind]);
    const page = `${node.baseUrl}/${target.kind}/${encodeURIComponent(target.id)}`;
    const frame = `${node.baseUrl}/embed/${target.kind}/${encodeURIComponent(target.id)}?lang=${lang}`;
    const a = escapeHtml;
    const html =
      `<blockquote><a href="${a(page)}">${a(title)}</a></blockquote>` +
      `<iframe src="${a(frame)}" width="${width}" height="${height}" title="${a(title)}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>`;
    const answer: OEmbed = {
      version: '1.0',
      type: 'rich',
      title,
      author_name: author,
      provider_name: process.env.PERRON_NODE_NAME ?? 'Perron',
      provider_url: node.baseUrl,
      html,
      width,
      height,
      cache_age: 3600,
    };
    return answer;
  },
} satisfies Partial<Handlers>;
