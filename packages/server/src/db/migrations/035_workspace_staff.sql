-- What the organization workspace adds: cancelled events, a decline's reason, uploaded images,
-- and how each organization wants to hear of new pledges and registrations.

-- A cancelled event stays (its page and iCalendar say so, with a bumped SEQUENCE) but takes no registration.
alter table events add column status text not null default 'scheduled' check (status in ('scheduled', 'cancelled'));
alter table events add column cancel_reason text;

-- What the organization wrote to the person when it declined their pledge (emailed to them too).
alter table pledges add column decline_reason text;
-- The inbox lists an organization's pledges by status, newest first.
create index pledges_status_created on pledges (status, created_at desc, id desc);

-- Uploaded images, content-addressed: the id is the SHA-256 of the stored (metadata-free) bytes,
-- so its URL never changes content and is cached for a year.
create table images (
  id text primary key,
  organization_id text not null references organizations (id),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
  width integer not null,
  height integer not null,
  bytes bytea not null,
  created_at timestamptz not null default now()
);

-- 'each': an email per new pledge or registration; 'digest': one a day. No row: 'each'.
create table organization_notifications (
  organization_id text primary key references organizations (id),
  mode text not null check (mode in ('each', 'digest')),
  -- the digest covers what arrived after this; null: since the mode was chosen
  digest_sent_at timestamptz
);
