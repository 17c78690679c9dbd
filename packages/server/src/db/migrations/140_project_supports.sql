-- "J'appuie ce projet": one row per (project, lowercased email). It counts once its emailed link is
-- followed; only the token's hash is kept, valid 7 days (it also opens the person's "my data" page).
create table project_supports (
  id text primary key,
  project_id text not null references projects (id) on delete cascade,
  email text not null,
  status text not null check (status in ('pending', 'confirmed')),
  lang text not null,
  consent_version text not null,
  consent_at timestamptz not null,
  token_hash text,
  token_expires_at timestamptz,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  unique (project_id, email)
);
create index project_supports_email on project_supports (email);
create unique index project_supports_token on project_supports (token_hash);
-- When the supporters first reached the threshold: the money needs open then and stay open, and
-- the organization is told once.
alter table projects add column crowdfunding_unlocked_at timestamptz;
update projects set crowdfunding_unlocked_at = updated_at
 where crowdfunding_threshold is not null and supporter_count >= crowdfunding_threshold;
