import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';

/** A curator's sections (the review queue, the imported directories, the followed nodes), the current one marked: at the top of each of their pages. */
export function CuratorNav() {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const base = `/workspace/c/${c.get('community').slug}`;
  const here = new URL(c.req.url).pathname;
  const sections = [
    { href: base, label: t.imports.queueNav, current: here === base },
    { href: `${base}/directories`, label: t.imports.nav, current: here.startsWith(`${base}/directories`) },
    { href: `${base}/follows`, label: t.follows.nav, current: here.startsWith(`${base}/follows`) },
  ];
  return (
    <nav aria-label={t.imports.sections}>
      <ul class="ws-subnav">
        {sections.map((s) => (
          <li>
            <a href={s.href} aria-current={s.current ? 'page' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
