import { OEmbed, OEmbedQuery } from '../oembed.ts';
import { route } from '../route.ts';

/** oEmbed: how a project or event page of this node is embedded (WordPress, and any oEmbed consumer). */
export const oembedRoutes = {
  oembed: route({ method: 'GET', path: '/oembed', tag: 'embed', summary: "An oEmbed answer (rich) for a project's or an event's page", query: OEmbedQuery, response: OEmbed }),
} as const;
