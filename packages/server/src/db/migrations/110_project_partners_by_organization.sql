-- The public list filters projects by partner (`?partner=<slug>`): find them by organization.
create index if not exists project_partners_organization on project_partners (organization_id);
