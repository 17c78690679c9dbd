import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { badFrenchSpacing } from '@perron/contract';
import { DEMO_EVENTS } from '../src/seed/engagement.ts';
import { DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import type { RunningNode } from '../src/index.ts';
import { startTestNode } from './support/node.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true })));
after(() => node.close());

/** Every page a person opens on a node, in both languages. */
const PAGES = [
  '/',
  '/embed',
  `/projects/${DEMO_PROJECTS.patinoire}`,
  `/projects/${DEMO_PROJECTS.jardinOntario}`,
  `/events/${DEMO_EVENTS.webinaireNumerique}`,
  `/events/${DEMO_EVENTS.atelierCompost}`,
  '/events/evt_nowhere',
  '/withdraw/not-a-real-token',
  '/confirm/not-a-real-token',
  '/dev/mail',
  '/workspace/nowhere',
];

/** What a reader sees: the text between tags, scripts, styles and code left out, entities read. */
const visibleText = (html: string) =>
  html
    .replace(/<(script|style|textarea|pre|code)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&amp;/g, '&');

async function pageText(path: string, lang: 'fr' | 'en') {
  const res = await fetch(`${node.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, { headers: { 'accept-language': lang } });
  const html = await res.text();
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/, path);
  return { html, text: visibleText(html), res };
}

test('every French page of the node: no plain space before : ; ! ? », nor after «, no straight apostrophe', async () => {
  const bad: string[] = [];
  for (const path of PAGES) {
    const { text, html } = await pageText(path, 'fr');
    assert.match(html, /<html[^>]*lang="fr/, path);
    for (const line of text.split('\n')) {
      if (badFrenchSpacing(line) || /\p{L}'\p{L}/u.test(line.replace(/\S*@\S*/g, ''))) bad.push(`${path}: ${line.trim()}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the spaces are narrow and no-break, in the text only: links and code are as written', async () => {
  const { html, text } = await pageText(`/events/${DEMO_EVENTS.webinaireNumerique}`, 'fr');
  assert.match(text, /En ligne\u202F:/);
  assert.match(html, /href="https:\/\/meet\.jit\.si\/perron-numerique-communautaire"/);
  const embed = await pageText('/embed', 'fr');
  // The snippet people copy is code: left exactly as typed.
  assert.doesNotMatch(embed.html.match(/<(textarea|pre|code)\b[\s\S]*?<\/\1>/)?.[0] ?? '', /\u202F/);
});

test('English pages keep English punctuation: "Online: …"', async () => {
  const { text } = await pageText(`/events/${DEMO_EVENTS.webinaireNumerique}`, 'en');
  assert.match(text, /Online: /);
  assert.doesNotMatch(text, /\u202F/);
});
