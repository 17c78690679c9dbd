-- Who did what in an organization (or a community, for a curator's decisions), and when.
create table activity_log (
  id text primary key,
  organization_id text references organizations (id),
  community_id text references communities (id),
  -- null when done by an API key or the admin command, or once the person is erased
  person_id text references people (id) on delete set null,
  action text not null,
  -- what it was done to: a project's title, a key's label, a member's email
  subject text,
  created_at timestamptz not null
);
create index activity_log_organization on activity_log (organization_id, created_at desc, id desc);
create index activity_log_community on activity_log (community_id, created_at desc, id desc);
