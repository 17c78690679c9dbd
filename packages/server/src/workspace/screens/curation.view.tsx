import type { IdeaContest, Need, Project, ProjectDetail, Revision } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import { describeQuantity } from '../../services/pledge-receipt.ts';
import type { IdeaInReview } from '../../services/idea-moderation.ts';
import type { WorkspaceEnv } from '../context.ts';
import { ContestsSection } from './contests.view.tsx';
import { IdeasToReview } from './ideas.view.tsx';
import type { FormErrors } from '../forms.ts';
import { ActionButton, Button, ErrorSummary, Field, Form, PageTitle, Table } from '../views/components.tsx';
import { CuratorNav } from '../views/curator-nav.tsx';
import { formatDay, pick } from '../views/format.ts';

function useCuration() {
  const c = useRequestContext<WorkspaceEnv>();
  const community = c.get('community');
  const lang = c.get('lang');
  return { t: c.get('t'), lang, base: `/workspace/c/${community.slug}`, name: pick(community.name, lang) };
}

export function QueueView({ submitted, published, revisions, ideas, contests }: { submitted: Project[]; published: Project[]; revisions: Revision[]; ideas: IdeaInReview[]; contests: IdeaContest[] }) {
  const { t, lang, base, name } = useCuration();
  const k = t.curation;
  const columns = [
    { header: k.project, cell: (p: Project) => <a href={`${base}/projects/${p.id}`}>{pick(p.title, lang)}</a> },
    { header: k.organization, cell: (p: Project) => p.organization.name },
    { header: k.submitted, cell: (p: Project) => formatDay(lang, p.updatedAt) },
  ];
  return (
    <>
      <CuratorNav />
      <PageTitle lead={k.lead}>{k.title(name)}</PageTitle>
      <Table caption={k.queue} rows={submitted} empty={k.empty} columns={columns} />
      <IdeasToReview ideas={ideas} />
      <ContestsSection contests={contests} />
      <h2>{k.revisions}</h2>
      <p class="ws-hint">{k.revisionsLead}</p>
      <Table
        caption={k.revisions}
        rows={revisions}
        empty={k.revisionsEmpty}
        columns={[
          { header: k.item, cell: (r: Revision) => <a href={`${base}/revisions/${r.id}`}>{`${r.newItem ? t.newItem.kind : k.kinds[r.subject]} — ${pick(r.subjectTitle, lang)}`}</a> },
          { header: k.organization, cell: (r: Revision) => r.organization.name },
          { header: k.changedOn, cell: (r: Revision) => formatDay(lang, r.updatedAt) },
        ]}
      />
      <h2>{k.published}</h2>
      <Table caption={k.published} rows={published} empty="—" columns={columns.slice(0, 2)} />
    </>
  );
}

export function needLine(n: Need, lang: 'fr' | 'en') {
  const quantity = describeQuantity({ category: n.category, unit: n.category === 'human' ? n.unit : null, unitLabel: n.category === 'material' ? n.unit : null, quantity: n.wanted, lang });
  return `${pick(n.title, lang)} — ${quantity}`;
}

export function ProjectReview({ project, errors, reason }: { project: ProjectDetail; errors?: FormErrors; reason?: string }) {
  const { t, lang, base } = useCuration();
  const k = t.curation;
  const action = `${base}/projects/${project.id}`;
  return (
    <>
      <p>
        <a href={base}>{k.back}</a>
      </p>
      <PageTitle lead={pick(project.summary, lang)}>{pick(project.title, lang)}</PageTitle>
      <dl class="ws-facts">
        <dt>{k.status}</dt>
        <dd>{k.statuses[project.status]}</dd>
        <dt>{k.organization}</dt>
        <dd>{project.organization.name}</dd>
        <dt>{k.communities}</dt>
        <dd>{project.communities.join(', ')}</dd>
        <dt>{k.themes}</dt>
        <dd>{project.themes.join(', ')}</dd>
        <dt>{k.dates}</dt>
        <dd>{project.startsOn ? `${formatDay(lang, `${project.startsOn}T12:00:00Z`)} → ${project.endsOn ? formatDay(lang, `${project.endsOn}T12:00:00Z`) : '…'}` : '—'}</dd>
        {project.image && (
          <>
            <dt>{k.image}</dt>
            <dd>
              <img src={project.image.url} alt={pick(project.image.alt, lang)} class="ws-preview" />
            </dd>
          </>
        )}
      </dl>
      <div class="ws-pair">
        <section lang="fr-CA">
          <h2>{`${k.description} (${t.common.french})`}</h2>
          <p class="ws-prose">{project.description?.fr ?? project.summary.fr}</p>
        </section>
        <section lang="en-CA">
          <h2>{`${k.description} (${t.common.english})`}</h2>
          <p class="ws-prose">{project.description?.en ?? project.summary.en ?? '—'}</p>
        </section>
      </div>
      <h2>{k.needs}</h2>
      {project.needs.length ? (
        <ul class="ws-list">
          {project.needs.map((n) => (
            <li>
              <span class="ws-badge">{k.categories[n.category]}</span> {needLine(n, lang)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="ws-empty">{k.noNeeds}</p>
      )}
      {project.status === 'submitted' && <Decision action={action} approve={k.approve} reject={k.reject} hint={k.reasonHint} errors={errors} reason={reason} />}
      {project.status === 'published' && (
        <section class="ws-card" aria-labelledby="hide">
          <h2 id="hide">{k.hideTitle}</h2>
          <p class="ws-hint" id="hide-hint">
            {k.hideHint}
          </p>
          <ActionButton action={`${action}/hide`} label={k.hide} variant="danger" describedBy="hide-hint" />
        </section>
      )}
    </>
  );
}

/** A curator's decision: approve, or reject with a reason the organization reads (submissions and changes alike). */
export function Decision(p: { action: string; approve: string; reject: string; hint: string; errors?: FormErrors | undefined; reason?: string | undefined }) {
  const k = useCuration().t.curation;
  return (
    <section class="ws-card" aria-labelledby="decision">
      <h2 id="decision">{k.decision}</h2>
      <ActionButton action={`${p.action}/approve`} label={p.approve} />
      <Form action={`${p.action}/reject`}>
        <ErrorSummary errors={p.errors} labels={{ reason: k.reason }} />
        <Field name="reason" label={k.reason} hint={p.hint} rows={4} value={p.reason} error={p.errors?.reason} required maxlength={1000} />
        <div class="ws-actions">
          <Button label={p.reject} variant="danger" />
        </div>
      </Form>
    </section>
  );
}
