import * as z from 'zod/mini';
import * as contract from './index.ts';
import { IdempotencyKey } from './common.ts';
import { PROBLEM_CODES, type ProblemCode } from './errors.ts';
import type { Tag } from './route.ts';
import { routes, type Route } from './routes.ts';
import { VERSION } from './version.ts';

type JsonSchema = Record<string, unknown>;
const ref = (id: string) => `#/components/schemas/${id}`;

/**
 * Components: every exported object or union schema, by its export name (`Project`, `PledgeCreate`);
 * queries and paths become parameters instead.
 */
const registry = z.registry<{ id: string }>();
for (const [name, value] of Object.entries(contract)) {
  const type = (value as Partial<z.core.$ZodType>)?._zod?.def.type;
  // Form-only schemas (…Settings) are used by the workspace, by no route: they stay out of components.
  if ((type === 'object' || type === 'union') && !/(Query|Path|Settings)$/.test(name)) registry.add(value as z.core.$ZodType, { id: name });
}

/** A schema as JSON Schema 2020-12, pointing at components for every named schema it uses. */
function jsonSchema(schema: z.core.$ZodType): JsonSchema {
  const id = registry.get(schema)?.id;
  if (id) return { $ref: ref(id) };
  // Named schemas live once in components: a single conversion puts them in $defs, which we drop.
  const { $schema: _, $defs: __, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', metadata: registry });
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${ref('')}`)) as JsonSchema;
}

function parameters(route: Route) {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const shape = (schema as unknown as z.ZodMiniObject).def.shape;
    for (const [name, field] of Object.entries(shape)) {
      const optional = (field as z.core.$ZodType)._zod.optin === 'optional';
      out.push({ name, in: where, required: where === 'path' || !optional, schema: jsonSchema(field as z.core.$ZodType) });
    }
  }
  if (route.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: route.idempotencyKeyRequired,
      description: 'One key per write, reused on every retry of it: a replay returns the first answer.',
      schema: jsonSchema(IdempotencyKey),
    });
  }
  return out;
}

function responses(route: Route) {
  const content =
    route.format === 'ics'
      ? { 'text/calendar': { schema: { type: 'string' } } }
      : route.format === 'csv'
        ? { 'text/csv': { schema: { type: 'string', description: 'RFC 4180, UTF-8 with a BOM' } } }
        : { [route.format === 'activity' ? 'application/activity+json' : 'application/json']: { schema: jsonSchema(route.response) } };
  const out: Record<string, unknown> = { [route.status]: { description: 'Success', content } };
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of [...route.errors, 'internal' as const]) {
    const status = PROBLEM_CODES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of byStatus) {
    out[status] = { description: codes.join(', '), content: { 'application/problem+json': { schema: { $ref: ref('Problem') } } } };
  }
  return out;
}

const TAGS: Record<Tag, string> = {
  node: 'What this node is, and who an API key acts for.',
  communities: 'Territories (boroughs, neighbourhoods, nested) and communities of interest.',
  organizations: 'Community organizations, caisses and funders, businesses and public bodies.',
  projects: 'Local, time-limited projects: draft, submitted, published, completed or cancelled.',
  needs: "A project's needs: people or hours, materials, money.",
  pledges: 'Promises of time, materials or money against a need; contacts only for the organizers.',
  events: 'Events, their calendar (iCalendar) and registrations.',
  ideas: 'Ideas, idea contests and votes confirmed by email.',
  federation: 'The nodes this node follows; their projects, needs and events join its lists with their origin.',
  embed: 'oEmbed: what a site (WordPress…) needs to embed a project or an event from its URL.',
  images: "Images uploaded for projects, checked by their content and stripped of metadata.",
  directory: "The resource directory: organizations' ongoing services, in French and English, served with imported directories as an Open Referral HSDS 3 API.",
  reviews: "Changes to published projects (title, summary, image, new money needs) and to reviewed events, approved or rejected by a curator before they go live.",
  impact: "What residents pledged to a community's or a partner's public projects: time, materials, money, completed projects, by month.",
  webhooks: "An organization's endpoints, told of pledges, registrations and curators' decisions by signed POSTs (Standard Webhooks), retried with back-off; a delivery log.",
};

/** The OpenAPI 3.1 document of the node API, derived from the route table. */
export function openApiDocument(serverUrl = '/'): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(routes) as [string, Route][]) {
    const security = route.auth === 'public' ? [] : [{ apiKey: [] }];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId,
      summary: route.summary,
      tags: [route.tag],
      security,
      parameters: parameters(route),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      ...(route.upload
        ? { requestBody: { required: true, description: `At most ${route.upload.maxBytes} bytes`, content: Object.fromEntries(route.upload.types.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) } }
        : {}),
      responses: responses(route),
    };
  }
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', uri: ref }) as { schemas: Record<string, JsonSchema> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Perron node API',
      version: VERSION,
      description: "A Perron node: Québec's community projects, their needs, pledges, events and ideas.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: serverUrl }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(Object.values(routes).map((r) => r.tag))].map((name) => ({ name, description: TAGS[name] })),
    paths,
    components: {
      schemas,
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: "An organization's or a curator's API key" } },
    },
  };
}
