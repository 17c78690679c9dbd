// What the organization workspace needs from the API, through HTTP: registrants and their CSV,
// the pledge inbox with filters and its CSV, decline with a reason, cancelling an event, images.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import exifr from 'exifr';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { IMAGE_SIZE, jpegWithGps, plainJpeg, pngWithText, webpWithExif } from './support/images.ts';
import { api, startTestNode } from './support/node.ts';
import { bearer, confirmedPledge, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, publishedProjectWithNeed, write } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS })));
after(() => node.close());

const TABLE = DEMO_KEYS.tableHochelaga;
const OTHER = DEMO_KEYS.carrefourVilleray;
const one = async (sql: string, params: unknown[] = []) => (await node.db.query<any>(sql, params))[0];
const mailsTo = (email: string) => node.db.query<any>('select * from mail_outbox where recipient = $1 order by created_at desc, id desc', [email]);
const BOM = '\uFEFF';
/** RFC 4180 rows, enough for what the node writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

async function futureEvent(apiKey: string, more: Record<string, unknown> = {}) {
  const starts = new Date(Date.now() + 7 * 86_400_000);
  const res = await api(node, 'POST', '/v1/events', {
    headers: write(apiKey),
    body: {
      title: { fr: 'Corvée de printemps', en: 'Spring clean-up' },
      category: 'workshop',
      community: 'hochelaga',
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 3 * 3_600_000).toISOString(),
      place: { name: 'Parc Morgan', address: '1875, avenue Morgan, Montréal' },
      capacity: 30,
      registration: true,
      ...more,
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

const registration = (name: string, email: string, lang = 'fr', seats = 1) => ({
  contact: { name, email },
  seats,
  consent: { version: '2026-11', shareWithOrganizers: true, updates: lang === 'en' },
  lang,
});

describe("an event's registrants", () => {
  test('are listed for its organization, first come first, with contacts and consent; CSV with accents and no formula', async () => {
    const id = await futureEvent(TABLE);
    for (const [name, email, lang, seats] of [
      ['Hélène Côté', 'helene@example.org', 'fr', 2],
      ['=HYPERLINK("http://evil.example","clic")', 'evil@example.org', 'en', 1],
    ] as const) {
      assert.equal((await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: registration(name, email, lang, seats) })).status, 201);
    }
    const list = await api(node, 'GET', `/v1/events/${id}/registrations`, { headers: bearer(TABLE) });
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('cache-control'), 'private, no-store');
    assert.deepEqual(list.body.items.map((r: any) => [r.contact.name, r.seats, r.lang, r.consent.updates]), [
      ['Hélène Côté', 2, 'fr', false],
      ['=HYPERLINK("http://evil.example","clic")', 1, 'en', true],
    ]);

    const csv = await fetch(`${node.url}/v1/events/${id}/registrations.csv`, { headers: { ...bearer(TABLE), 'accept-language': 'fr-CA' } });
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(csv.headers.get('content-disposition'), 'attachment; filename="registrations.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
    assert.deepEqual(rows[0], ['Date', 'Nom', 'Courriel', 'Places', 'Langue', 'Nouvelles', 'Consentement (version)']);
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[1]!.slice(1), ['Hélène Côté', 'helene@example.org', '2', 'français', 'non', '2026-11']);
    assert.equal(rows[2]![1], `'=HYPERLINK("http://evil.example","clic")`, 'the formula is neutralized');
    assert.match(rows[1]![0]!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const en = await api(node, 'GET', `/v1/events/${id}/registrations.csv?lang=en`, { headers: bearer(TABLE) });
    // (fetch's text() drops the BOM.)
    assert.ok(en.body.startsWith('Date,Name,Email,Seats,Language'), en.body);
  });

  test("are another organization's secret: 404, list and CSV alike; no key is a 401", async () => {
    const id = await futureEvent(TABLE);
    assert.equal((await api(node, 'GET', `/v1/events/${id}/registrations`, { headers: bearer(OTHER) })).status, 404);
    assert.equal((await api(node, 'GET', `/v1/events/${id}/registrations.csv`, { headers: bearer(OTHER) })).status, 404);
    assert.equal((await api(node, 'GET', `/v1/events/${id}/registrations`)).status, 401);
    assert.equal((await api(node, 'GET', `/v1/events/${id}/registrations`, { headers: bearer(DEMO_KEYS.curator) })).status, 403);
  });
});

describe('cancelling an event', () => {
  test('emails every registrant in their language, closes registration, keeps it in the feed as CANCELLED', async () => {
    const id = await futureEvent(TABLE);
    await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: registration('Lou', 'lou-cancel@example.org', 'fr') });
    await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: registration('Sam', 'sam-cancel@example.org', 'en') });
    assert.equal((await api(node, 'POST', `/v1/events/${id}/cancel`, { headers: write(OTHER), body: {} })).status, 404);

    const res = await api(node, 'POST', `/v1/events/${id}/cancel`, { headers: write(TABLE), body: { reason: 'Le parc est fermé pour travaux.' } });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'cancelled');
    const [fr] = await mailsTo('lou-cancel@example.org');
    assert.match(fr.subject, /^Événement annulé : Corvée de printemps/);
    assert.match(fr.body_text, /Le parc est fermé pour travaux\./);
    const [en] = await mailsTo('sam-cancel@example.org');
    assert.match(en.subject, /^Event cancelled: Spring clean-up/);

    const again = await api(node, 'POST', `/v1/events/${id}/cancel`, { headers: write(TABLE), body: {} });
    assert.equal(again.body.code, 'invalid_state');
    const late = await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: registration('Max', 'max@example.org') });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'invalid_state');
    const edit = await api(node, 'PATCH', `/v1/events/${id}`, { headers: bearer(TABLE), body: { capacity: 50 } });
    assert.equal(edit.body.code, 'invalid_state');

    const list = await api(node, 'GET', '/v1/events?limit=100&community=hochelaga');
    assert.ok(!list.body.items.some((e: any) => e.id === id), 'a list shows what will happen');
    const ics = await api(node, 'GET', `/v1/events/${id}.ics`);
    assert.match(ics.body, /STATUS:CANCELLED/);
    assert.match(ics.body, /SEQUENCE:1/);
  });
});

describe('the pledge inbox', () => {
  test('lists pledges by project and need with names, contact and consent; filters by status, project, need and day', async () => {
    const { projectId, needId } = await publishedProjectWithNeed(node, TABLE, DEMO_KEYS.curator, { category: 'financial', title: { fr: 'Fonds pour les bacs', en: 'Box fund' }, wanted: 100_000 });
    const p = await confirmedPledge(node, needId, pledgeBody(5050, { contact: { name: 'Élise Gagnon', email: 'elise@example.org' } }));
    assert.equal(p.status, 200);

    const byProject = await api(node, 'GET', `/v1/pledges?project=${projectId}&status=pending`, { headers: bearer(TABLE) });
    assert.equal(byProject.status, 200);
    assert.equal(byProject.body.items.length, 1);
    const item = byProject.body.items[0];
    assert.deepEqual(item.projectTitle, { fr: 'Bacs à fleurs de la rue Adam', en: 'Adam Street flower boxes' });
    assert.deepEqual(item.needTitle, { fr: 'Fonds pour les bacs', en: 'Box fund' });
    assert.equal(item.unit, null);
    assert.deepEqual(item.contact, { name: 'Élise Gagnon', email: 'elise@example.org' });
    assert.equal(item.consent.shareWithOrganizers, true);

    assert.equal((await api(node, 'GET', `/v1/pledges?need=${needId}`, { headers: bearer(TABLE) })).body.items.length, 1);
    assert.equal((await api(node, 'GET', `/v1/pledges?project=${projectId}&status=confirmed`, { headers: bearer(TABLE) })).body.items.length, 0);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'America/Toronto' });
    assert.equal((await api(node, 'GET', `/v1/pledges?project=${projectId}&from=${today}&to=${today}`, { headers: bearer(TABLE) })).body.items.length, 1);
    assert.equal((await api(node, 'GET', `/v1/pledges?project=${projectId}&to=2020-01-01`, { headers: bearer(TABLE) })).body.items.length, 0);
    assert.equal((await api(node, 'GET', '/v1/pledges?from=yesterday', { headers: bearer(TABLE) })).status, 400);
    // Another organization's filter finds nothing of it.
    assert.equal((await api(node, 'GET', `/v1/pledges?project=${projectId}`, { headers: bearer(OTHER) })).body.items.length, 0);
  });

  test('exports the filtered list as CSV: BOM, accents, dollars, need names, formulas neutralized', async () => {
    const { projectId, needId } = await publishedProjectWithNeed(node, TABLE, DEMO_KEYS.curator, { category: 'material', title: { fr: 'Sacs de terreau', en: 'Bags of soil' }, unit: { fr: 'sacs', en: 'bags' }, wanted: 50 });
    const money = (await api(node, 'GET', `/v1/projects/${projectId}`, { headers: bearer(TABLE) })).body;
    assert.equal(money.needs.length, 1);
    await confirmedPledge(node, needId, pledgeBody(3, { contact: { name: 'Noël Bérubé', email: 'noel@example.org' }, message: '@SUM(A1:A9) et des pelles' }));
    await confirmedPledge(node, DEMO_NEEDS.jardinFonds, pledgeBody(12_345, { contact: { name: 'Zoé', email: 'zoe@example.org' } }));

    const res = await fetch(`${node.url}/v1/pledges.csv?project=${projectId}`, { headers: { ...bearer(TABLE), 'accept-language': 'fr-CA' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="pledges.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    assert.ok(text.startsWith(BOM));
    const rows = parseCsv(text.slice(1));
    assert.equal(rows[0]![2], 'Projet');
    assert.equal(rows.length, 2, 'only the filtered project');
    const [, status, project, need, quantity, unit, name, email, news, , , message] = rows[1]!;
    assert.deepEqual([status, project, need, quantity, unit, name, email, news], ['À traiter', 'Bacs à fleurs de la rue Adam', 'Sacs de terreau', '3', 'sacs', 'Noël Bérubé', 'noel@example.org', 'non']);
    assert.equal(message, "'@SUM(A1:A9) et des pelles");

    const all = parseCsv((await api(node, 'GET', `/v1/pledges.csv?project=${DEMO_PROJECTS.jardinOntario}&lang=en`, { headers: bearer(TABLE) })).body);
    assert.equal(all[0]![1], 'Status');
    const zoe = all.find((r) => r[6] === 'Zoé')!;
    assert.deepEqual(zoe.slice(4, 6), ['123.45', '$ CAD'], 'money in dollars, not cents');
    assert.ok(!all.flat().some((cell) => /^need_/.test(cell)), 'need names, not ids');

    assert.equal((await api(node, 'GET', '/v1/pledges.csv', { headers: bearer(DEMO_KEYS.curator) })).status, 403);
  });

  test('decline with a reason emails the person in their language; confirm then fulfil; a reason goes with a decline only', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, DEMO_KEYS.curator, { category: 'human', title: { fr: 'Bénévoles', en: 'Volunteers' }, unit: 'people', wanted: 10 });
    const a = await confirmedPledge(node, needId, pledgeBody(2, { lang: 'en', contact: { name: 'Alex', email: 'alex-decline@example.org' } }));
    const b = await confirmedPledge(node, needId, pledgeBody(1, { contact: { name: 'Béa', email: 'bea-confirm@example.org' } }));

    const wrong = await api(node, 'PATCH', `/v1/pledges/${b.body.id}`, { headers: bearer(TABLE), body: { status: 'confirmed', reason: 'non' } });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.errors[0].path, 'body.reason');
    assert.equal((await api(node, 'PATCH', `/v1/pledges/${a.body.id}`, { headers: bearer(OTHER), body: { status: 'declined' } })).status, 404);

    const declined = await api(node, 'PATCH', `/v1/pledges/${a.body.id}`, { headers: bearer(TABLE), body: { status: 'declined', reason: 'We already have enough people on Saturday.' } });
    assert.equal(declined.status, 200);
    assert.equal(declined.body.status, 'declined');
    assert.equal(declined.body.declineReason, 'We already have enough people on Saturday.');
    const [mail] = await mailsTo('alex-decline@example.org');
    assert.match(mail.subject, /^Your pledge to “Adam Street flower boxes” was declined/);
    assert.match(mail.body_text, /“Volunteers” \(2 people\)/);
    assert.match(mail.body_text, /^Table de quartier Hochelaga-Maisonneuve could not accept your pledge/m);
    assert.match(mail.body_text, /We already have enough people on Saturday\./);
    assert.deepEqual(await one('select pledged from needs where id = $1', [needId]), { pledged: 1 }, 'a declined pledge stops counting');

    const before = (await mailsTo('bea-confirm@example.org')).length;
    assert.equal((await api(node, 'PATCH', `/v1/pledges/${b.body.id}`, { headers: bearer(TABLE), body: { status: 'confirmed' } })).body.status, 'confirmed');
    assert.equal((await api(node, 'PATCH', `/v1/pledges/${b.body.id}`, { headers: bearer(TABLE), body: { status: 'fulfilled' } })).body.status, 'fulfilled');
    assert.equal((await mailsTo('bea-confirm@example.org')).length, before, 'no decline mail for a confirmation');
  });
});

describe('an image upload', () => {
  const upload = (bytes: Uint8Array, type: string, apiKey = TABLE) =>
    fetch(`${node.url}/v1/images`, { method: 'POST', headers: { ...bearer(apiKey), 'content-type': type }, body: Buffer.from(bytes) });

  test('of a JPEG loses its EXIF (GPS), ICC profile and comment, keeps its picture, and is served immutable', async () => {
    const original = jpegWithGps();
    const gps = await exifr.gps(Buffer.from(original));
    assert.ok(gps && Math.abs(gps.latitude - 45.5625) < 0.001, 'the fixture does carry a GPS position');

    const res = await upload(original, 'image/jpeg');
    assert.equal(res.status, 201);
    const body = await res.json();
    assert.equal(body.type, 'image/jpeg');
    assert.deepEqual([body.width, body.height], [IMAGE_SIZE.width, IMAGE_SIZE.height]);
    assert.match(body.url, new RegExp(`^${node.url}/images/[0-9a-f]{64}\\.jpg$`));

    const served = await fetch(body.url);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.equal(served.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.equal(bytes.length, body.bytes);
    assert.equal(await exifr.gps(bytes).catch(() => undefined), undefined, 'no GPS position left');
    const left = (await exifr.parse(bytes, true).catch(() => undefined)) ?? {};
    assert.deepEqual(Object.keys(left).filter((k) => !/^(JFIFVersion|ResolutionUnit|[XY]Resolution|Thumbnail(Width|Height))$/.test(k)), [], 'only JFIF (pixel density) remains');
    for (const word of ['Exif', 'ICC_PROFILE', 'PhoneCo', '4512 Morgan']) assert.equal(bytes.indexOf(word), -1, `${word} is gone`);
    // What draws the picture is untouched: the clean file is the plain one minus its ICC segment.
    const plain = plainJpeg();
    assert.equal(bytes.subarray(bytes.length - 200).toString('hex'), Buffer.from(plain.subarray(plain.length - 200)).toString('hex'));

    // The same picture again: the same URL, one row.
    assert.equal((await (await upload(original, 'image/jpeg')).json()).url, body.url);
    assert.equal((await one('select count(*) as n from images')).n >= 1, true);
  });

  test('of a PNG loses its text chunks, of a WebP its EXIF and ICC, and the header stops announcing them', async () => {
    const png = await upload(pngWithText(), 'image/png');
    assert.equal(png.status, 201);
    const pngBytes = Buffer.from(await (await fetch((await png.json()).url)).arrayBuffer());
    assert.equal(pngBytes.indexOf('tEXt'), -1);
    assert.equal(pngBytes.indexOf('45.5519'), -1);
    assert.equal(pngBytes.indexOf('IDAT') > 0, true);

    const webp = await upload(webpWithExif(), 'image/webp');
    assert.equal(webp.status, 201);
    const info = await webp.json();
    assert.deepEqual([info.width, info.height], [IMAGE_SIZE.width, IMAGE_SIZE.height]);
    const w = Buffer.from(await (await fetch(info.url)).arrayBuffer());
    for (const chunk of ['EXIF', 'ICCP', 'PhoneCo']) assert.equal(w.indexOf(chunk), -1, `${chunk} is gone`);
    assert.equal(w.readUInt32LE(4), w.length - 8, 'RIFF size matches');
    assert.equal(w[20]! & 0x2c, 0, 'VP8X flags no ICC, EXIF or XMP');
  });

  test('is checked by content, size and key: 415, 413, 401', async () => {
    const html = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
    const disguised = await upload(html, 'image/png');
    assert.equal(disguised.status, 415);
    assert.match((await disguised.json()).detail, /JPEG, PNG or WebP/);
    assert.equal((await upload(plainJpeg(), 'image/gif')).status, 415);
    const truncated = await upload(plainJpeg().subarray(0, 300), 'image/jpeg');
    assert.equal(truncated.status, 415);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(plainJpeg());
    assert.equal((await upload(big, 'image/jpeg')).status, 413);
    assert.equal((await fetch(`${node.url}/v1/images`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: Buffer.from(plainJpeg()) })).status, 401);
    assert.equal((await fetch(`${node.url}/images/${'0'.repeat(64)}.jpg`)).status, 404);
  });
});
