import { useRequestContext } from 'hono/jsx-renderer';
import type { OrgRole, WorkspaceEnv } from '../context.ts';
import type { Strings } from '../strings/index.ts';

export interface OrgSection {
  /** Under /workspace/o/<org>; '' is the organization's home. */
  path: string;
  label: (t: Strings) => string;
  /** What the section's card on the home says. */
  text?: (t: Strings) => string;
  /** The least role that sees it. */
  role: OrgRole;
  /** A count beside the label (`c.get('badges')`, set by the screen's middleware): what waits there. */
  badge?: 'inbox' | 'partnerships';
}

/** An organization's sections, in the order of its navigation. A screen adds its own here. */
export const ORG_SECTIONS: OrgSection[] = [
  { path: '', label: (t) => t.org.overview, role: 'editor' },
  { path: 'inbox', label: (t) => t.inbox.nav, text: (t) => t.inbox.navText, role: 'editor', badge: 'inbox' },
  { path: 'projects', label: (t) => t.projects.nav, text: (t) => t.projects.navText, role: 'editor' },
  { path: 'events', label: (t) => t.events.nav, text: (t) => t.events.navText, role: 'editor' },
  { path: 'services', label: (t) => t.services.nav, text: (t) => t.services.navText, role: 'editor' },
  { path: 'partnerships', label: (t) => t.partnerships.nav, text: (t) => t.partnerships.navText, role: 'editor', badge: 'partnerships' },
  { path: 'team', label: (t) => t.org.team, text: (t) => t.org.teamText, role: 'admin' },
  { path: 'keys', label: (t) => t.org.keys, text: (t) => t.org.keysText, role: 'admin' },
  { path: 'webhooks', label: (t) => t.org.webhooks, text: (t) => t.org.webhooksText, role: 'admin' },
  { path: 'profile', label: (t) => t.org.profile, text: (t) => t.org.profileText, role: 'admin' },
  { path: 'activity', label: (t) => t.org.activity, text: (t) => t.org.activityText, role: 'admin' },
];

export const sectionsFor = (role: OrgRole) => ORG_SECTIONS.filter((s) => role === 'admin' || s.role === 'editor');
export const sectionHref = (org: string, path: string) => `/workspace/o/${org}${path ? `/${path}` : ''}`;

/** The organization's name and its sections, the current one marked: at the top of each of its pages. */
export function OrgNav({ showName = true }: { showName?: boolean }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const org = c.get('organization');
  const here = new URL(c.req.url).pathname;
  const badges = c.get('badges');
  return (
    <>
      {showName && <p class="ws-org-name">{org.name}</p>}
      <nav aria-label={t.org.sections}>
        <ul class="ws-subnav">
          {sectionsFor(org.role).map((s) => {
            const href = sectionHref(org.slug, s.path);
            const current = s.path ? here === href || here.startsWith(`${href}/`) : here === href;
            return (
              <li>
                <a href={href} aria-current={current ? 'page' : undefined}>
                  {s.label(t)}
                  {s.badge && badges?.[s.badge] ? <span class="ws-count"> {badges[s.badge]}</span> : null}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
