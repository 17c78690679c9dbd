-- Background work (mail, webhooks, purges, following other nodes), never inside a request's
-- transaction: any node process on the database claims due rows with FOR UPDATE SKIP LOCKED,
-- holds them for a lease, and retries a failure later with exponential back-off.
create table jobs (
  id text primary key,
  kind text not null,
  payload jsonb not null default '{}',
  -- At most one job per key: a periodic task's slot (kind@slot) is enqueued once by all processes.
  dedupe_key text unique,
  run_at timestamptz not null default now(),
  locked_until timestamptz,
  attempts integer not null default 0,
  last_error text,
  done_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz not null default now()
);
create index jobs_due on jobs (run_at) where done_at is null and failed_at is null;

-- Sent by SMTP: the body (with its links) is cleared, only who, what subject and when remain.
alter table mail_outbox add column sent_at timestamptz;
alter table mail_outbox alter column body_text drop not null;
