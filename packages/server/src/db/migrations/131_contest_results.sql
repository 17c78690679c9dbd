-- A curator finishes a contest's cycle: closes its vote (before the vote phase's last day, or on
-- it), then publishes its results (the selected ideas; the others are not selected).
alter table contests add column voting_closed_at timestamptz;
alter table contests add column results_at timestamptz;
