import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import { Button, ErrorSummary, Field, Form, PageTitle } from '../views/components.tsx';

const useT = () => useRequestContext<WorkspaceEnv>().get('t');

export function SignInForm({ email, errors, lang }: { email?: string; errors?: FormErrors; lang: string }) {
  const t = useT();
  return (
    <>
      <PageTitle lead={t.signIn.lead}>{t.signIn.title}</PageTitle>
      <Form action={`/workspace/sign-in?lang=${lang}`}>
        <ErrorSummary errors={errors} labels={{ email: t.signIn.email }} />
        <Field name="email" type="email" label={t.signIn.email} hint={t.signIn.emailHint} value={email} error={errors?.email} autocomplete="email" required maxlength={254} />
        <div class="ws-actions">
          <Button label={t.signIn.submit} />
        </div>
      </Form>
    </>
  );
}

export function SignInSent({ devMailbox, lang }: { devMailbox: boolean; lang: string }) {
  const t = useT();
  return (
    <>
      <PageTitle>{t.signIn.sentTitle}</PageTitle>
      <p>{t.signIn.sent}</p>
      <p>{t.signIn.sentAgain}</p>
      {devMailbox && (
        <p class="ws-card">
          {t.signIn.devMailbox} <a href={`/dev/mail?lang=${lang}`}>{t.signIn.devMailboxLink}</a>
        </p>
      )}
      <p>
        <a href={`/workspace/sign-in?lang=${lang}`}>{t.signIn.again}</a>
      </p>
    </>
  );
}

/** The emailed link's page: a button that signs in with a POST, so a mail scanner opening the link spends nothing. */
export function SignInLink({ token, lang }: { token: string; lang: string }) {
  const t = useT();
  return (
    <>
      <PageTitle>{t.signIn.linkTitle}</PageTitle>
      <p>{t.signIn.link}</p>
      <Form action={`/workspace/sign-in/link?lang=${lang}`}>
        <input type="hidden" name="token" value={token} />
        <div class="ws-actions">
          <Button label={t.signIn.linkButton} />
        </div>
      </Form>
    </>
  );
}

export function SignInProblem({ title, text, lang }: { title: string; text: string; lang: string }) {
  const t = useT();
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={`/workspace/sign-in?lang=${lang}`}>{t.signIn.again}</a>
      </p>
    </>
  );
}
