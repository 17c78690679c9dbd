import type { RunningNode } from '../../src/index.ts';

const FORM = 'application/x-www-form-urlencoded';

export interface Answer {
  status: number;
  location: string | null;
  setCookie: string[];
  text: string;
}

async function answer(res: Response): Promise<Answer> {
  return { status: res.status, location: res.headers.get('location'), setCookie: res.headers.getSetCookie(), text: await res.text() };
}

/** A workspace page as a browser with this cookie asks for it (redirects not followed). */
export async function getPage(node: RunningNode, path: string, cookie?: string): Promise<Answer> {
  return answer(await fetch(`${node.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} }));
}

/** A form posted from the node's own page (its Origin), unless `origin` says otherwise. */
export async function postForm(node: RunningNode, path: string, data: Record<string, string | string[]>, cookie?: string, origin = node.url): Promise<Answer> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(data)) for (const one of [v].flat()) body.append(k, one);
  const headers: Record<string, string> = { 'content-type': FORM, origin };
  if (cookie) headers.cookie = cookie;
  return answer(await fetch(`${node.url}${path}`, { method: 'POST', redirect: 'manual', headers, body }));
}

/** The newest sign-in link mailed to an address, from the outbox. */
export async function lastSignInToken(node: RunningNode, email: string): Promise<string | null> {
  const [mail] = await node.db.query<{ body_text: string }>(
    `select body_text from mail_outbox where lower(recipient) = lower($1) and body_text like '%/workspace/sign-in/link?token=%' order by created_at desc, id desc limit 1`,
    [email],
  );
  return mail ? /token=([A-Za-z0-9_-]+)/.exec(mail.body_text)![1]! : null;
}

export async function signInMails(node: RunningNode, email: string): Promise<number> {
  const [row] = await node.db.query<{ n: number }>(`select count(*) as n from mail_outbox where lower(recipient) = lower($1) and body_text like '%/workspace/sign-in/link%'`, [email]);
  return Number(row!.n);
}

/** `name=value` of the session cookie a sign-in set. */
export const cookieOf = (a: Answer): string | undefined => a.setCookie.find((c) => /perron_session=[^;]+/.test(c))?.split(';')[0];

/** Asks for a link, follows it and presses the button: the cookie header of the new session. */
export async function signIn(node: RunningNode, email: string): Promise<string> {
  const asked = await postForm(node, '/workspace/sign-in', { email });
  if (asked.status !== 303) throw new Error(`sign-in: ${asked.status}`);
  const token = await lastSignInToken(node, email);
  if (!token) throw new Error(`no sign-in link for ${email}`);
  const done = await postForm(node, '/workspace/sign-in/link', { token });
  const cookie = cookieOf(done);
  if (done.status !== 303 || !cookie) throw new Error(`sign-in link: ${done.status}`);
  return cookie;
}
