-- Emails sent to each address per hour (the address hashed): past a cap, no more mail to it that
-- hour, whatever the requests say. Rows older than two hours are deleted by the worker.
create table mail_recipient_hours (
  recipient_hash text not null,
  hour timestamptz not null,
  sent integer not null default 0,
  primary key (recipient_hash, hour)
);
