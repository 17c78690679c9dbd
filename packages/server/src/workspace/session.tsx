import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Queryable } from '../db/database.ts';
import type { NodeServices } from '../handlers/types.ts';
import type { ApiKey } from '../http/auth.ts';
import { clientAddress, trustedProxies } from '../http/rate-limit.ts';
import { findSession, SESSION_TTL_MS } from '../services/sign-in.ts';
import type { OrgRole, SignedIn, WorkspaceContext, WorkspaceEnv } from './context.ts';
import { STRINGS } from './strings/index.ts';
import { ProblemPage } from './views/problem.tsx';

const COOKIE = 'perron_session';

/**
 * `__Host-perron_session; Secure; HttpOnly; SameSite=Lax; Path=/` on the node's own origin. On
 * http://localhost (a dev node) a browser refuses `Secure` and so the `__Host-` prefix: the
 * cookie is then plain `perron_session` without `Secure`.
 */
export function cookieSecure(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

export function readSessionCookie(c: Context, node: NodeServices): string | undefined {
  return cookieSecure(node.baseUrl) ? getCookie(c, COOKIE, 'host') : getCookie(c, COOKIE);
}

export function setSessionCookie(c: Context, node: NodeServices, secret: string): void {
  const options = { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: SESSION_TTL_MS / 1000 } as const;
  if (cookieSecure(node.baseUrl)) setCookie(c, COOKIE, secret, { ...options, secure: true, prefix: 'host' });
  else setCookie(c, COOKIE, secret, options);
}

export function clearSessionCookie(c: Context, node: NodeServices): void {
  if (cookieSecure(node.baseUrl)) deleteCookie(c, COOKIE, { path: '/', secure: true, prefix: 'host' });
  else deleteCookie(c, COOKIE, { path: '/' });
}

/** The person's organizations and communities, as the navigation and the role checks need them. */
async function rolesOf(q: Queryable, personId: string): Promise<Pick<SignedIn, 'memberships' | 'curatorships'>> {
  const memberships = await q.query<SignedIn['memberships'][number]>(
    `select o.id as "organizationId", o.slug, o.name, m.role from memberships m join organizations o on o.id = m.organization_id
      where m.person_id = $1 order by lower(o.name)`,
    [personId],
  );
  const curatorships = await q.query<SignedIn['curatorships'][number]>(
    `select c.id as "communityId", c.slug, c.name from community_curators k join communities c on c.id = k.community_id
      where k.person_id = $1 order by c.slug`,
    [personId],
  );
  return { memberships, curatorships };
}

/** Puts the signed-in person (or null) on the request, and their language unless `?lang=` says otherwise. */
export function sessionMiddleware(node: NodeServices): MiddlewareHandler<WorkspaceEnv> {
  return createMiddleware<WorkspaceEnv>(async (c, next) => {
    const secret = readSessionCookie(c, node);
    const row = secret && /^[A-Za-z0-9_-]{20,64}$/.test(secret) ? await findSession(node.db, secret, node.now()) : null;
    if (row) {
      const session: SignedIn = { sessionId: row.sessionId, person: { id: row.personId, email: row.email, name: row.name, lang: row.lang }, ...(await rolesOf(node.db, row.personId)) };
      c.set('session', session);
      if (!c.req.query('lang')) {
        c.set('lang', row.lang);
        c.set('t', STRINGS[row.lang]);
      }
    }
    await next();
  });
}

/** A 404 (not there, or not yours) or 403 (not your role) page. */
export function refuse(c: WorkspaceContext, status: 403 | 404) {
  const t = c.get('t');
  c.status(status);
  const [title, text] = status === 404 ? [t.problems.notFoundTitle, t.problems.notFound] : [t.problems.roleTitle, t.problems.role];
  return c.render(<ProblemPage title={title} text={text} />, { title });
}

/** Signed in, or sent to the sign-in page (a write without a session is a 401). */
export const requireSignIn = createMiddleware<WorkspaceEnv>(async (c, next) => {
  if (c.get('session')) return next();
  if (c.req.method === 'GET') return c.redirect('/workspace/sign-in', 303);
  c.status(401);
  const t = c.get('t');
  return c.render(<ProblemPage title={t.problems.signedOutTitle} text={t.problems.signedOut} />, { title: t.problems.signedOutTitle });
});

/**
 * For `/workspace/o/:org/…`: the person belongs to that organization with at least `role`
 * (an admin is also an editor). Another organization's page is a 404, as if it did not exist.
 * Sets `c.get('organization')`.
 */
export function requireMember(role: OrgRole): MiddlewareHandler<WorkspaceEnv> {
  return createMiddleware<WorkspaceEnv>(async (c, next) => {
    const session = c.get('session');
    if (!session) return requireSignIn(c, next);
    const membership = session.memberships.find((m) => m.slug === c.req.param('org'));
    if (!membership) return refuse(c, 404);
    if (role === 'admin' && membership.role !== 'admin') return refuse(c, 403);
    c.set('organization', membership);
    return next();
  });
}

/** For `/workspace/c/:community/…`: the person reviews that community. Sets `c.get('community')`. */
export const requireCurator: MiddlewareHandler<WorkspaceEnv> = createMiddleware<WorkspaceEnv>(async (c, next) => {
  const session = c.get('session');
  if (!session) return requireSignIn(c, next);
  const community = session.curatorships.find((k) => k.slug === c.req.param('community'));
  if (!community) return refuse(c, 404);
  c.set('community', community);
  return next();
});

/**
 * What the services need to act for the signed-in person, in the shape an API key has: the
 * workspace goes through the same rules as the API. Call after `requireMember` or `requireCurator`.
 */
export function actingAs(c: WorkspaceContext, as: 'organization' | 'curator'): ApiKey {
  const sessionId = c.get('session')!.sessionId;
  if (as === 'organization') return { id: sessionId, role: 'organization', organizationId: c.get('organization').organizationId, communityIds: [] };
  return { id: sessionId, role: 'curator', organizationId: null, communityIds: [c.get('community').communityId] };
}

const trusted = trustedProxies(process.env.TRUST_PROXY);

/** The request's IP (behind a trusted proxy, the visitor's), for the sign-in limits. */
export function clientIp(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return clientAddress(incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), trusted);
}
