-- A public pledge is 'held' until its email is confirmed by the emailed link: it reserves its
-- places until held_until but is not counted; unconfirmed, it becomes 'expired' and its contact is
-- erased. Organizations' own pledges (API key) skip the hold.
alter table pledges drop constraint pledges_status_check;
alter table pledges add constraint pledges_status_check
  check (status in ('held', 'pending', 'confirmed', 'fulfilled', 'declined', 'withdrawn', 'expired'));
alter table pledges add column held_until timestamptz;
alter table pledges add column confirm_token_hash text unique;
alter table pledges add column email_confirmed_at timestamptz;
-- A salted hash of the network address the pledge came from, for the per-address caps; erased after 24 hours.
alter table pledges add column client_hash text;
create index pledges_held on pledges (need_id, held_until) where status = 'held';
create index pledges_email on pledges (lower(contact_email), created_at);
create index pledges_client on pledges (client_hash, created_at) where client_hash is not null;

-- Addresses an organization no longer takes pledges from (lowercased).
create table pledge_blocks (
  organization_id text not null references organizations (id),
  email text not null,
  created_at timestamptz not null default now(),
  primary key (organization_id, email)
);

-- Values the node makes once: the salt of network-address hashes, so they can't be reversed by listing addresses.
create table node_secrets (
  name text primary key,
  value text not null
);
insert into node_secrets (name, value) values ('client_salt', md5(random()::text || clock_timestamp()::text) || md5(random()::text));
