-- The resource directory: the ongoing services organizations describe (both languages, as
-- written), and directories imported from HSDS 3 APIs, kept as their origin served them.
create table org_services (
  id text primary key, -- a UUID, as HSDS wants
  organization_id text not null references organizations (id) on delete cascade,
  -- the organization's id in HSDS (a UUID derived from its own), to filter by it
  hsds_organization_id text not null,
  data jsonb not null,
  status text not null,
  search text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index org_services_listed on org_services (created_at, id);
create index org_services_organization on org_services (organization_id);

create table directories (
  id text primary key,
  url text not null unique,
  lang text not null,
  state text not null default 'pending' check (state in ('pending', 'ok', 'unreachable')),
  last_error text,
  failures integer not null default 0,
  next_poll_at timestamptz not null,
  polled_at timestamptz,
  created_at timestamptz not null
);
create index directories_due on directories (next_poll_at);

create table directory_services (
  directory_id text not null references directories (id) on delete cascade,
  id text not null,
  organization_id text,
  etag text,
  data jsonb not null,
  search text not null,
  primary key (directory_id, id)
);
create index directory_services_id on directory_services (id);

create table directory_organizations (
  directory_id text not null references directories (id) on delete cascade,
  id text not null,
  data jsonb not null,
  search text not null,
  primary key (directory_id, id)
);
