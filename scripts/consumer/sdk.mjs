// A developer's first script with the SDK, in plain Node ESM: list, get, pledge (a retried write
// reuses its idempotency key), read the pledges with an organization's API key, and a typed error.
// Usage: node sdk.mjs <node URL> <need id> <organization API key>
import { CONSENT_VERSION } from '@perron/contract';
import { createClient, isPerronError, NotFoundError } from '@perron/sdk';

const [node, needId, apiKey] = process.argv.slice(2);
const perron = createClient({ node, lang: 'en' });

const page = await perron.projects.list({ limit: 3 });
const project = await perron.projects.get(page.items[0].id);

const body = {
  quantity: 1,
  contact: { name: 'Consumer Test', email: `consumer.${process.versions.node.split('.')[0]}@example.org` },
  consent: { version: CONSENT_VERSION, shareWithOrganizers: true },
  lang: 'en',
};
const idempotencyKey = `consumer-${process.pid}-${Date.now()}`;
const pledge = await perron.pledges.create(needId, body, { idempotencyKey });
const replay = await perron.pledges.create(needId, body, { idempotencyKey });

const organization = createClient({ node, apiKey });
const seen = [];
for await (const p of organization.pledges.list({ need: needId })) seen.push(p.id);

let error;
try {
  await perron.projects.get('prj_nobody-made-this');
} catch (e) {
  error = e;
}

console.log(
  JSON.stringify({
    node: process.versions.node,
    listed: page.items.length,
    project: project.id,
    title: project.title.fr,
    pledge: pledge.id,
    replayed: replay.id === pledge.id,
    seenByOrganization: seen.includes(pledge.id),
    error: { notFound: error instanceof NotFoundError, guard: isPerronError(error, 'NotFoundError'), status: error?.status, code: error?.code },
  }),
);
