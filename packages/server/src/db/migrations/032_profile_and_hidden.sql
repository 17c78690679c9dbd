-- An organization's English name and logo (its profile in the workspace), and a curator's
-- "hide" of a published project: off every public list and page, kept for its organization.
alter table organizations add column name_en text;
alter table organizations add column logo_url text;
alter table projects add column hidden_at timestamptz;
