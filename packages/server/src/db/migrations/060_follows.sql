-- Nodes this node follows, and the copies of what they publish. A copy keeps the origin's answer
-- as it was served (jsonb), plus the columns the public lists filter and sort on. Only public
-- answers are copied: no personal data crosses nodes.
create table follows (
  id text primary key,
  url text not null unique,
  name text,
  communities text[] not null default '{}',
  state text not null default 'pending' check (state in ('pending', 'ok', 'unreachable')),
  last_error text,
  failures integer not null default 0,
  next_poll_at timestamptz not null,
  polled_at timestamptz,
  -- per list page URL: its ETag, the ids it held and its next cursor, to revalidate with If-None-Match
  pages jsonb not null default '{}',
  created_at timestamptz not null
);
create index follows_due on follows (next_poll_at);

create table followed_projects (
  follow_id text not null references follows (id) on delete cascade,
  id text not null,
  etag text,
  data jsonb not null,
  created_at timestamptz not null,
  status text not null,
  themes text[] not null,
  communities text[] not null,
  organization_slug text not null,
  open_needs text[] not null,
  search text not null,
  primary key (follow_id, id)
);
create index followed_projects_created on followed_projects (created_at desc, id desc);
create index followed_projects_id on followed_projects (id);

create table followed_needs (
  follow_id text not null references follows (id) on delete cascade,
  id text not null,
  project_id text not null,
  data jsonb not null,
  primary key (follow_id, id)
);
create index followed_needs_id on followed_needs (id);

create table followed_events (
  follow_id text not null references follows (id) on delete cascade,
  id text not null,
  data jsonb not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  community text not null,
  organization_slug text not null,
  category text not null,
  -- when the copy last changed, and how many times: a calendar takes an update only when SEQUENCE grows
  revised_at timestamptz not null,
  sequence integer not null default 0,
  primary key (follow_id, id)
);
create index followed_events_starts on followed_events (starts_at, id);
create index followed_events_id on followed_events (id);
