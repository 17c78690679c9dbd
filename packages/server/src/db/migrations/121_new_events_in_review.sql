-- In a community that reviews events, a new event waits for a curator before the public sees it
-- (before, only edits of events were reviewed): kept from lists, feeds, pages and registration.
alter table events add column in_review boolean not null default false;
-- The revision of a new item: the curator approves the item whole, not a change to it.
alter table revisions add column new_item boolean not null default false;
