import type { Lang } from '@perron/contract';
import type { Context } from 'hono';
import type { Strings } from './strings/index.ts';

export type OrgRole = 'admin' | 'editor';

/** The signed-in person, as every screen needs them. */
export interface SignedIn {
  sessionId: string;
  person: { id: string; email: string; name: string | null; lang: Lang };
  /** Organizations the person works for, with their role in each. */
  memberships: { organizationId: string; slug: string; name: string; role: OrgRole }[];
  /** Communities whose submissions the person reviews. */
  curatorships: { communityId: string; slug: string; name: { fr: string; en?: string } }[];
}

/** What the workspace's middleware puts on every request. */
export interface WorkspaceEnv {
  Variables: {
    requestId: string;
    lang: Lang;
    t: Strings;
    session: SignedIn | null;
    /** Set by `requireMember`: the organization of the URL, which the person belongs to. */
    organization: SignedIn['memberships'][number];
    /** Counts shown beside an organization's sections (the inbox's pending pledges). */
    badges?: { inbox: number; partnerships: number };
    /** Set by `requireCurator`: the community of the URL, which the person reviews. */
    community: SignedIn['curatorships'][number];
  };
}

export type WorkspaceContext = Context<WorkspaceEnv>;

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: PageProps): Response | Promise<Response>;
  }
}

export interface PageProps {
  /** The page's own title; the layout adds the workspace's name. */
  title: string;
}
