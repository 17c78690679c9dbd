import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { createClient, isPerronError } from '@perron/sdk';
import { A, mockNodes, project, projectDetail } from './fixtures.ts';

const mock = mockNodes();
before(mock.start);
afterEach(mock.reset);
after(mock.stop);

const perron = () => createClient({ node: A, retries: 0 });

describe('every answer is parsed by the contract', () => {
  it('a well-formed answer comes back typed, with its origin', async () => {
    mock.server.use(http.get(`${A}/v1/projects/p1`, () => HttpResponse.json(projectDetail('p1'))));
    const p = await perron().projects.get('p1');
    assert.equal(p.title.fr, 'Projet p1');
    assert.equal(p.origin, A);
    assert.equal(p.needs[0]?.origin, A);
  });

  it('a malformed answer is a ResponseError naming what is wrong, not a crash later', async () => {
    const broken = { ...projectDetail('p1'), status: 'archived', title: null };
    mock.server.use(http.get(`${A}/v1/projects/p1`, () => HttpResponse.json(broken, { headers: { 'x-request-id': 'r-9' } })));
    await assert.rejects(perron().projects.get('p1'), (e) => {
      assert.ok(isPerronError(e, 'ResponseError'));
      assert.equal(e.code, 'invalid_response');
      assert.equal(e.status, 200);
      assert.equal(e.requestId, 'r-9');
      assert.match(e.message, /status/);
      assert.match(e.message, /title/);
      return true;
    });
  });

  it('a javascript: URL in an answer is refused', async () => {
    const p = project('p1', { image: { url: 'javascript:alert(1)', alt: { fr: 'x' } } });
    mock.server.use(http.get(`${A}/v1/projects`, () => HttpResponse.json({ items: [p], nextCursor: null })));
    await assert.rejects(perron().projects.list(), (e) => isPerronError(e, 'ResponseError'));
  });

  it('a body that is not JSON is a ResponseError', async () => {
    mock.server.use(http.get(`${A}/v1/projects/p1`, () => new HttpResponse('<html>maintenance</html>', { headers: { 'content-type': 'text/html' } })));
    await assert.rejects(perron().projects.get('p1'), (e) => isPerronError(e, 'ResponseError') && /unreadable/.test(e.message));
  });

  it('iCalendar comes back as text', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    let accept: string | null = null;
    mock.server.use(
      http.get(`${A}/v1/events.ics`, ({ request }) => {
        accept = request.headers.get('accept');
        return new HttpResponse(ics, { headers: { 'content-type': 'text/calendar' } });
      }),
    );
    assert.equal(await perron().events.ics({ community: 'villeray' }), ics);
    assert.equal(accept, 'text/calendar');
    assert.equal(perron().events.icsUrl({ community: 'villeray', lang: 'en' }), `${A}/v1/events.ics?community=villeray&lang=en`);
    assert.equal(perron().events.icsUrl('e1'), `${A}/v1/events/e1.ics`);
  });

  it('sends the language and the key as headers', async () => {
    let headers: Headers | undefined;
    mock.server.use(http.get(`${A}/v1/me`, ({ request }) => ((headers = request.headers), HttpResponse.json({ role: 'curator', organization: null, communities: ['villeray'] }))));
    const me = await createClient({ node: A, lang: 'en', apiKey: 'key_123456789' }).me();
    assert.deepEqual(me.communities, ['villeray']);
    assert.match(headers!.get('accept-language')!, /^en-CA/);
    assert.equal(headers!.get('authorization'), 'Bearer key_123456789');
  });
});

describe('validate: false (what the elements use in the browser)', () => {
  const unchecked = () => createClient({ node: A, retries: 0, validate: false });

  it('takes the answer as the node sends it, with its origin', async () => {
    const odd = { ...projectDetail('p1'), status: 'archived' };
    mock.server.use(http.get(`${A}/v1/projects/p1`, () => HttpResponse.json(odd)));
    const p = await unchecked().projects.get('p1');
    assert.equal(p.status, 'archived');
    assert.equal(p.origin, A);
  });

  it('sends the body as given and lets the node refuse it, with its field errors', async () => {
    let sent: unknown;
    mock.server.use(
      http.post(`${A}/v1/needs/n1/pledges`, async ({ request }) => {
        sent = await request.json();
        const problem = { type: 'about:blank', title: 'Invalid request', status: 400, code: 'validation_failed', errors: [{ path: 'body.quantity', message: 'Expected number', code: 'invalid_type' }] };
        return HttpResponse.json(problem, { status: 400, headers: { 'content-type': 'application/problem+json' } });
      }),
    );
    await assert.rejects(unchecked().pledges.create('n1', { quantity: 'beaucoup' } as never), (e) => {
      assert.ok(isPerronError(e, 'ValidationError'));
      assert.deepEqual(e.fields.map((f) => f.path), ['body.quantity']);
      return true;
    });
    assert.deepEqual(sent, { quantity: 'beaucoup' });
  });

  it('still refuses a client of several nodes with an API key', () => {
    assert.throws(() => createClient({ nodes: [A, `${A}2`], apiKey: 'key_123456789', validate: false }), (e) => isPerronError(e, 'ValidationError'));
  });
});

