-- Writes per client per minute, shared by every node process on this PostgreSQL (fixed windows,
-- one row per client and minute, upserted per write). Rows of past minutes are deleted by the worker.
create table rate_limit_counts (
  key text not null,
  window_start timestamptz not null,
  count integer not null default 0,
  primary key (key, window_start)
);
