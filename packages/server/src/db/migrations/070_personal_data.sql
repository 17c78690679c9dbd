-- Law 25: every kind of personal data records the notice its person read. Votes did not: their
-- voters now read the vote notice (contract: voteNotice). Votes cast before it say 'unrecorded'.
alter table votes add column consent_version text not null default 'unrecorded';
alter table votes add column consent_at timestamptz;
update votes set consent_at = created_at;
alter table votes alter column consent_at set not null;
alter table votes alter column consent_version drop default;
-- "My data" asked by email: the emailed link's token (hashed) and the address it opens, for a day.
create table data_requests (
  token_hash text primary key,
  email text not null,
  lang text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index data_requests_expires on data_requests (expires_at);
-- Everything tied to one address is found by it (lowercased), in every table that keeps one.
create index registrations_email on registrations (lower(email));
create index votes_email on votes (email);
create index ideas_author_email on ideas (lower(author_email));
-- The purge finds expired links by time.
create index confirmations_expires on confirmations (expires_at);
