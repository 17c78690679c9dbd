-- Calendar clients update an event they already have only when its SEQUENCE grows, and
-- LAST-MODIFIED/DTSTAMP say when it was revised: an edit bumps both.
alter table events add column updated_at timestamptz not null default now();
alter table events add column sequence integer not null default 0;
