import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, isPerronError, type ClientOptions } from '@perron/sdk';
import { A, B } from './fixtures.ts';

const refused = (options: unknown, path: RegExp) =>
  assert.throws(
    () => createClient(options as ClientOptions),
    (e) => isPerronError(e, 'ValidationError') && e.fields.some((f) => path.test(f.path)),
  );

describe('createClient', () => {
  it('takes a node, or several, and normalizes their URLs', () => {
    assert.deepEqual(createClient({ node: `${A}/` }).nodes, [A]);
    assert.deepEqual(createClient({ nodes: [A, `${B}//`, A] }).nodes, [A, B]);
  });

  it('refuses unknown options (a typo is not silently ignored)', () => {
    refused({ node: A, timout: 100 }, /^options\.timout$/);
  });

  it('refuses bad values', () => {
    refused({ node: 'ftp://a.test' }, /^options\.node$/);
    refused({ node: A, lang: 'de' }, /^options\.lang$/);
    refused({ node: A, retries: -1 }, /^options\.retries$/);
    refused({ node: A, timeout: 0 }, /^options\.timeout$/);
    refused({ node: A, fetch: 'fetch' }, /^options\.fetch$/);
  });

  it('needs exactly one of node and nodes', () => {
    refused({}, /^options$/);
    refused({ node: A, nodes: [B] }, /^options$/);
    refused({ nodes: [] }, /^options\.nodes$/);
  });

  it('uses an injected fetch', async () => {
    const urls: string[] = [];
    const fetch = async (request: Request) => {
      urls.push(request.url);
      return Response.json({ items: [] });
    };
    assert.deepEqual(await createClient({ node: A, fetch }).communities.list(), []);
    assert.deepEqual(urls, [`${A}/v1/communities`]);
  });
});
