-- "J'appuie ce projet": one row per (project, lowercased email). It counts once a link emailed to
-- that address is followed.
create table project_supports (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  email text not null,
  status text not null check (status in ('pending', 'confirmed')),
  lang text not null,
  consent_version text not null,
  consent_at timestamptz not null,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  unique (project_id, email)
);
create index project_supports_email on project_supports (email);
-- Each email carries its own link (supporting again while pending sends another; any of them
-- confirms); only the token's hash is kept, valid 7 days, and it also opens the person's "my data".
create table project_support_tokens (
  token_hash text primary key,
  support_id text not null references project_supports (id) on delete cascade,
  expires_at timestamptz not null
);
create index project_support_tokens_support on project_support_tokens (support_id);
create index project_support_tokens_expires on project_support_tokens (expires_at);
-- When the supporters first reached the threshold: the money needs open then and stay open, and
-- the organization is told once.
alter table projects add column crowdfunding_unlocked_at timestamptz;
update projects set crowdfunding_unlocked_at = updated_at
 where crowdfunding_threshold is not null and supporter_count >= crowdfunding_threshold;
