import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { createClient, isPerronError, type PerronError, type ValidationError } from '@perron/sdk';
import { A, countingFetch, mockNodes, pledgeBody, problem } from './fixtures.ts';

const mock = mockNodes();
before(mock.start);
afterEach(mock.reset);
after(mock.stop);

const client = (extra = {}) => createClient({ node: A, retries: 0, ...extra });

async function failure(promise: PromiseLike<unknown>): Promise<PerronError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(isPerronError(e), `expected a PerronError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}

describe('problem+json answers become typed errors', () => {
  const cases = [
    ['validation_failed', 'ValidationError'],
    ['unauthorized', 'AuthError'],
    ['forbidden', 'AuthError'],
    ['not_found', 'NotFoundError'],
    ['over_pledged', 'ConflictError'],
    ['already_voted', 'ConflictError'],
    ['rate_limited', 'RateLimitError'],
    ['internal', 'ServerError'],
    ['payload_too_large', 'PerronError'],
  ] as const;
  for (const [code, name] of cases) {
    it(`${code} → ${name}`, async () => {
      mock.server.use(http.get(`${A}/v1/projects/p1`, () => problem(code)));
      const error = await failure(client().projects.get('p1'));
      assert.equal(error.name, name);
      assert.equal(error.code, code);
      assert.equal(error.requestId, 'req-1');
      assert.ok(isPerronError(error, name));
      assert.equal(error.problem?.code, code);
    });
  }

  it('a ValidationError carries the field paths', async () => {
    mock.server.use(
      http.post(`${A}/v1/needs/n1/pledges`, () =>
        problem('validation_failed', { errors: [{ path: 'body.quantity', message: 'Too big', code: 'too_big' }] }),
      ),
    );
    const error = await failure(client().pledges.create('n1', pledgeBody));
    assert.ok(isPerronError(error, 'ValidationError'));
    assert.deepEqual(error.fields, [{ path: 'body.quantity', message: 'Too big', code: 'too_big' }]);
  });

  it('a RateLimitError says when to come back (Retry-After)', async () => {
    mock.server.use(http.get(`${A}/v1/projects/p1`, () => problem('rate_limited', {}, { 'retry-after': '120' })));
    const error = await failure(client().projects.get('p1'));
    assert.ok(isPerronError(error, 'RateLimitError'));
    assert.equal(error.retryAfter, 120);
  });

  it('an answer that is not problem+json is mapped from its status', async () => {
    mock.server.use(http.get(`${A}/v1/projects/p1`, () => new HttpResponse('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html', 'x-request-id': 'edge-7' } })));
    const error = await failure(client().projects.get('p1'));
    assert.ok(isPerronError(error, 'NotFoundError'));
    assert.equal(error.code, 'not_found');
    assert.equal(error.requestId, 'edge-7');
    assert.equal(error.problem, undefined);
  });

  it('an unreachable node is a NetworkError', async () => {
    mock.server.use(http.get(`${A}/v1/projects/p1`, () => HttpResponse.error()));
    const error = await failure(client().projects.get('p1'));
    assert.ok(isPerronError(error, 'NetworkError'));
    assert.equal(error.status, 0);
  });
});

describe('bad input is refused before anything is sent', () => {
  it('a body that breaks the contract gives a ValidationError naming the fields', async () => {
    const { fetch, requests } = countingFetch();
    const error = await failure(client({ fetch }).pledges.create('n1', { ...pledgeBody, quantity: 0, extra: 1 } as never));
    assert.ok(isPerronError(error, 'ValidationError'));
    assert.deepEqual(error.fields.map((f) => f.path).sort(), ['body.extra', 'body.quantity']);
    assert.equal(requests.length, 0);
  });

  it('a bad query or id too', async () => {
    const { fetch, requests } = countingFetch();
    const perron = client({ fetch });
    const q = await failure(perron.projects.list({ limit: 1000, theme: 'knitting' } as never));
    assert.deepEqual((q as ValidationError).fields.map((f) => f.path).sort(), ['query.limit', 'query.theme']);
    const p = await failure(perron.projects.get('../admin'));
    assert.equal((p as ValidationError).fields[0]?.path, 'path.id');
    assert.equal(requests.length, 0);
  });
});

describe('isPerronError', () => {
  it('recognizes an error from another copy of the SDK by its brand', () => {
    const foreign = Object.assign(new Error('x'), { name: 'NotFoundError', [Symbol.for('perron.error')]: true });
    assert.ok(isPerronError(foreign));
    assert.ok(isPerronError(foreign, 'NotFoundError'));
    assert.ok(!isPerronError(foreign, 'ConflictError'));
  });
  it('rejects look-alikes without the brand', () => {
    assert.ok(!isPerronError(Object.assign(new Error('x'), { name: 'NotFoundError', code: 'not_found' })));
    assert.ok(!isPerronError(null));
    assert.ok(!isPerronError('NotFoundError'));
  });
});

describe('redaction', () => {
  it('keeps the API key and emails out of messages and problem details', async () => {
    const apiKey = 'pk_live_0123456789abcdef';
    mock.server.use(
      http.get(`${A}/v1/me`, () =>
        problem('forbidden', {
          detail: `Key ${apiKey} may not act for marie@example.org (Bearer ${apiKey})`,
          errors: [{ path: 'header.authorization', message: `bad ${apiKey}`, code: 'x' }],
        }),
      ),
    );
    const error = await failure(client({ apiKey }).me());
    const everything = JSON.stringify({ message: error.message, problem: error.problem, stack: error.stack });
    assert.ok(!everything.includes(apiKey), everything);
    assert.ok(!everything.includes('marie@example.org'), everything);
    assert.match(error.message, /\[key\].*\[email\]/);
  });

  it('never puts a confirmation token from the path into a message', async () => {
    const token = 'tok_abcdefghijklmnopqrstuvwxyz';
    mock.server.use(http.post(`${A}/v1/confirmations/${token}`, () => problem('not_found')));
    const error = await failure(client().ideas.confirm(token));
    assert.ok(!error.message.includes(token), error.message);
    assert.match(error.message, /\/v1\/confirmations\/\{token\}/);
  });
});
