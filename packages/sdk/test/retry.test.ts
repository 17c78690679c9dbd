import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { createClient, isPerronError } from '@perron/sdk';
import { A, mockNodes, pledge, pledgeBody, problem, projectDetail } from './fixtures.ts';

const mock = mockNodes();
before(mock.start);
afterEach(mock.reset);
after(mock.stop);

/** Answers with each of `answers` in turn (the last one repeats) and records every request. */
function sequence(method: 'get' | 'post', path: string, answers: (() => Response | Promise<Response>)[]) {
  const seen: Request[] = [];
  mock.server.use(
    http[method](`${A}${path}`, ({ request }) => {
      seen.push(request);
      return answers[Math.min(seen.length, answers.length) - 1]!();
    }),
  );
  return seen;
}
const ok = () => HttpResponse.json(projectDetail('p1'));
const perron = (extra = {}) => createClient({ node: A, cache: false, ...extra });

describe('what is retried', () => {
  for (const status of [502, 503, 504] as const) {
    it(`${status}, then success`, async () => {
      const seen = sequence('get', '/v1/projects/p1', [() => new HttpResponse(null, { status }), ok]);
      const project = await perron().projects.get('p1');
      assert.equal(project.id, 'p1');
      assert.equal(seen.length, 2);
    });
  }

  it('a network error, then success', async () => {
    const seen = sequence('get', '/v1/projects/p1', [() => HttpResponse.error(), ok]);
    assert.equal((await perron().projects.get('p1')).id, 'p1');
    assert.equal(seen.length, 2);
  });

  it('gives up after `retries` extra attempts with the last error', async () => {
    const seen = sequence('get', '/v1/projects/p1', [() => problem('unavailable')]);
    await assert.rejects(perron({ retries: 1 }).projects.get('p1'), (e) => isPerronError(e, 'ServerError') && e.status === 503);
    assert.equal(seen.length, 2);
  });

  it('429 waits as long as Retry-After says', async () => {
    const seen = sequence('get', '/v1/projects/p1', [() => problem('rate_limited', {}, { 'retry-after': '1' }), ok]);
    const started = performance.now();
    await perron().projects.get('p1');
    const waited = performance.now() - started;
    assert.equal(seen.length, 2);
    assert.ok(waited >= 950, `waited ${waited} ms`);
  });

  it('a Retry-After too long is left to the caller', async () => {
    const seen = sequence('get', '/v1/projects/p1', [() => problem('rate_limited', {}, { 'retry-after': '3600' })]);
    await assert.rejects(perron().projects.get('p1'), (e) => isPerronError(e, 'RateLimitError') && e.retryAfter === 3600);
    assert.equal(seen.length, 1);
  });
});

describe('what is not retried', () => {
  for (const code of ['validation_failed', 'unauthorized', 'not_found', 'over_pledged', 'internal'] as const) {
    it(code, async () => {
      const seen = sequence('get', '/v1/projects/p1', [() => problem(code), ok]);
      await assert.rejects(perron().projects.get('p1'), (e) => isPerronError(e) && e.code === code);
      assert.equal(seen.length, 1);
    });
  }

  it('a call the caller aborted', async () => {
    const seen = sequence('get', '/v1/projects/p1', [async () => (await delay(200), ok())]);
    const controller = new AbortController();
    const call = perron().projects.get('p1', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('left the page')), 20);
    await assert.rejects(call, /left the page/);
    await delay(300);
    assert.equal(seen.length, 1);
  });
});

describe('writes', () => {
  it('send one Idempotency-Key, the same on every attempt', async () => {
    const seen = sequence('post', '/v1/needs/n1/pledges', [() => new HttpResponse(null, { status: 503 }), () => HttpResponse.error(), () => HttpResponse.json(pledge('pl1', 'n1'), { status: 201 })]);
    const created = await perron().pledges.create('n1', pledgeBody);
    assert.equal(created.id, 'pl1');
    assert.equal(seen.length, 3);
    const keys = seen.map((r) => r.headers.get('idempotency-key'));
    assert.match(keys[0]!, /^[A-Za-z0-9_.:-]{8,128}$/);
    assert.deepEqual(new Set(keys).size, 1);
    // The body is the same on every attempt too.
    const bodies = await Promise.all(seen.map((r) => r.text()));
    assert.equal(new Set(bodies).size, 1);
    assert.equal(JSON.parse(bodies[0]!).contact.email, 'marie@example.org');
  });

  it('send a fresh key per call, or the one given', async () => {
    const seen = sequence('post', '/v1/needs/n1/pledges', [() => HttpResponse.json(pledge('pl1', 'n1'), { status: 201 })]);
    const client = perron();
    await client.pledges.create('n1', pledgeBody);
    await client.pledges.create('n1', pledgeBody);
    await client.pledges.create('n1', pledgeBody, { idempotencyKey: 'form-42-submit' });
    const keys = seen.map((r) => r.headers.get('idempotency-key'));
    assert.notEqual(keys[0], keys[1]);
    assert.equal(keys[2], 'form-42-submit');
  });

  it('a 409 is final', async () => {
    const seen = sequence('post', '/v1/needs/n1/pledges', [() => problem('over_pledged')]);
    await assert.rejects(perron().pledges.create('n1', pledgeBody), (e) => isPerronError(e, 'ConflictError') && e.code === 'over_pledged');
    assert.equal(seen.length, 1);
  });
});

describe('timeouts', () => {
  it('bound every attempt, and a slow node ends in a TimeoutError', async () => {
    // A node that never answers: only the per-attempt timeout can end this call (or the test times out).
    const seen = sequence('get', '/v1/projects/p1', [async () => (await delay('infinite'), ok())]);
    await assert.rejects(perron({ timeout: 100, retries: 1 }).projects.get('p1'), (e) => isPerronError(e, 'TimeoutError') && e.code === 'timeout');
    assert.equal(seen.length, 2);
  });

  it('a slow first attempt is retried and the second answers', async () => {
    const seen = sequence('get', '/v1/projects/p1', [async () => (await delay(500), ok()), ok]);
    const project = await perron({ timeout: 100 }).projects.get('p1');
    assert.equal(project.id, 'p1');
    assert.equal(seen.length, 2);
  });
});

describe('idempotency keys given by the caller', () => {
  it('are checked like the node would, before sending', async () => {
    const seen = sequence('post', '/v1/needs/n1/pledges', [() => HttpResponse.json(pledge('pl1', 'n1'), { status: 201 })]);
    await assert.rejects(perron().pledges.create('n1', pledgeBody, { idempotencyKey: 'short' }), (e) => isPerronError(e, 'ValidationError') && e.fields[0]?.path === 'header.idempotency-key');
    assert.equal(seen.length, 0);
  });
});
