import { useRequestContext } from 'hono/jsx-renderer';
import type { IdeaInReview } from '../../services/idea-moderation.ts';
import type { WorkspaceEnv } from '../context.ts';
import { ActionButton } from '../views/components.tsx';
import { formatDay, pick } from '../views/format.ts';

/** The curator's ideas awaiting review, each with its text and two one-button decisions. */
export function IdeasToReview({ ideas }: { ideas: IdeaInReview[] }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const k = t.ideaReview;
  const lang = c.get('lang');
  const base = `/workspace/c/${c.get('community').slug}/ideas`;
  return (
    <section aria-labelledby="ideas-to-review">
      <h2 id="ideas-to-review">{k.title}</h2>
      <p class="ws-hint">{k.lead}</p>
      {ideas.length ? (
        <ul class="ws-list ws-ideas">
          {ideas.map((idea) => (
            <li class="ws-card">
              <h3 id={`idea-${idea.id}`} lang={`${idea.lang}-CA`}>
                {idea.title}
              </h3>
              <p class="ws-prose" lang={`${idea.lang}-CA`}>
                {idea.description}
              </p>
              <p class="ws-hint">
                {k.facts(pick(idea.communityName, lang), formatDay(lang, idea.confirmedAt))}
              </p>
              <div class="ws-actions">
                <ActionButton action={`${base}/${idea.id}/publish`} label={k.publish} describedBy={`idea-${idea.id}`} />
                <ActionButton action={`${base}/${idea.id}/decline`} label={k.decline} variant="danger" describedBy={`idea-${idea.id}`} />
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="ws-empty">{k.empty}</p>
      )}
    </section>
  );
}
