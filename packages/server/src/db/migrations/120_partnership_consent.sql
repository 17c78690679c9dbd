-- A partnership is public only once the partner organization accepts it: naming a caisse as a
-- funder must not make the project appear as the caisse's. Partners named before this version
-- never said yes, so they wait for an answer too.
alter table project_partners add column status text not null default 'proposed' check (status in ('proposed', 'accepted', 'declined'));
alter table project_partners add column proposed_at timestamptz;
alter table project_partners add column decided_at timestamptz;
