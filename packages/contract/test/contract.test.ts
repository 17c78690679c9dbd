import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import * as z from 'zod/mini';
import { fillPath, PledgeCreate, ProjectCreate, routes, SafeUrl, CONSENT_VERSION, consentNotice } from '../src/index.ts';
import { openApiDocument } from '../src/openapi.ts';

const pledge = {
  quantity: 3,
  contact: { name: 'Léa Tremblay', email: 'lea@example.org' },
  consent: { version: CONSENT_VERSION, shareWithOrganizers: true },
  lang: 'fr',
};

test('a well-formed pledge parses, with its text trimmed', () => {
  const parsed = z.parse(PledgeCreate, { ...pledge, contact: { name: '  Léa Tremblay ', email: 'lea@example.org' } });
  assert.equal(parsed.contact.name, 'Léa Tremblay');
});

test('a pledge with an unknown field, a fractional quantity or no consent is refused at that field', () => {
  const paths = (v: unknown) => PledgeCreate.safeParse(v).error?.issues.map((i) => [...i.path, i.code].join('.'));
  assert.deepEqual(paths({ ...pledge, extra: 1 }), ['unrecognized_keys']);
  assert.deepEqual(paths({ ...pledge, quantity: 1.5 }), ['quantity.invalid_type']);
  assert.deepEqual(paths({ ...pledge, consent: { version: CONSENT_VERSION, shareWithOrganizers: false } }), ['consent.shareWithOrganizers.invalid_value']);
});

test('only http(s) URLs are accepted where a client gives one', () => {
  for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org/x', 'http://']) {
    assert.equal(SafeUrl.safeParse(bad).success, false, bad);
  }
  assert.equal(SafeUrl.safeParse('https://caisse.example.org/projets').success, true);
  const image = { url: 'javascript:alert(1)', alt: { fr: 'Photo' } };
  assert.equal(ProjectCreate.safeParse({ title: { fr: 'T' }, summary: { fr: 'S' }, themes: ['culture'], communities: ['villeray'], image }).success, false);
});

test('every route path names exactly the parameters its schema declares', () => {
  for (const [name, route] of Object.entries(routes)) {
    const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const declared = route.params ? Object.keys((route.params as unknown as z.ZodMiniObject).def.shape).sort() : [];
    assert.deepEqual(inPath, declared, name);
  }
});

test('the OpenAPI document: POST must carry an Idempotency-Key, PATCH and DELETE may, reads take none; public reads are cacheable, keyed ones not', () => {
  const doc = openApiDocument('https://perron.example.org') as { paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string; required: boolean }[] }>> };
  const seen = { post: 0, write: 0, read: 0 };
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const key = operation.parameters.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      const where = `${method.toUpperCase()} ${path}`;
      // A write may opt out (an upload, whose body is not kept for a replay): then it takes none.
      if ((routes as Record<string, { idempotent: boolean }>)[operation.operationId]?.idempotent === false) assert.equal(key, undefined, where);
      else if (method === 'post') assert.equal(key?.required, true, where);
      else if (method === 'get') assert.equal(key, undefined, where);
      else assert.equal(key?.required, false, where);
      seen[method === 'post' ? 'post' : method === 'get' ? 'read' : 'write']++;
    }
  }
  assert.ok(seen.post > 5 && seen.write > 0 && seen.read > 5, JSON.stringify(seen));
  assert.equal(routes.getProject.cacheable, true);
  assert.equal(routes.listProjects.cacheable, true);
  assert.equal(routes.listPledges.cacheable, false, "an organization's pledges (contacts) are never cached");
  assert.equal(routes.createPledge.cacheable, false);
});

test('fillPath encodes parameters', () => {
  assert.equal(fillPath(routes.getProject.path, { id: 'prj_a/b' }), '/v1/projects/prj_a%2Fb');
  assert.equal(fillPath(routes.eventIcs.path, { id: 'evt_1' }), '/v1/events/evt_1.ics');
});

test('the OpenAPI document is valid OpenAPI 3.1 and lists every route', async () => {
  const doc = openApiDocument('http://localhost:8080') as { paths: Record<string, Record<string, { operationId: string }>> };
  const result = await new Validator().validate(doc as never);
  assert.deepEqual(result, { valid: true });
  const operations = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
  assert.deepEqual(operations.sort(), Object.keys(routes).sort());
});

test('the consent notice exists in French and English for every part', () => {
  for (const part of ['purpose', 'rights', 'shareWithOrganizers', 'updates'] as const) {
    assert.ok(consentNotice[part].fr.length > 20 && consentNotice[part].en.length > 20, part);
  }
});

test('French typography: narrow no-break spaces, apostrophes, "1er", code and addresses left alone', async () => {
  const { frenchText, frenchHtml, typeset, badFrenchSpacing } = await import('../src/typography.ts');
  assert.equal(frenchText("Quand : l'hiver ! « Oui » ?"), 'Quand\u202F: l’hiver\u202F! «\u202FOui\u202F»\u202F?');
  assert.equal(frenchText('à 10:00, https://exemple.ca/a?b=1'), 'à 10:00, https://exemple.ca/a?b=1');
  assert.equal(frenchText("Écrivez à o'neil@exemple.ca"), "Écrivez à o'neil@exemple.ca");
  assert.equal(frenchText('le 1 décembre, le 11 décembre, le 21 mars'), 'le 1er\u00A0décembre, le 11 décembre, le 21 mars');
  assert.equal(frenchHtml('<p title="a : b">Note : <code>x ; y</code> l&#39;été</p>'), '<p title="a : b">Note\u202F: <code>x ; y</code> l’été</p>');
  const t = typeset({ a: 'Oui !', f: (n: number) => `Total : ${n}` });
  assert.equal(t.a, 'Oui\u202F!');
  assert.equal(t.f(2), 'Total\u202F: 2');
  assert.ok(badFrenchSpacing('Quand : demain'));
  assert.equal(badFrenchSpacing('Quand\u202F: demain'), null);
});
