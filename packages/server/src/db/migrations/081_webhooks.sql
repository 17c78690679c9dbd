-- An organization's webhook endpoints and what was sent to them. The secret signs every delivery
-- (Standard Webhooks: HMAC-SHA256), so it is kept as it is, like any signing key; it is shown to
-- the organization once. Payloads carry ids and quantities, never a person's contact.
create table webhook_endpoints (
  id text primary key,
  organization_id text not null references organizations (id),
  url text not null,
  events text[] not null,
  secret text not null,
  created_at timestamptz not null
);
create index webhook_endpoints_organization on webhook_endpoints (organization_id);

create table webhook_deliveries (
  id text primary key,
  endpoint_id text not null references webhook_endpoints (id) on delete cascade,
  event text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  last_status integer,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz
);
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc, id desc);
