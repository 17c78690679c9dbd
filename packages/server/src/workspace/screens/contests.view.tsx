import type { IdeaContest } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { contestForCurator } from '../../services/contest-results.ts';
import type { WorkspaceEnv } from '../context.ts';
import { ActionButton, Button, Form, PageTitle, Table } from '../views/components.tsx';
import { formatDay, pick } from '../views/format.ts';

function useContests() {
  const c = useRequestContext<WorkspaceEnv>();
  const lang = c.get('lang');
  return { t: c.get('t'), k: c.get('t').contests, lang, base: `/workspace/c/${c.get('community').slug}/contests` };
}

/** The community's contests, in the curator's queue: each links to its page. */
export function ContestsSection({ contests }: { contests: IdeaContest[] }) {
  const { k, lang, base } = useContests();
  return (
    <>
      <h2>{k.title}</h2>
      <Table
        caption={k.title}
        rows={contests}
        empty={k.empty}
        columns={[
          { header: k.contest, cell: (x: IdeaContest) => <a href={`${base}/${x.id}`}>{pick(x.title, lang)}</a> },
          { header: k.phase, cell: (x: IdeaContest) => k.phases[x.currentPhase] },
          { header: k.ideas, cell: (x: IdeaContest) => String(x.ideaCount) },
        ]}
      />
    </>
  );
}

type Review = NonNullable<Awaited<ReturnType<typeof contestForCurator>>>;

/** One contest: close its vote, select its winners and publish the results, link ideas to their projects. */
export function ContestReview({ contest, ideas, projects }: Review) {
  const { k, lang, base } = useContests();
  const action = `${base}/${contest.id}`;
  const decided = !!contest.results;
  return (
    <>
      <p>
        <a href={base.replace(/\/contests$/, '')}>{k.back}</a>
      </p>
      <PageTitle lead={k.lead}>{pick(contest.title, lang)}</PageTitle>
      <dl class="ws-facts">
        <dt>{k.phase}</dt>
        <dd>{k.phases[contest.currentPhase]}</dd>
        {contest.votingClosedAt && (
          <>
            <dt>{k.closeTitle}</dt>
            <dd>{k.closedOn(formatDay(lang, contest.votingClosedAt))}</dd>
          </>
        )}
        {contest.results && (
          <>
            <dt>{k.publish}</dt>
            <dd>{k.resultsOn(formatDay(lang, contest.results.publishedAt))}</dd>
          </>
        )}
      </dl>
      <Table
        caption={k.caption}
        rows={ideas}
        empty={k.empty_ideas}
        columns={[
          { header: k.idea, cell: (i: Review['ideas'][number]) => <span lang={`${i.lang}-CA`}>{i.title}</span> },
          { header: k.supports, cell: (i: Review['ideas'][number]) => String(i.support_count) },
          { header: k.status, cell: (i: Review['ideas'][number]) => k.statuses[i.status] ?? i.status },
        ]}
      />
      {!contest.votingClosedAt && !decided && (
        <section class="ws-card" aria-labelledby="close-vote">
          <h2 id="close-vote">{k.closeTitle}</h2>
          <p class="ws-hint" id="close-hint">
            {k.closeHint}
          </p>
          <ActionButton action={`${action}/close`} label={k.close} variant="danger" describedBy="close-hint" />
        </section>
      )}
      {contest.votingClosedAt && !decided && ideas.length > 0 && (
        <section class="ws-card" aria-labelledby="winners">
          <h2 id="winners">{k.winnersTitle}</h2>
          <Form action={`${action}/results`}>
            <fieldset>
              <legend class="ws-hint">{k.winnersHint}</legend>
              {ideas.map((i) => (
                <div class="ws-field">
                  <label>
                    <input type="checkbox" name="winners[]" value={i.id} /> {k.winner(i.title)}
                  </label>
                </div>
              ))}
            </fieldset>
            <div class="ws-actions">
              <Button label={k.publish} />
            </div>
          </Form>
        </section>
      )}
      {ideas.length > 0 && (
        <section class="ws-card" aria-labelledby="projects">
          <h2 id="projects">{k.projectTitle}</h2>
          <p class="ws-hint">{k.projectHint}</p>
          {ideas.map((i) => (
            <Form action={`${action}/ideas/${i.id}/project`}>
              <div class="ws-field">
                <label for={`project-${i.id}`}>{k.project(i.title)}</label>
                <select id={`project-${i.id}`} name="projectId">
                  <option value="">{k.noProject}</option>
                  {projects.map((p) => (
                    <option value={p.id} selected={p.id === i.project_id}>
                      {pick(p.title, lang)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="ws-actions">
                <Button label={k.link} variant="secondary" />
              </div>
            </Form>
          ))}
        </section>
      )}
    </>
  );
}
