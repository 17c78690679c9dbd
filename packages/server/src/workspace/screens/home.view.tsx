import { useRequestContext } from 'hono/jsx-renderer';
import type { SignedIn, WorkspaceEnv } from '../context.ts';
import { ActionButton, PageTitle } from '../views/components.tsx';
import { OrgNav, sectionHref, sectionsFor } from '../views/org-nav.tsx';

export function HomeView({ session }: { session: SignedIn }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const lang = c.get('lang');
  return (
    <>
      <PageTitle lead={t.home.hello(session.person.name ?? session.person.email)}>{t.home.title}</PageTitle>
      {!session.memberships.length && !session.curatorships.length && <p>{t.home.none}</p>}
      {session.memberships.length > 0 && (
        <>
          <h2>{t.home.organizations}</h2>
          <ul class="ws-list">
            {session.memberships.map((m) => (
              <li>
                <a href={`/workspace/o/${m.slug}`}>{m.name}</a> <span class="ws-badge">{t.home.role[m.role]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {session.curatorships.length > 0 && (
        <>
          <h2>{t.home.communities}</h2>
          <ul class="ws-list">
            {session.curatorships.map((k) => (
              <li>
                <a href={`/workspace/c/${k.slug}`}>{lang === 'en' ? (k.name.en ?? k.name.fr) : k.name.fr}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t.home.account}</h2>
      <p class="ws-hint" id="everywhere-hint">
        {t.home.everywhereHint}
      </p>
      <ActionButton action="/workspace/sign-out-everywhere" label={t.home.everywhere} variant="secondary" describedBy="everywhere-hint" />
    </>
  );
}

/** An organization's home: a card per section the person may open. */
export function OrgHomeView() {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const org = c.get('organization');
  return (
    <>
      <OrgNav showName={false} />
      <PageTitle lead={t.org.overviewLead}>{org.name}</PageTitle>
      <ul class="ws-cards">
        {sectionsFor(org.role)
          .filter((s) => s.text)
          .map((s) => (
            <li class="ws-card">
              <a href={sectionHref(org.slug, s.path)}>{s.label(t)}</a>
              <p>{s.text!(t)}</p>
            </li>
          ))}
      </ul>
    </>
  );
}
