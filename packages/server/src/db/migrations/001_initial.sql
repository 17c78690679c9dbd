-- Perron's schema. The same file runs on PGlite and PostgreSQL: plain SQL, no extensions.
-- Localized texts are jsonb {"fr": …, "en": …}. Every table that lists uses keyset pagination,
-- so each has an index on its sort key.

create table communities (
  id text primary key,
  slug text not null unique,
  kind text not null check (kind in ('territorial', 'interest')),
  level text check (level in ('region', 'city', 'borough', 'neighbourhood')),
  parent_id text references communities (id),
  name jsonb not null,
  description jsonb
);

create table organizations (
  id text primary key,
  slug text not null unique,
  name text not null,
  kind text not null,
  description jsonb,
  website text,
  created_at timestamptz not null default now()
);

create table organization_communities (
  organization_id text not null references organizations (id),
  community_id text not null references communities (id),
  primary key (organization_id, community_id)
);

-- API keys are stored as SHA-256 hashes; the key itself is shown once, when made.
create table api_keys (
  id text primary key,
  hash text not null unique,
  role text not null check (role in ('organization', 'curator')),
  organization_id text references organizations (id),
  label text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check ((role = 'organization') = (organization_id is not null))
);

create table curator_communities (
  api_key_id text not null references api_keys (id),
  community_id text not null references communities (id),
  primary key (api_key_id, community_id)
);

create table projects (
  id text primary key,
  organization_id text not null references organizations (id),
  status text not null check (status in ('draft', 'submitted', 'published', 'completed', 'cancelled', 'rejected')),
  title jsonb not null,
  summary jsonb not null,
  description jsonb,
  themes text[] not null,
  image_url text,
  image_alt jsonb,
  starts_on date,
  ends_on date,
  crowdfunding_threshold integer,
  supporter_count integer not null default 0,
  rejection_reason text,
  -- lowercased, accent-free title and summary in both languages, for text search
  search text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index projects_created on projects (created_at desc, id desc);
create index projects_org on projects (organization_id);

create table project_communities (
  project_id text not null references projects (id),
  community_id text not null references communities (id),
  primary key (project_id, community_id)
);
create index project_communities_community on project_communities (community_id);

create table project_partners (
  project_id text not null references projects (id),
  organization_id text not null references organizations (id),
  role text not null check (role in ('funder', 'partner', 'sponsor')),
  primary key (project_id, organization_id)
);

-- wanted/pledged in the need's unit: hours or people, items, or cents. `pledged` and
-- `pledge_count` are kept by the pledge workflow in the same transaction as the pledge rows.
create table needs (
  id text primary key,
  project_id text not null references projects (id),
  category text not null check (category in ('human', 'material', 'financial')),
  unit text check (unit in ('hours', 'people')),
  unit_label jsonb,
  title jsonb not null,
  description jsonb,
  wanted integer not null check (wanted > 0),
  pledged integer not null default 0,
  pledge_count integer not null default 0,
  status text not null default 'open' check (status in ('open', 'filled', 'closed')),
  skills text[] not null default '{}',
  shift_starts_at timestamptz,
  shift_ends_at timestamptz,
  position integer not null default 0,
  created_at timestamptz not null default now()
);
create index needs_project on needs (project_id, position);

create table pledges (
  id text primary key,
  need_id text not null references needs (id),
  project_id text not null references projects (id),
  quantity integer not null check (quantity > 0),
  status text not null check (status in ('pending', 'confirmed', 'fulfilled', 'declined', 'withdrawn')),
  -- null once erased at the person's request (Law 25); the pledge itself stays counted
  contact_name text,
  contact_email text,
  message text,
  consent_version text not null,
  consent_share boolean not null,
  consent_updates boolean not null,
  consent_at timestamptz not null,
  lang text not null,
  withdraw_token_hash text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index pledges_project on pledges (project_id, created_at desc, id desc);
create index pledges_need on pledges (need_id);

create table events (
  id text primary key,
  organization_id text not null references organizations (id),
  community_id text not null references communities (id),
  project_id text references projects (id),
  title jsonb not null,
  description jsonb,
  category text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at >= starts_at),
  place_name text,
  place_address text,
  link text,
  capacity integer,
  registration boolean not null default false,
  registered_count integer not null default 0,
  created_at timestamptz not null default now()
);
create index events_starts on events (starts_at, id);

create table registrations (
  id text primary key,
  event_id text not null references events (id),
  name text not null,
  email text not null,
  seats integer not null check (seats > 0),
  consent_version text not null,
  consent_updates boolean not null,
  consent_at timestamptz not null,
  lang text not null,
  created_at timestamptz not null default now()
);
create index registrations_event on registrations (event_id);

create table contests (
  id text primary key,
  community_id text not null references communities (id),
  title jsonb not null,
  description jsonb,
  created_at timestamptz not null default now()
);

create table contest_phases (
  contest_id text not null references contests (id),
  phase text not null check (phase in ('submission', 'vote', 'selection', 'results')),
  starts_on date not null,
  ends_on date not null,
  primary key (contest_id, phase)
);

-- An idea is 'pending' (unlisted) until its author follows the emailed link.
create table ideas (
  id text primary key,
  community_id text not null references communities (id),
  contest_id text references contests (id),
  title text not null,
  description text not null,
  lang text not null,
  status text not null check (status in ('pending', 'published', 'selected', 'not_selected')),
  author_name text,
  author_email text,
  consent_version text not null,
  consent_at timestamptz not null,
  support_count integer not null default 0,
  project_id text references projects (id),
  created_at timestamptz not null default now(),
  confirmed_at timestamptz
);
create index ideas_support on ideas (support_count desc, id desc);
create index ideas_created on ideas (created_at desc, id desc);

-- One row per (idea, email): the unique key is what makes one counted vote per verified email.
create table votes (
  id text primary key,
  idea_id text not null references ideas (id),
  email text not null,
  status text not null check (status in ('pending', 'confirmed')),
  created_at timestamptz not null default now(),
  confirmed_at timestamptz,
  unique (idea_id, email)
);

-- Emailed links carry a token; only its hash is kept.
create table confirmations (
  token_hash text primary key,
  kind text not null check (kind in ('vote', 'idea')),
  idea_id text not null references ideas (id),
  vote_id text references votes (id),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- The default mail adapter writes here; /dev/mail shows it.
create table mail_outbox (
  id text primary key,
  recipient text not null,
  subject text not null,
  body_text text not null,
  body_html text,
  created_at timestamptz not null default now()
);
create index mail_outbox_created on mail_outbox (created_at desc, id desc);

-- A write's first answer, replayed for a request with the same key (scope: route + API key or client).
create table idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  status integer not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
