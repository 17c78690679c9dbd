import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';

/** A 403, 404 or 500 in the person's language, with a way back. */
export function ProblemPage({ title, text }: { title: string; text: string }) {
  const t = useRequestContext<WorkspaceEnv>().get('t');
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/workspace">{t.problems.home}</a>
      </p>
    </>
  );
}
