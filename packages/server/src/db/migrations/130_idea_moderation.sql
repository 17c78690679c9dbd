-- Ideas are moderated: an idea whose author followed the emailed link waits 'in_review' for a
-- curator of its community, who publishes it or declines it. Only published (then selected or
-- not selected) ideas are public.
alter table ideas drop constraint ideas_status_check;
alter table ideas add constraint ideas_status_check
  check (status in ('pending', 'in_review', 'declined', 'published', 'selected', 'not_selected'));
alter table ideas add column reviewed_at timestamptz;
alter table ideas add column reviewed_by text references people (id) on delete set null;
create index ideas_in_review on ideas (community_id, confirmed_at) where status = 'in_review';
