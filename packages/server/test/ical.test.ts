import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { DEMO_EVENTS } from '../src/seed/engagement.ts';
import { startEngagementNode, write } from './support/engagement.ts';
import { api } from './support/node.ts';

let node: RunningNode;
let keys: { villeray: string };
before(async () => ({ node, keys } = await startEngagementNode()));
after(() => node.close());

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  props: Property[];
  children: Component[];
}

/**
 * A strict RFC 5545 reader: UTF-8 that decodes on every physical line, CRLF only, lines of at
 * most 75 octets, well-formed content lines, BEGIN/END that nest. Any slip throws.
 */
function parseIcs(bytes: Uint8Array): Component {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(text), 'only CRLF line breaks');
  const physical = text.slice(0, -2).split('\r\n');
  const contentLines: string[] = [];
  for (const line of physical) {
    const octets = Buffer.from(line, 'utf8');
    assert.ok(octets.length <= 75, `over 75 octets: ${line}`);
    // A fold inside a multi-octet character would leave a line that is not UTF-8 by itself.
    new TextDecoder('utf-8', { fatal: true }).decode(octets);
    assert.ok(!/[\x00-\x08\x0a-\x1f\x7f]/.test(line), `control character in: ${line}`);
    if (line.startsWith(' ') || line.startsWith('\t')) {
      assert.ok(contentLines.length, 'a continuation line needs a line before it');
      contentLines[contentLines.length - 1] += line.slice(1);
    } else contentLines.push(line);
  }
  const root: Component = { name: '', props: [], children: [] };
  const stack: Component[] = [root];
  for (const line of contentLines) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(line);
    assert.ok(m, `not a content line: ${line}`);
    const [, name, rawParams, value] = m as unknown as [string, string, string, string];
    const params = Object.fromEntries([...rawParams.matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^";:]*)/g)].map((p) => [p[1]!.toUpperCase(), p[2]!.replace(/^"|"$/g, '')]));
    const top = stack[stack.length - 1]!;
    if (name.toUpperCase() === 'BEGIN') {
      const child = { name: value, props: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name.toUpperCase() === 'END') {
      assert.equal(value, top.name, `END:${value} closes ${top.name}`);
      stack.pop();
    } else top.props.push({ name: name.toUpperCase(), params, value });
  }
  assert.equal(stack.length, 1, 'every BEGIN has its END');
  assert.equal(root.children.length, 1);
  return root.children[0]!;
}

const one = (c: Component, name: string): Property => {
  const found = c.props.filter((p) => p.name === name);
  assert.equal(found.length, 1, `${c.name} has one ${name}`);
  return found[0]!;
};

/** A TEXT value back to its text; commas and semicolons must have been escaped. */
function unescapeText(value: string): string {
  assert.ok(!/[,;]/.test(value.replace(/\\./g, '')), `unescaped , or ; in ${value}`);
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Checks what every calendar of the node must hold and returns its events. */
function checkCalendar(cal: Component): Component[] {
  assert.equal(cal.name, 'VCALENDAR');
  assert.equal(one(cal, 'VERSION').value, '2.0');
  assert.match(one(cal, 'PRODID').value, /Perron/);
  const zone = cal.children.find((c) => c.name === 'VTIMEZONE');
  assert.ok(zone, 'a VTIMEZONE');
  assert.equal(one(zone, 'TZID').value, 'America/Toronto');
  const daylight = zone.children.find((c) => c.name === 'DAYLIGHT')!;
  const standard = zone.children.find((c) => c.name === 'STANDARD')!;
  assert.deepEqual([one(daylight, 'TZOFFSETFROM').value, one(daylight, 'TZOFFSETTO').value], ['-0500', '-0400']);
  assert.deepEqual([one(standard, 'TZOFFSETFROM').value, one(standard, 'TZOFFSETTO').value], ['-0400', '-0500']);
  assert.equal(one(daylight, 'RRULE').value, 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
  assert.equal(one(standard, 'RRULE').value, 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
  const events = cal.children.filter((c) => c.name === 'VEVENT');
  for (const e of events) {
    assert.match(one(e, 'UID').value, /^[A-Za-z0-9_-]+@localhost:\d+$/);
    assert.match(one(e, 'DTSTAMP').value, /^\d{8}T\d{6}Z$/);
    for (const name of ['DTSTART', 'DTEND']) {
      const p = one(e, name);
      assert.equal(p.params.TZID, 'America/Toronto');
      assert.match(p.value, /^\d{8}T\d{6}$/);
    }
    unescapeText(one(e, 'SUMMARY').value);
    unescapeText(one(e, 'DESCRIPTION').value);
    assert.match(one(e, 'URL').value, /^http:\/\/localhost:\d+\/events\//);
  }
  return events;
}

async function fetchIcs(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${node.url}${path}`, { headers });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
  return parseIcs(new Uint8Array(await res.arrayBuffer()));
}

/** `2026-12-05T10:00:00-05:00` → `20261205T100000`: the local time, as DTSTART with TZID writes it. */
const localStamp = (timestamp: string) => timestamp.slice(0, 19).replace(/[-:]/g, '');

test('the feed holds the same events as the list, with their local times and stable UIDs', async () => {
  const list = await api(node, 'GET', '/v1/events?limit=100');
  const events = checkCalendar(await fetchIcs('/v1/events.ics'));
  const uids = events.map((e) => one(e, 'UID').value);
  assert.deepEqual(uids.map((u) => u.split('@')[0]), list.body.items.map((e: { id: string }) => e.id));
  assert.equal(new Set(uids).size, uids.length);
  for (const [i, e] of events.entries()) {
    assert.equal(one(e, 'DTSTART').value, localStamp(list.body.items[i].startsAt));
    assert.equal(one(e, 'DTEND').value, localStamp(list.body.items[i].endsAt));
  }
  const again = checkCalendar(await fetchIcs('/v1/events.ics'));
  assert.deepEqual(again.map((e) => one(e, 'UID').value), uids);
  const single = checkCalendar(await fetchIcs(`/v1/events/${DEMO_EVENTS.atelierCompost}.ics`));
  assert.equal(single.length, 1);
  assert.equal(one(single[0]!, 'UID').value, uids.find((u) => u.startsWith(`${DEMO_EVENTS.atelierCompost}@`)));
});

test('the feed takes the list filters and the language', async () => {
  const workshops = checkCalendar(await fetchIcs('/v1/events.ics?category=workshop&lang=en'));
  const list = await api(node, 'GET', '/v1/events?category=workshop');
  assert.deepEqual(workshops.map((e) => one(e, 'UID').value.split('@')[0]), list.body.items.map((e: { id: string }) => e.id));
  assert.ok(workshops.every((e) => one(e, 'CATEGORIES').value === 'Workshop'));
  assert.ok(workshops.some((e) => unescapeText(one(e, 'SUMMARY').value) === 'Workshop: composting in an apartment'));
  const french = checkCalendar(await fetchIcs(`/v1/events.ics?community=hochelaga-maisonneuve`));
  assert.ok(french.some((e) => unescapeText(one(e, 'SUMMARY').value) === 'Atelier : composter en appartement'));
  const online = checkCalendar(await fetchIcs(`/v1/events/${DEMO_EVENTS.webinaireNumerique}.ics`, { 'accept-language': 'en-CA' }));
  assert.equal(unescapeText(one(online[0]!, 'LOCATION').value), 'https://meet.jit.si/perron-numerique-communautaire');
  assert.match(unescapeText(one(online[0]!, 'SUMMARY').value), /^Webinar/);
  // A link says its language: ?lang= wins over the browser's Accept-Language.
  const asked = checkCalendar(await fetchIcs(`/v1/events/${DEMO_EVENTS.webinaireNumerique}.ics?lang=fr`, { 'accept-language': 'en-CA' }));
  assert.doesNotMatch(unescapeText(one(asked[0]!, 'SUMMARY').value), /^Webinar/);
  assert.match(unescapeText(one(asked[0]!, 'DESCRIPTION').value), /Organisé par/);
  const english = checkCalendar(await fetchIcs(`/v1/events/${DEMO_EVENTS.webinaireNumerique}.ics?lang=en`, { 'accept-language': 'fr-CA' }));
  assert.match(unescapeText(one(english[0]!, 'SUMMARY').value), /^Webinar/);
  assert.equal((await api(node, 'GET', `/v1/events/${DEMO_EVENTS.webinaireNumerique}.ics?lang=de`)).status, 400);
  const bad = await api(node, 'GET', '/v1/events.ics?lang=de');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].path, 'query.lang');
});

test('text is escaped and long UTF-8 lines fold between characters, round trip exact', async () => {
  const title = 'Atelier ; « café, thé » \\ pause — ça déménage';
  const description = `Première ligne, avec virgule; point-virgule.\nDeuxième ligne : ${'éàç€😀'.repeat(30)}`;
  const created = await api(node, 'POST', '/v1/events', {
    body: {
      title: { fr: title },
      description: { fr: description },
      category: 'workshop',
      community: 'villeray-saint-michel-parc-extension',
      startsAt: '2027-07-10T10:00:00-04:00',
      endsAt: '2027-07-10T12:30:00-04:00',
      place: { name: 'Parc Jarry, chalet', address: '205, rue Gary-Carter; Montréal' },
    },
    headers: { ...write(), authorization: `Bearer ${keys.villeray}` },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const [e] = checkCalendar(await fetchIcs(`/v1/events/${created.body.id}.ics`));
  assert.equal(unescapeText(one(e!, 'SUMMARY').value), title);
  assert.ok(unescapeText(one(e!, 'DESCRIPTION').value).startsWith(`${description}\n\nOrganisé par Carrefour communautaire Villeray`));
  assert.equal(unescapeText(one(e!, 'LOCATION').value), 'Parc Jarry, chalet, 205, rue Gary-Carter; Montréal');
  // Summer time: 10:00 in Montréal is 14:00 UTC, written as local time with the zone's id.
  assert.equal(one(e!, 'DTSTART').value, '20270710T100000');
  assert.equal(one(e!, 'DTEND').value, '20270710T123000');

  const edited = await api(node, 'PATCH', `/v1/events/${created.body.id}`, { body: { title: { fr: 'Autre titre' } }, headers: { authorization: `Bearer ${keys.villeray}` } });
  assert.equal(edited.status, 200);
  const [revised] = checkCalendar(await fetchIcs(`/v1/events/${created.body.id}.ics`));
  assert.equal(one(revised!, 'UID').value, one(e!, 'UID').value, 'an edit keeps the UID');
  assert.equal(Number(one(revised!, 'SEQUENCE').value), Number(one(e!, 'SEQUENCE').value) + 1, 'an edit raises SEQUENCE');
});

test('an unknown event has no calendar', async () => {
  const res = await api(node, 'GET', '/v1/events/evt_nowhere.ics');
  assert.equal(res.status, 404);
  assert.equal(res.body.code, 'not_found');
});
