// The view layer through a screen of its own: layout and language, field errors tied to their
// fields, headers, and a form posted from another origin refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { Email, localizedInput } from '@perron/contract';
import { Hono } from 'hono';
import { jsx } from 'hono/jsx';
import type { App } from '../../src/app.ts';
import type { NodeServices } from '../../src/handlers/types.ts';
import { workspace, type Screen } from '../../src/workspace/index.tsx';
import { Bilingual, Button, ErrorSummary, Field, Flash, Form } from '../../src/workspace/views/components.tsx';
import { formInput, parseForm, type FormErrors } from '../../src/workspace/forms.ts';

const Schema = z.strictObject({ email: Email, title: localizedInput(80) });

/** The view, written with `jsx()` since test files are .ts (a screen's view is a .tsx file). */
function view(errors: FormErrors = {}, values: Record<string, any> = {}): string {
  const node = jsx(Form, { action: '/workspace/try' }, [
    jsx(Flash, {}),
    jsx(ErrorSummary, { errors, labels: { email: 'Courriel', 'title.fr': 'Titre' } }),
    jsx(Field, { name: 'email', label: 'Courriel', type: 'email', hint: 'Au travail', error: errors.email, value: values.email, required: true }),
    jsx(Bilingual, { name: 'title', legend: 'Titre', errors, value: values.title, required: true }),
    jsx(Button, { label: 'Envoyer' }),
  ]);
  return node as unknown as string; // a JSX node renders as its string
}

const tryScreen: Screen = (ws) => {
  ws.get('/try', (c) => c.render(view(), { title: 'Essai' }));
  ws.post('/try', async (c) => {
    const input = await formInput(c);
    const parsed = parseForm(Schema, input, c.get('t'));
    if (!parsed.ok) {
      c.status(422);
      return c.render(view(parsed.errors, input), { title: 'Essai' });
    }
    return c.redirect('/workspace/try?done=saved', 303);
  });
};

function appWith(): App {
  const app = new Hono() as unknown as App;
  app.use('*', async (c, next) => (c.set('requestId', 'req_test'), next()));
  workspace(app, { baseUrl: 'http://node.test' } as NodeServices, [tryScreen]);
  return app;
}

const form = (data: Record<string, string>) => new URLSearchParams(data).toString();
const FORM = 'application/x-www-form-urlencoded';

test('a page has the layout, its language, a strict CSP and no cache', async () => {
  const res = await appWith().request('http://node.test/workspace/try', { headers: { 'accept-language': 'en-CA,en;q=0.9' } });
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<html lang="en-CA">/);
  assert.match(html, /<title>Essai — Perron workspace<\/title>/);
  assert.match(html, /<main id="main"/);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /form-action 'self'/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
});

test('errors come back in the person’s language, each tied to its field, typed values kept', async () => {
  for (const [lang, required, email] of [
    ['fr', 'Ce champ est obligatoire.', 'Entrez une adresse courriel'],
    ['en', 'This field is required.', 'Enter an email address'],
  ] as const) {
    const res = await appWith().request(`http://node.test/workspace/try?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': FORM, origin: 'http://node.test' },
      body: form({ email: 'pas-un-courriel', 'title.fr': '  ', 'title.en': 'Kept <b>' }),
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, new RegExp(`<p class="ws-error" id="f-email-error">${email}`));
    assert.match(html, /id="f-email"[^>]*aria-describedby="f-email-hint f-email-error"[^>]*aria-invalid="true"|aria-describedby="f-email-hint f-email-error"[^>]*aria-invalid="true"[^>]*id="f-email"/);
    assert.match(html, new RegExp(`id="f-title-fr-error">${required}`));
    assert.match(html, /role="alert"/);
    assert.match(html, /href="#f-title-fr"/);
    assert.match(html, /value="Kept &lt;b&gt;"/, 'what was typed is kept, escaped');
  }
});

test('a valid form redirects and the next page says what was done', async () => {
  const app = appWith();
  const res = await app.request('http://node.test/workspace/try', {
    method: 'POST',
    headers: { 'content-type': FORM, origin: 'http://node.test' },
    body: form({ email: 'lea@example.org', 'title.fr': 'Jardin' }),
  });
  assert.equal(res.status, 303);
  const next = await app.request(`http://node.test${res.headers.get('location')}`);
  assert.match(await next.text(), /<div role="status" class="ws-flash">Enregistré.<\/div>/);
});

test('a form posted from another origin is refused with a page that says so', async () => {
  const res = await appWith().request('http://node.test/workspace/try', {
    method: 'POST',
    headers: { 'content-type': FORM, origin: 'https://evil.example' },
    body: form({ email: 'lea@example.org', 'title.fr': 'Jardin' }),
  });
  assert.equal(res.status, 403);
  assert.match(await res.text(), /Formulaire refusé/);
  const noOrigin = await appWith().request('http://node.test/workspace/try', { method: 'POST', headers: { 'content-type': FORM }, body: form({}) });
  assert.equal(noOrigin.status, 403, 'no Origin and no Sec-Fetch-Site: refused');
});

test('an unknown workspace page is a 404 in the layout', async () => {
  const res = await appWith().request('http://node.test/workspace/nothing-here?lang=en');
  assert.equal(res.status, 404);
  assert.match(await res.text(), /<h1>Page not found<\/h1>/);
});
