import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../src/index.ts';
import { DEMO_EVENTS } from '../src/seed/engagement.ts';
import { addDays, fromLocal, localDate } from '../src/services/time-zone.ts';
import { mailTo, startEngagementNode, write } from './support/engagement.ts';
import { api, startTestNode } from './support/node.ts';

let node: RunningNode;
let keys: { villeray: string; caisse: string };
let today: string;
before(async () => {
  ({ node, keys } = await startEngagementNode());
  today = localDate(new Date());
});
after(() => node.close());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const registration = (email: string, extra: object = {}) => ({
  contact: { name: 'Nadia Haddad', email },
  consent: { version: CONSENT_VERSION, shareWithOrganizers: true },
  lang: 'fr',
  ...extra,
});
const newEvent = (extra: object = {}) => ({
  title: { fr: 'Atelier de tricot', en: 'Knitting workshop' },
  category: 'workshop',
  community: 'villeray-saint-michel-parc-extension',
  startsAt: `${addDays(today, 20)}T14:00:00-05:00`,
  endsAt: `${addDays(today, 20)}T16:00:00-05:00`,
  place: { name: 'Maison de quartier', address: '660, rue Villeray, Montréal' },
  ...extra,
});

/** Every page of a list, following nextCursor to the end. */
async function allPages(path: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api(node, 'GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.items.length <= limit);
    ids.push(...res.body.items.map((e: { id: string }) => e.id));
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return ids;
}

async function idsInDb(where: string, params: unknown[] = []) {
  const rows = await node.db.query<{ id: string }>(
    `select e.id from events e where e.ends_at >= $1 and ${where} order by e.starts_at, e.id`,
    [fromLocal(today), ...params],
  );
  return rows.map((r) => r.id);
}

describe('listing events', () => {
  test('from today, soonest first, page by page to the end without a gap or a repeat', async () => {
    const ids = await allPages('/v1/events', 5);
    assert.deepEqual(ids, await idsInDb('true'));
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 12);
  });

  test('a community includes the communities nested in it', async () => {
    const { body } = await api(node, 'POST', '/v1/events', {
      body: newEvent({ community: 'viauville', title: { fr: 'Soupe de quartier' } }),
      headers: { ...write(), ...bearer(keys.villeray) },
    });
    const inMontreal = await allPages('/v1/events?community=montreal', 4);
    const expected = await idsInDb("e.community_id in (select id from communities where slug <> 'agriculture-urbaine')");
    assert.deepEqual(inMontreal, expected);
    assert.ok(inMontreal.includes(body.id), 'a neighbourhood of a borough of Montréal is in Montréal');
    assert.ok(!inMontreal.includes(DEMO_EVENTS.seanceJardins), 'an interest community is not in the city');
    const inHochelaga = await allPages('/v1/events?community=hochelaga-maisonneuve', 20);
    assert.ok(inHochelaga.includes(body.id) && inHochelaga.includes(DEMO_EVENTS.atelierCompost));
    assert.ok(!inHochelaga.includes(DEMO_EVENTS.corveeRuelle));
  });

  test('by category, organization and date range', async () => {
    const workshops = await allPages('/v1/events?category=workshop', 3);
    assert.deepEqual(workshops, await idsInDb("e.category = 'workshop'"));
    const caisse = await api(node, 'GET', '/v1/events?organization=caisse-du-centre');
    assert.deepEqual(caisse.body.items.map((e: { organization: { slug: string } }) => e.organization.slug), ['caisse-du-centre']);
    const to = addDays(today, 10);
    const soon = await allPages(`/v1/events?to=${to}`, 2);
    assert.deepEqual(soon, await idsInDb('e.starts_at < $2', [fromLocal(addDays(to, 1))]));
    assert.ok(soon.includes(DEMO_EVENTS.corveeRuelle) && !soon.includes(DEMO_EVENTS.cafeAines));
    const later = await api(node, 'GET', `/v1/events?from=${addDays(today, 50)}`);
    assert.deepEqual(later.body.items.map((e: { id: string }) => e.id), [DEMO_EVENTS.cafeAines]);
  });

  test('bad filters are refused naming the field', async () => {
    for (const [query, path] of [
      [`to=${addDays(today, -1)}`, 'query.to'],
      ['cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
      ['category=party', 'query.category'],
      ['limit=1000', 'query.limit'],
      ['from=2026-13-45', 'query.from'],
    ] as const) {
      const res = await api(node, 'GET', `/v1/events?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.errors[0].path, path);
    }
  });
});

describe('one event', () => {
  test('carries its times with the Montréal offset of that date, winter or summer', async () => {
    const { body } = await api(node, 'GET', `/v1/events/${DEMO_EVENTS.atelierCompost}`);
    assert.equal(body.timeZone, 'America/Toronto');
    assert.match(body.startsAt, /^\d{4}-\d{2}-\d{2}T13:30:00-0[45]:00$/);
    assert.equal(body.url, `${node.url}/events/${DEMO_EVENTS.atelierCompost}`);
    assert.equal((await api(node, 'GET', `/v1/events/${DEMO_EVENTS.corveeRuelle}`)).body.projectId, 'prj_patinoire-ruelle');
    const summer = await api(node, 'POST', '/v1/events', {
      body: newEvent({ startsAt: '2027-07-10T10:00:00Z', endsAt: '2027-07-10T12:00:00Z' }),
      headers: { ...write(), ...bearer(keys.villeray) },
    });
    assert.equal(summer.status, 201);
    assert.equal(summer.body.startsAt, '2027-07-10T06:00:00-04:00');
    const winter = await api(node, 'POST', '/v1/events', {
      body: newEvent({ startsAt: '2027-01-10T15:00:00Z', endsAt: '2027-01-10T17:00:00Z' }),
      headers: { ...write(), ...bearer(keys.villeray) },
    });
    assert.equal(winter.body.startsAt, '2027-01-10T10:00:00-05:00');
  });

  test('an unknown id is a 404', async () => {
    const res = await api(node, 'GET', '/v1/events/evt_nowhere');
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'not_found');
  });

  test('its page shows it, escaped, in French or English', async () => {
    const res = await fetch(`${node.url}/events/${DEMO_EVENTS.atelierCompost}?lang=en`);
    const page = await res.text();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(page, /Workshop: composting in an apartment/);
    assert.equal((await fetch(`${node.url}/static/engagement.css`)).status, 200);
    assert.match(page, /11 taken of 12/);
    assert.match(page, new RegExp(`href="/v1/events/${DEMO_EVENTS.atelierCompost}.ics"`));
    const fr = await (await fetch(`${node.url}/events/${DEMO_EVENTS.atelierCompost}`, { headers: { 'accept-language': 'fr-CA' } })).text();
    assert.match(fr, /Atelier : composter en appartement/);
    const evil = await api(node, 'POST', '/v1/events', {
      body: newEvent({ title: { fr: '<script>alert(1)</script> & cie' } }),
      headers: { ...write(), ...bearer(keys.villeray) },
    });
    const escaped = await (await fetch(evil.body.url)).text();
    assert.ok(!escaped.includes('<script>alert'));
    assert.match(escaped, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; cie/);
    assert.equal((await fetch(`${node.url}/events/evt_nowhere`)).status, 404);
  });
});

describe('organizations write their own events', () => {
  test('create, then edit: another organization sees a 404 and changes nothing', async () => {
    const created = await api(node, 'POST', '/v1/events', {
      body: newEvent({ capacity: 3, registration: true, link: 'https://meet.jit.si/tricot' }),
      headers: { ...write(), ...bearer(keys.villeray) },
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.organization.slug, 'carrefour-villeray');
    assert.equal(created.body.registeredCount, 0);
    const [row] = await node.db.query<{ organization_id: string; sequence: number }>('select organization_id, sequence from events where id = $1', [created.body.id]);
    assert.deepEqual(row, { organization_id: 'org_carrefour-villeray', sequence: 0 });

    const foreign = await api(node, 'PATCH', `/v1/events/${created.body.id}`, { body: { capacity: 100 }, headers: bearer(keys.caisse) });
    assert.equal(foreign.status, 404);
    const edited = await api(node, 'PATCH', `/v1/events/${created.body.id}`, { body: { capacity: 5, title: { fr: 'Tricot-thé' } }, headers: bearer(keys.villeray) });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.capacity, 5);
    assert.deepEqual(edited.body.title, { fr: 'Tricot-thé' });
    assert.equal(edited.body.category, 'workshop');
    const [after] = await node.db.query<{ capacity: number; sequence: number }>('select capacity, sequence from events where id = $1', [created.body.id]);
    assert.deepEqual(after, { capacity: 5, sequence: 1 });

    await api(node, 'POST', `/v1/events/${created.body.id}/registrations`, { body: registration('a@example.org', { seats: 4 }), headers: write() });
    const below = await api(node, 'PATCH', `/v1/events/${created.body.id}`, { body: { capacity: 2 }, headers: bearer(keys.villeray) });
    assert.equal(below.status, 400);
    assert.equal(below.body.errors[0].path, 'body.capacity');
  });

  test('what the schema cannot say is refused naming the field, and nothing is written', async () => {
    const before = (await node.db.query<{ n: number }>('select count(*) as n from events'))[0]!.n;
    for (const [body, path] of [
      [newEvent({ endsAt: `${addDays(today, 19)}T16:00:00-05:00` }), 'body.endsAt'],
      [newEvent({ community: 'atlantis' }), 'body.community'],
      [newEvent({ place: undefined }), 'body.place'],
      [newEvent({ projectId: 'prj_someone-else' }), 'body.projectId'],
      [newEvent({ link: 'javascript:alert(1)' }), 'body.link'],
    ] as const) {
      const res = await api(node, 'POST', '/v1/events', { body, headers: { ...write(), ...bearer(keys.villeray) } });
      assert.equal(res.status, 400, path);
      assert.equal(res.body.errors[0].path, path);
    }
    assert.equal((await node.db.query<{ n: number }>('select count(*) as n from events'))[0]!.n, before);
    const anonymous = await api(node, 'POST', '/v1/events', { body: newEvent(), headers: write() });
    assert.equal(anonymous.status, 401);
  });
});

describe('registering (RSVP)', () => {
  test('takes the last place of a nearly full event, records consent, mails the person, then says full', async () => {
    const id = DEMO_EVENTS.atelierCompost;
    const two = await api(node, 'POST', `/v1/events/${id}/registrations`, { body: registration('deux@example.org', { seats: 2 }), headers: write() });
    assert.equal(two.status, 409);
    assert.equal(two.body.code, 'event_full');
    assert.match(two.body.detail, /Only 1 of 12/);

    const last = await api(node, 'POST', `/v1/events/${id}/registrations`, {
      body: registration('Derniere.Place@example.org', { lang: 'en', consent: { version: CONSENT_VERSION, shareWithOrganizers: true, updates: true } }),
      headers: write(),
    });
    assert.equal(last.status, 201);
    assert.deepEqual({ ...last.body, id: undefined, createdAt: undefined }, { id: undefined, createdAt: undefined, eventId: id, seats: 1, status: 'registered' });
    const [row] = await node.db.query('select name, email, seats, consent_version, consent_updates, lang from registrations where id = $1', [last.body.id]);
    assert.deepEqual(row, { name: 'Nadia Haddad', email: 'Derniere.Place@example.org', seats: 1, consent_version: CONSENT_VERSION, consent_updates: true, lang: 'en' });
    const [mail] = await mailTo(node, 'Derniere.Place@example.org');
    assert.equal(mail!.subject, 'Registration confirmed: Workshop: composting in an apartment');
    assert.match(mail!.text, new RegExp(`${node.url}/v1/events/${id}\\.ics`));

    const full = await api(node, 'POST', `/v1/events/${id}/registrations`, { body: registration('trop-tard@example.org'), headers: write() });
    assert.equal(full.status, 409);
    assert.equal(full.body.code, 'event_full');
    const event = await api(node, 'GET', `/v1/events/${id}`);
    assert.equal(event.body.registeredCount, 12);
  });

  test('one registration per email and event: the same person again is refused, whatever the case', async () => {
    await node.db.query(
      `insert into events (id, organization_id, community_id, title, category, starts_at, ends_at, place_name, place_address, capacity, registration)
       values ('evt_twice', 'org_carrefour-villeray', 'com_montreal', '{"fr":"Deux fois"}', 'workshop', now() + interval '3 days', now() + interval '3 days 2 hours', 'Ici', 'Montréal', 50, true)`,
    );
    const first = await api(node, 'POST', '/v1/events/evt_twice/registrations', { body: registration('Paul.Roy@example.org'), headers: write() });
    assert.equal(first.status, 201);
    const again = await api(node, 'POST', '/v1/events/evt_twice/registrations', { body: registration('paul.roy@EXAMPLE.org', { seats: 2 }), headers: write() });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'conflict');
    assert.match(again.body.detail, /already registered/);
    const rows = await node.db.query<{ n: number }>("select count(*) as n from registrations where event_id = 'evt_twice'");
    assert.equal(rows[0]!.n, 1);
    assert.equal((await api(node, 'GET', '/v1/events/evt_twice')).body.registeredCount, 1);
  });

  test('an event without registration, or already started, refuses with invalid_state', async () => {
    const open = await api(node, 'POST', `/v1/events/${DEMO_EVENTS.assembleeQuartier}/registrations`, { body: registration('x@example.org'), headers: write() });
    assert.equal(open.status, 409);
    assert.equal(open.body.code, 'invalid_state');
    await node.db.query(
      `insert into events (id, organization_id, community_id, title, category, starts_at, ends_at, place_name, place_address, capacity, registration)
       values ('evt_yesterday', 'org_carrefour-villeray', 'com_montreal', '{"fr":"Hier"}', 'training', now() - interval '1 day', now() - interval '23 hours', 'Ici', 'Montréal', 10, true)`,
    );
    const past = await api(node, 'POST', '/v1/events/evt_yesterday/registrations', { body: registration('x@example.org'), headers: write() });
    assert.equal(past.status, 409);
    assert.equal(past.body.code, 'invalid_state');
    const unknown = await api(node, 'POST', '/v1/events/evt_nowhere/registrations', { body: registration('x@example.org'), headers: write() });
    assert.equal(unknown.status, 404);
    const consent = await api(node, 'POST', `/v1/events/${DEMO_EVENTS.formationBenevoles}/registrations`, {
      body: registration('x@example.org', { consent: { version: '1999-01', shareWithOrganizers: true } }),
      headers: write(),
    });
    assert.equal(consent.status, 400);
    assert.equal(consent.body.errors[0].path, 'body.consent.version');
    const noRows = await node.db.query("select 1 from registrations where email = 'x@example.org'");
    assert.equal(noRows.length, 0);
  });

  test('50 concurrent registrations for 10 places: exactly 10 accepted, the rest a clear 409', async () => {
    const created = await api(node, 'POST', '/v1/events', { body: newEvent({ capacity: 10, registration: true }), headers: { ...write(), ...bearer(keys.villeray) } });
    const id = created.body.id;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api(node, 'POST', `/v1/events/${id}/registrations`, { body: registration(`rush${i}@example.org`), headers: write() })),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 10, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 409).length, 40);
    assert.ok(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'event_full'));
    const [row] = await node.db.query<{ registered_count: number; seats: number; rows: number }>(
      'select e.registered_count, (select sum(seats) from registrations r where r.event_id = e.id)::int as seats, (select count(*) from registrations r where r.event_id = e.id) as rows from events e where e.id = $1',
      [id],
    );
    assert.deepEqual(row, { registered_count: 10, seats: 10, rows: 10 });
  });

  test('an idempotent replay registers once', async () => {
    const headers = write();
    const body = registration('replay@example.org');
    const first = await api(node, 'POST', `/v1/events/${DEMO_EVENTS.reseautagePlateau}/registrations`, { body, headers });
    const again = await api(node, 'POST', `/v1/events/${DEMO_EVENTS.reseautagePlateau}/registrations`, { body, headers });
    assert.equal(first.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const rows = await node.db.query("select 1 from registrations where email = 'replay@example.org'");
    assert.equal(rows.length, 1);
  });
});

describe('the demo node', () => {
  let demo: RunningNode;
  before(async () => (demo = await startTestNode({ seed: true })));
  after(() => demo.close());

  test('has events over the coming eight weeks, in every category, one nearly full', async () => {
    const { body } = await api(demo, 'GET', '/v1/events?limit=100');
    const days = body.items.map((e: { startsAt: string }) => (new Date(e.startsAt).getTime() - Date.now()) / 86_400_000);
    assert.ok(body.items.length >= 12);
    assert.ok(days.every((d: number) => d > 0 && d < 56));
    assert.deepEqual([...new Set(body.items.map((e: { category: string }) => e.category))].sort(), ['co_creation', 'information_session', 'networking', 'training', 'workshop']);
    assert.ok(body.items.some((e: { capacity: number | null; registeredCount: number }) => e.capacity && e.capacity - e.registeredCount === 1));
    assert.ok(body.items.some((e: { link: string | null }) => e.link));
    const counts = await demo.db.query<{ id: string; registered_count: number; seats: number }>(
      'select e.id, e.registered_count, coalesce((select sum(seats) from registrations r where r.event_id = e.id), 0)::int as seats from events e',
    );
    assert.ok(counts.every((c) => c.registered_count === c.seats));
  });

  test('has ideas whose support is their confirmed votes, and an open contest in its vote phase', async () => {
    const rows = await demo.db.query<{ support_count: number; confirmed: number }>(
      "select i.support_count, (select count(*) from votes v where v.idea_id = i.id and v.status = 'confirmed') as confirmed from ideas i",
    );
    assert.ok(rows.length >= 10);
    assert.ok(rows.every((r) => r.support_count === r.confirmed));
    const contests = await api(demo, 'GET', '/v1/contests');
    const phases = contests.body.items.map((c: { currentPhase: string }) => c.currentPhase).sort();
    assert.deepEqual(phases, ['closed', 'upcoming', 'vote']);
    const selected = await api(demo, 'GET', '/v1/ideas?community=plateau-mont-royal');
    assert.ok(selected.body.items.some((i: { status: string; projectId: string | null }) => i.status === 'selected' && i.projectId));
  });
});
