-- The taxonomy terms an imported service is filed under (its HSDS attributes' terms), as
-- lowercase, accent-free words: service suggestions match a need's words against them too.
alter table directory_services add column taxonomy text not null default '';
-- Rows copied before this column have none: the next poll reads every service whole again.
update directory_services set etag = null;
