import { Email } from '@perron/contract';
import * as z from 'zod/mini';
import type { Screen } from '../index.tsx';
import { endAllSessions, endSession, completeSignIn, requestSignIn } from '../../services/sign-in.ts';
import { setPersonLang } from '../../services/people.ts';
import { formInput, parseForm } from '../forms.ts';
import { clearSessionCookie, clientIp, requireSignIn, setSessionCookie } from '../session.tsx';
import { SignInForm, SignInLink, SignInProblem, SignInSent } from './sign-in.view.tsx';

const SignInBody = z.object({ email: Email });
const LinkBody = z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,64}$/)) });
const LangBody = z.object({ lang: z.enum(['fr', 'en']), back: z.optional(z.string()) });

/** Sign in by emailed link, sign out (here or everywhere), and the language a person reads. */
export const signInScreen: Screen = (ws, node) => {
  ws.get('/sign-in', (c) => {
    if (c.get('session')) return c.redirect('/workspace', 303);
    return c.render(<SignInForm lang={c.get('lang')} />, { title: c.get('t').signIn.title });
  });

  ws.post('/sign-in', async (c) => {
    const t = c.get('t');
    const lang = c.get('lang');
    const input = await formInput(c);
    const parsed = parseForm(SignInBody, input, t);
    if (!parsed.ok) {
      c.status(422);
      return c.render(<SignInForm lang={lang} email={String(input.email ?? '')} errors={parsed.errors} />, { title: t.signIn.title });
    }
    const outcome = await node.db.tx((q) => requestSignIn(q, node.mailer, { email: parsed.data.email, ip: clientIp(c), lang, baseUrl: node.baseUrl, now: node.now() }));
    if (outcome === 'ip_limited') {
      c.status(429);
      c.header('retry-after', '3600');
      return c.render(<SignInProblem lang={lang} title={t.signIn.limitedTitle} text={t.signIn.limited} />, { title: t.signIn.limitedTitle });
    }
    return c.redirect(`/workspace/sign-in/sent?lang=${lang}`, 303);
  });

  ws.get('/sign-in/sent', (c) => c.render(<SignInSent lang={c.get('lang')} devMailbox={node.devMailbox} />, { title: c.get('t').signIn.sentTitle }));

  ws.get('/sign-in/link', (c) => {
    const t = c.get('t');
    const token = c.req.query('token') ?? '';
    return c.render(<SignInLink lang={c.get('lang')} token={token} />, { title: t.signIn.linkTitle });
  });

  ws.post('/sign-in/link', async (c) => {
    const t = c.get('t');
    const parsed = parseForm(LinkBody, await formInput(c), t);
    const opened = parsed.ok ? await node.db.tx((q) => completeSignIn(q, parsed.data.token, node.now())) : null;
    if (!opened) {
      c.status(400);
      return c.render(<SignInProblem lang={c.get('lang')} title={t.signIn.badLinkTitle} text={t.signIn.badLink} />, { title: t.signIn.badLinkTitle });
    }
    // The language the person signed in with is the one they read from now on.
    const lang = c.req.query('lang');
    if (lang === 'fr' || lang === 'en') await setPersonLang(node.db, opened.personId, lang);
    setSessionCookie(c, node, opened.secret);
    return c.redirect('/workspace', 303);
  });

  ws.post('/sign-out', async (c) => {
    const session = c.get('session');
    if (session) await endSession(node.db, session.sessionId, node.now());
    clearSessionCookie(c, node);
    return c.redirect(`/workspace/sign-in?done=signed_out&lang=${c.get('lang')}`, 303);
  });

  ws.post('/sign-out-everywhere', requireSignIn, async (c) => {
    await endAllSessions(node.db, c.get('session')!.person.id, node.now());
    clearSessionCookie(c, node);
    return c.redirect(`/workspace/sign-in?done=signed_out_everywhere&lang=${c.get('lang')}`, 303);
  });

  ws.post('/lang', requireSignIn, async (c) => {
    const parsed = parseForm(LangBody, await formInput(c), c.get('t'));
    if (!parsed.ok) return c.redirect('/workspace', 303);
    await setPersonLang(node.db, c.get('session')!.person.id, parsed.data.lang);
    // Back to the same workspace page only: never to another site.
    const back = parsed.data.back && /^\/workspace(\/[\w/-]*)?$/.test(parsed.data.back) ? parsed.data.back : '/workspace';
    return c.redirect(back, 303);
  });
};
