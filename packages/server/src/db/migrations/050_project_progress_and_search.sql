-- A project's progress, kept on its row: the public list reads it instead of aggregating every
-- project's needs on each request. The database keeps it right in the transaction of any write to
-- a need (a pledge made, confirmed or withdrawn, a need added, edited or closed), whichever code
-- makes it: one place, that no new writer can forget.
alter table projects add column progress jsonb not null default '[]';

-- By category: how many needs, how many filled, the mean share pledged (each capped at 1), and
-- the sums wanted and pledged. A need its organization closed no longer counts.
create function project_progress(project text) returns jsonb language sql stable as $$
  select coalesce(jsonb_agg(s order by s.category), '[]'::jsonb) from (
    select n.category, count(*) as needs,
           count(*) filter (where n.status = 'filled' or n.pledged >= n.wanted) as filled,
           avg(least(n.pledged::float8 / n.wanted, 1)) as ratio,
           sum(n.wanted) as wanted, sum(n.pledged) as pledged
      from needs n where n.project_id = project and n.status <> 'closed' group by n.category) s
$$;

create function needs_refresh_progress() returns trigger language plpgsql as $$
begin
  update projects set progress = project_progress(id)
   where id = (case when tg_op = 'DELETE' then old.project_id else new.project_id end)
      or (tg_op = 'UPDATE' and id = old.project_id);
  return null;
end
$$;

create trigger needs_progress after insert or delete or update of project_id, category, wanted, pledged, status on needs
  for each row execute function needs_refresh_progress();

update projects set progress = project_progress(id);

-- Accent-free search (the `search` column) without reading every project: trigram index for
-- `search like '%word%'`.
create extension if not exists pg_trgm;
create index projects_search on projects using gin (search gin_trgm_ops);
