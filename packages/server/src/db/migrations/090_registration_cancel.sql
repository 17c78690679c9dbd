-- A registration can be cancelled from the link in its email: the token's hash only is kept.
alter table registrations add column cancel_token_hash text;
create unique index registrations_cancel_token on registrations (cancel_token_hash) where cancel_token_hash is not null;
-- A cancelled registration is deleted (its contact has no more purpose); what the organization's
-- daily digest says of it is kept here, with nothing personal.
create table registration_cancellations (
  id text primary key,
  event_id text not null references events (id),
  seats integer not null,
  cancelled_at timestamptz not null
);
create index registration_cancellations_event on registration_cancellations (event_id, cancelled_at);
