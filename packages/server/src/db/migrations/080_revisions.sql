-- Changes to a published project (its title, summary, image, a new money need) and to an event of
-- a community that reviews events wait for a curator: the public keeps the live version until one
-- approves. One pending revision per item; later edits merge into it.
create table revisions (
  id text primary key,
  subject_type text not null check (subject_type in ('project', 'event')),
  subject_id text not null,
  organization_id text not null references organizations (id),
  -- The reviewed fields' new values, as the contract names them (the live ones stay on the item).
  changes jsonb not null,
  -- Money needs added to a published project, kept from the public until approved.
  new_needs text[] not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  decided_at timestamptz,
  decided_by text
);
create unique index revisions_one_pending on revisions (subject_type, subject_id) where status = 'pending';
create index revisions_pending on revisions (created_at) where status = 'pending';

-- A money need added to a published project is kept from the public (and from pledges) until approved.
alter table needs add column in_review boolean not null default false;

-- A community may ask that its events' texts be reviewed as its projects are (its sub-communities too).
alter table communities add column events_require_review boolean not null default false;

-- Progress counts only the needs the public sees.
create or replace function project_progress(project text) returns jsonb language sql stable as $$
  select coalesce(jsonb_agg(s order by s.category), '[]'::jsonb) from (
    select n.category, count(*) as needs,
           count(*) filter (where n.status = 'filled' or n.pledged >= n.wanted) as filled,
           avg(least(n.pledged::float8 / n.wanted, 1)) as ratio,
           sum(n.wanted) as wanted, sum(n.pledged) as pledged
      from needs n where n.project_id = project and n.status <> 'closed' and not n.in_review group by n.category) s
$$;

drop trigger needs_progress on needs;
create trigger needs_progress after insert or delete or update of project_id, category, wanted, pledged, status, in_review on needs
  for each row execute function needs_refresh_progress();
