// oEmbed: pages say where their embed is described; /oembed answers a rich embed that WordPress
// keeps (a blockquote link and an iframe); the iframe's page may be framed anywhere.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import type { RunningNode } from '../src/index.ts';
import { api, startTestNode } from './support/node.ts';
import { NO_RATE_LIMITS } from './support/requests.ts';

describe('oEmbed', () => {
  let node: RunningNode;
  before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, followInterval: 0 })));
  after(() => node?.close());

  for (const kind of ['projects', 'events'] as const) {
    test(`a ${kind.slice(0, -1)} page advertises its oEmbed; the answer is a rich embed of its frame`, async () => {
      const id = kind === 'projects' ? DEMO_PROJECTS.patinoire : (await api(node, 'GET', '/v1/events')).body.items[0].id;
      const pageUrl = `${node.url}/${kind}/${id}`;
      const html = await (await fetch(pageUrl)).text();
      const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html);
      assert.ok(link, 'discovery link in the page');
      const endpoint = link[1]!.replaceAll('&amp;', '&');
      assert.equal(endpoint, `${node.url}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`);

      const res = await fetch(`${endpoint}&maxwidth=500&maxheight=900`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const body = await res.json();
      assert.equal(body.version, '1.0');
      assert.equal(body.type, 'rich');
      assert.equal(body.width, 500);
      assert.ok(body.height > 0 && body.height <= 900);
      assert.ok(body.title.length > 0 && body.author_name.length > 0);
      const m = /^<blockquote><a href="([^"]+)">[^<]+<\/a><\/blockquote><iframe src="([^"]+)" width="500" height="\d+" title="[^"]+" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"><\/iframe>$/.exec(body.html);
      assert.ok(m, body.html);
      assert.equal(m[1], pageUrl);

      const frame = await fetch(m[2]!.replaceAll('&amp;', '&'));
      assert.equal(frame.status, 200);
      assert.match(frame.headers.get('content-security-policy')!, /frame-ancestors \*/);
      const frameHtml = await frame.text();
      assert.ok(frameHtml.includes(`${node.url}/embed/frame.js`));
      if (kind === 'projects') assert.ok(frameHtml.includes(`<perron-project-card project="${id}">`));
    });
  }

  test('the frame script and styles load from an opaque origin (CORS)', async () => {
    for (const file of ['frame.js', 'frame.css']) {
      const res = await fetch(`${node.url}/embed/${file}`, { headers: { origin: 'null' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    }
  });

  test('another address, an unknown project, or XML: a clear 4xx', async () => {
    const ask = (url: string, more = '') => api(node, 'GET', `/oembed?url=${encodeURIComponent(url)}${more}`);
    assert.equal((await ask(`${node.url}/projects/prj_nope`)).status, 404);
    assert.equal((await ask(`https://example.org/projects/${DEMO_PROJECTS.patinoire}`)).status, 404);
    assert.equal((await ask(`${node.url}/dev/mail`)).status, 404);
    const xml = await ask(`${node.url}/projects/${DEMO_PROJECTS.patinoire}`, '&format=xml');
    assert.equal(xml.status, 400);
    assert.equal(xml.body.errors[0].path, 'query.format');
  });
});
