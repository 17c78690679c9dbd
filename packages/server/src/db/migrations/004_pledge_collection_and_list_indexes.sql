-- How a money pledge will be collected, as the payment adapter said it when the pledge was made:
-- stored, so that a list or a withdrawal shows the very same instructions the person received.
alter table pledges add column collection jsonb;

-- The public list reads published projects newest first: keyset pages on this index stay cheap at any depth.
create index projects_status_created on projects (status, created_at desc, id desc);
create index organization_communities_community on organization_communities (community_id);
create index communities_parent on communities (parent_id);
