-- The cap on emails per address held per clock hour let twice the cap through across an hour's
-- boundary (ten at 18:59, ten more at 19:00). Counts are now kept per minute and summed over the
-- last hour, a window that slides. Counts are transient: the old ones are not carried over.
drop table mail_recipient_hours;
create table mail_recipient_minutes (
  recipient_hash text not null,
  minute timestamptz not null,
  sent integer not null default 0,
  primary key (recipient_hash, minute)
);
