-- People who work in the workspace, their roles, and how they sign in (by emailed link).
-- Tokens and sessions are stored as SHA-256 hashes: the secret itself is only in the email
-- or the cookie.

create table people (
  id text primary key,
  email text not null,
  -- lowercased: one person per address whatever its case
  email_key text not null unique,
  name text,
  lang text not null default 'fr' check (lang in ('fr', 'en')),
  created_at timestamptz not null default now()
);

create table memberships (
  person_id text not null references people (id) on delete cascade,
  organization_id text not null references organizations (id),
  role text not null check (role in ('admin', 'editor')),
  created_at timestamptz not null default now(),
  primary key (person_id, organization_id)
);
create index memberships_organization on memberships (organization_id);

create table community_curators (
  person_id text not null references people (id) on delete cascade,
  community_id text not null references communities (id),
  created_at timestamptz not null default now(),
  primary key (person_id, community_id)
);
create index community_curators_community on community_curators (community_id);

-- Single use (used_at), short-lived (expires_at).
create table sign_in_tokens (
  hash text primary key,
  person_id text not null references people (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index sign_in_tokens_person on sign_in_tokens (person_id, created_at);

create table sessions (
  id text primary key,
  hash text not null unique,
  person_id text not null references people (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_person on sessions (person_id);

-- Sign-in requests, counted per scope (a hashed address or a hashed IP) to limit the links
-- sent; rows older than the window are deleted as new ones come.
create table sign_in_requests (
  scope text not null,
  created_at timestamptz not null
);
create index sign_in_requests_scope on sign_in_requests (scope, created_at);
