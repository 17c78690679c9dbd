import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { PROJECTS } from '../src/seed/projects.ts';
import { api, startTestNode } from './support/node.ts';
import { bearer, NO_RATE_LIMITS, pledgeBody, projectBody, write } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS })));
after(() => node.close());

const TABLE = DEMO_KEYS.tableHochelaga;
const needRow = async (id: string) => (await node.db.query<any>('select * from needs where id = $1', [id]))[0];

describe('needs', () => {
  test('a need of each category is created with its own fields, in order', async () => {
    const id = (await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody() })).body.id;
    const human = await api(node, 'POST', `/v1/projects/${id}/needs`, {
      headers: write(TABLE),
      body: {
        category: 'human',
        title: { fr: 'Arrosage', en: 'Watering' },
        unit: 'people',
        wanted: 6,
        skills: ['jardinage'],
        shift: { startsAt: '2027-06-05T09:00:00-04:00', endsAt: '2027-06-05T12:00:00-04:00' },
      },
    });
    assert.equal(human.status, 201);
    assert.deepEqual(
      { ...human.body, id: undefined },
      {
        id: undefined,
        projectId: id,
        title: { fr: 'Arrosage', en: 'Watering' },
        description: null,
        status: 'open',
        wanted: 6,
        pledged: 0,
        pledgeCount: 0,
        category: 'human',
        unit: 'people',
        skills: ['jardinage'],
        skillLabels: [{ code: 'gardening', label: { fr: 'jardinage', en: 'gardening' } }],
        shift: { startsAt: '2027-06-05T13:00:00.000Z', endsAt: '2027-06-05T16:00:00.000Z' },
      },
    );
    const material = await api(node, 'POST', `/v1/projects/${id}/needs`, {
      headers: write(TABLE),
      body: { category: 'material', title: { fr: 'Pots' }, unit: { fr: 'pots', en: 'pots' }, wanted: 30, description: { fr: 'En terre cuite' } },
    });
    assert.equal(material.body.unit.fr, 'pots');
    const money = await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(TABLE), body: { category: 'financial', title: { fr: 'Terreau' }, wanted: 45000 } });
    assert.equal(money.body.currency, 'CAD');
    const rows = await node.db.query<any>('select id, category, unit, unit_label, position from needs where project_id = $1 order by position', [id]);
    assert.deepEqual(rows.map((r) => [r.category, r.position]), [['human', 0], ['material', 1], ['financial', 2]]);
    assert.deepEqual(rows[1].unit_label, { fr: 'pots', en: 'pots' });
    const detail = await api(node, 'GET', `/v1/projects/${id}`, { headers: bearer(TABLE) });
    assert.deepEqual(detail.body.needs.map((n: any) => n.id), rows.map((r) => r.id));
    assert.deepEqual(detail.body.progress.financial, { needs: 1, filled: 0, ratio: 0, wantedCents: 45000, pledgedCents: 0 });
    // Not public while the project is a draft.
    assert.equal((await api(node, 'GET', `/v1/needs/${money.body.id}`)).status, 404);
    assert.equal((await api(node, 'GET', `/v1/needs/${money.body.id}`, { headers: bearer(TABLE) })).status, 200);
  });

  test('a shift that ends before it starts is refused, naming the field', async () => {
    const res = await api(node, 'POST', `/v1/projects/${DEMO_PROJECTS.jardinOntario}/needs`, {
      headers: write(TABLE),
      body: { category: 'human', title: { fr: 'X' }, unit: 'hours', wanted: 3, shift: { startsAt: '2027-06-05T12:00:00Z', endsAt: '2027-06-05T09:00:00Z' } },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].path, 'body.shift.endsAt');
  });

  test('a public need shows its progress', async () => {
    const res = await api(node, 'GET', `/v1/needs/${DEMO_NEEDS.jardinBenevoles}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.wanted, 10);
    assert.equal(res.body.pledged, 4);
    assert.equal(res.body.pledgeCount, (await node.db.query<any>('select count(*) as n from pledges where need_id = $1', [DEMO_NEEDS.jardinBenevoles]))[0].n);
    assert.equal((await api(node, 'GET', '/v1/needs/need_nowhere')).status, 404);
    assert.equal((await api(node, 'GET', `/v1/needs/${DEMO_NEEDS.bibliothequeOutilsOutils}`)).status, 404);
  });

  test('what is wanted can grow or shrink, never below what is pledged, and the status follows', async () => {
    const id = DEMO_NEEDS.patinoireBandes; // 30 planks wanted, 12 pledged
    const key = DEMO_KEYS.carrefourVilleray;
    const below = await api(node, 'PATCH', `/v1/needs/${id}`, { headers: bearer(key), body: { wanted: 11 } });
    assert.equal(below.status, 409);
    assert.equal(below.body.code, 'invalid_state');
    assert.equal((await needRow(id)).wanted, 30);
    const exact = await api(node, 'PATCH', `/v1/needs/${id}`, { headers: bearer(key), body: { wanted: 12 } });
    assert.equal(exact.body.status, 'filled');
    const more = await api(node, 'PATCH', `/v1/needs/${id}`, { headers: bearer(key), body: { wanted: 40, title: { fr: 'Planches', en: 'Planks' } } });
    assert.equal(more.body.status, 'open');
    assert.equal(more.body.title.en, 'Planks');
    assert.equal((await needRow(id)).wanted, 40);
    const tooMany = await api(node, 'PATCH', `/v1/needs/${id}`, { headers: bearer(key), body: { wanted: 500_000 } });
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.errors[0].path, 'body.wanted');
  });

  test('a closed need takes no pledge until it is reopened', async () => {
    const id = DEMO_NEEDS.patinoireFonds;
    const key = DEMO_KEYS.carrefourVilleray;
    const closed = await api(node, 'PATCH', `/v1/needs/${id}`, { headers: bearer(key), body: { status: 'closed' } });
    assert.equal(closed.body.status, 'closed');
    const refused = await api(node, 'POST', `/v1/needs/${id}/pledges`, { headers: write(), body: pledgeBody(1000) });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'invalid_state');
    const renamed = await api(node, 'PATCH', `/v1/needs/${id}`, { headers: bearer(key), body: { title: { fr: 'Boyaux' } } });
    assert.equal(renamed.body.status, 'closed');
    const reopened = await api(node, 'PATCH', `/v1/needs/${id}`, { headers: bearer(key), body: { status: 'open' } });
    assert.equal(reopened.body.status, 'open');
    assert.equal((await api(node, 'POST', `/v1/needs/${id}/pledges`, { headers: write(), body: pledgeBody(1000) })).status, 201);
  });

  test('the needs of a finished project no longer change', async () => {
    const key = DEMO_KEYS.carrefourVilleray;
    const res = await api(node, 'PATCH', '/v1/needs/need_fete-benevoles', { headers: bearer(key), body: { wanted: 30 } });
    assert.equal(res.status, 409);
    const added = await api(node, 'POST', `/v1/projects/${DEMO_PROJECTS.feteVoisins}/needs`, { headers: write(key), body: { category: 'financial', title: { fr: 'X' }, wanted: 1000 } });
    assert.equal(added.status, 409);
    assert.equal(added.body.code, 'invalid_state');
  });

  test("a need's unit, skills and shift change with the fields of its category; the unit stays what pledges were counted in", async () => {
    const key = DEMO_KEYS.carrefourVilleray;
    const patch = (id: string, body: unknown) => api(node, 'PATCH', `/v1/needs/${id}`, { headers: bearer(key), body });
    const shift = { startsAt: '2027-01-16T19:00:00-05:00', endsAt: '2027-01-16T23:00:00-05:00' };
    const human = await patch(DEMO_NEEDS.patinoireArrosage, { skills: ['arrosage', 'patin'], shift });
    assert.equal(human.status, 200, JSON.stringify(human.body));
    assert.deepEqual(human.body.skills, ['arrosage', 'patin']);
    assert.deepEqual(human.body.skillLabels, [{ label: { fr: 'arrosage' } }, { label: { fr: 'patin' } }], 'text outside the taxonomy: French only, no code');
    assert.equal(Date.parse(human.body.shift.startsAt), Date.parse(shift.startsAt));
    const row = await needRow(DEMO_NEEDS.patinoireArrosage);
    assert.deepEqual(row.skills, ['arrosage', 'patin']);
    assert.equal((await patch(DEMO_NEEDS.patinoireArrosage, { shift: null })).body.shift, null, 'null removes the shift');
    // 22 hours are pledged: the unit can't become people.
    const unit = await patch(DEMO_NEEDS.patinoireArrosage, { unit: 'people' });
    assert.equal(unit.status, 400);
    assert.deepEqual(unit.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['body.unit', 'unit_pledged']]);
    assert.equal((await needRow(DEMO_NEEDS.patinoireArrosage)).unit, 'hours');
    const backwards = await patch(DEMO_NEEDS.patinoireArrosage, { shift: { startsAt: shift.endsAt, endsAt: shift.startsAt } });
    assert.equal(backwards.body.errors[0].path, 'body.shift.endsAt');

    const label = await patch(DEMO_NEEDS.patinoireBandes, { unit: { fr: 'madriers', en: 'boards' } });
    assert.equal(label.status, 200);
    assert.deepEqual(label.body.unit, { fr: 'madriers', en: 'boards' });
    for (const [id, body, path] of [
      [DEMO_NEEDS.patinoireBandes, { skills: ['menuiserie'] }, 'body.skills'],
      [DEMO_NEEDS.patinoireBandes, { unit: 'hours' }, 'body.unit'],
      [DEMO_NEEDS.patinoireFonds, { shift }, 'body.shift'],
      [DEMO_NEEDS.patinoireFonds, { unit: { fr: 'dollars' } }, 'body.unit'],
    ] as const) {
      const res = await patch(id, body);
      assert.equal(res.status, 400, `${id} ${JSON.stringify(body)}`);
      assert.equal(res.body.errors[0].path, path);
    }
    assert.deepEqual((await needRow(DEMO_NEEDS.patinoireBandes)).skills, []);
  });

  test('skills: the taxonomy is public and cacheable; a need takes codes, labels in either language and free text, and answers each with its labels', async () => {
    const list = await api(node, 'GET', '/v1/skills');
    assert.equal(list.status, 200);
    assert.match(list.headers.get('cache-control') ?? '', /public/);
    assert.ok(list.headers.get('etag'));
    const codes = list.body.items.map((s: { code: string }) => s.code);
    assert.ok(codes.length >= 20, `${codes.length} skills`);
    assert.deepEqual(codes, [...codes].sort());
    assert.ok(list.body.items.every((s: { label: { fr?: string; en?: string } }) => s.label.fr && s.label.en), 'every skill has both labels');
    assert.deepEqual(list.body.items.find((s: { code: string }) => s.code === 'graphic-design'), { code: 'graphic-design', label: { fr: 'graphisme', en: 'graphic design' } });

    const id = (await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody() })).body.id;
    const written = ['graphic-design', 'Jardinage', 'gardening', 'bonne humeur', 'Translation', 'BONNE HUMEUR'];
    const created = await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(TABLE), body: { category: 'human', title: { fr: 'Affiches' }, unit: 'hours', wanted: 10, skills: written } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual((await needRow(created.body.id)).skills, ['graphic-design', 'gardening', 'bonne humeur', 'translation'], 'codes stored, free text as first typed, each once');
    assert.deepEqual(created.body.skills, ['graphisme', 'jardinage', 'bonne humeur', 'traduction']);
    assert.deepEqual(created.body.skillLabels, [
      { code: 'graphic-design', label: { fr: 'graphisme', en: 'graphic design' } },
      { code: 'gardening', label: { fr: 'jardinage', en: 'gardening' } },
      { label: { fr: 'bonne humeur' } },
      { code: 'translation', label: { fr: 'traduction', en: 'translation' } },
    ]);
    const detail = await api(node, 'GET', `/v1/projects/${id}`, { headers: bearer(TABLE) });
    assert.deepEqual(detail.body.needs[0].skillLabels, created.body.skillLabels, 'the project answers the same');
    // What a client read (the French labels) written back stays the same skills.
    const again = await api(node, 'PATCH', `/v1/needs/${created.body.id}`, { headers: bearer(TABLE), body: { skills: created.body.skills } });
    assert.deepEqual(again.body.skillLabels, created.body.skillLabels);
    const tooLong = await api(node, 'PATCH', `/v1/needs/${created.body.id}`, { headers: bearer(TABLE), body: { skills: ['x'.repeat(61)] } });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.errors[0].path, 'body.skills.0');
  });

  test('the demo data names its skills by code: every demo skill has an English label', async () => {
    const demo = [...new Set(PROJECTS.flatMap((p) => p.needs.flatMap((n) => n.skills ?? [])))];
    assert.ok(demo.length >= 10, `${demo.length} demo skills`);
    const known = await node.db.query<{ code: string }>(`select code from skills where label ? 'en' and code = any($1)`, [demo]);
    assert.deepEqual(demo.filter((code) => !known.some((k) => k.code === code)), []);
  });

  test('a need without pledges is deleted (a retry gets the same answer); one with pledges is refused with what to do instead', async () => {
    const id = (await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody() })).body.id;
    const need = (await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(TABLE), body: { category: 'material', title: { fr: 'Pelles' }, unit: { fr: 'pelles' }, wanted: 4 } })).body;
    assert.equal((await api(node, 'DELETE', `/v1/needs/${need.id}`, { headers: bearer(DEMO_KEYS.carrefourVilleray) })).status, 404, 'another organization’s key');
    const headers = write(TABLE);
    const deleted = await api(node, 'DELETE', `/v1/needs/${need.id}`, { headers });
    assert.deepEqual([deleted.status, deleted.body], [200, {}]);
    assert.equal(await needRow(need.id), undefined);
    assert.deepEqual([(await api(node, 'DELETE', `/v1/needs/${need.id}`, { headers })).status], [200], 'a retry with its Idempotency-Key gets the first answer');
    assert.equal((await api(node, 'DELETE', `/v1/needs/${need.id}`, { headers: bearer(TABLE) })).status, 404, 'a new request: it is gone');
    assert.equal((await api(node, 'GET', `/v1/projects/${id}`, { headers: bearer(TABLE) })).body.needs.length, 0);
    const [log] = await node.db.query<any>(`select action, subject, person_id from activity_log where organization_id = 'org_table-hochelaga' and action = 'need_deleted' order by created_at desc limit 1`);
    assert.deepEqual([log?.subject, log?.person_id], ['Pelles (Bacs à fleurs de la rue Adam)', null]);

    // 12 planks are pledged: refused in the person's language, nothing deleted.
    const fr = await api(node, 'DELETE', `/v1/needs/${DEMO_NEEDS.patinoireBandes}`, { headers: { ...bearer(DEMO_KEYS.carrefourVilleray), 'accept-language': 'fr-CA' } });
    assert.equal(fr.status, 409);
    assert.equal(fr.headers.get('content-type'), 'application/problem+json');
    assert.equal(fr.body.code, 'conflict');
    assert.match(fr.body.detail, /a reçu des promesses\u202F: il ne peut pas être supprimé\. Fermez-le plutôt/);
    const en = await api(node, 'DELETE', `/v1/needs/${DEMO_NEEDS.patinoireBandes}`, { headers: { ...bearer(DEMO_KEYS.carrefourVilleray), 'accept-language': 'en-CA' } });
    assert.match(en.body.detail, /has pledges: it can’t be deleted\. Close it instead/);
    assert.ok(await needRow(DEMO_NEEDS.patinoireBandes));
    assert.equal((await api(node, 'DELETE', '/v1/needs/need_fete-benevoles', { headers: bearer(DEMO_KEYS.carrefourVilleray) })).status, 409, 'a finished project’s needs stay');
  });

  test('a money need waiting for review, deleted, leaves the curator’s queue with it', async () => {
    const [project] = await node.db.query<any>(`select id from projects p where organization_id = 'org_table-hochelaga' and status = 'published' and not exists (select 1 from revisions r where r.subject_id = p.id and r.status = 'pending') order by id limit 1`);
    const need = (await api(node, 'POST', `/v1/projects/${project.id}/needs`, { headers: write(TABLE), body: { category: 'financial', title: { fr: 'Peinture' }, wanted: 5000 } })).body;
    assert.equal(need.inReview, true);
    const pending = () => node.db.query<any>(`select new_needs from revisions where subject_id = $1 and status = 'pending'`, [project.id]);
    assert.deepEqual((await pending()).map((r) => r.new_needs), [[need.id]]);
    assert.equal((await api(node, 'DELETE', `/v1/needs/${need.id}`, { headers: bearer(TABLE) })).status, 200);
    assert.deepEqual(await pending(), [], 'a revision with nothing left to review goes');
  });

  test('a need’s deadline: given at creation, changed, removed; a date that does not exist is refused at its field; the project page says it', async () => {
    const year = new Date().toLocaleDateString('sv-SE', { timeZone: 'America/Toronto' }).slice(0, 4);
    const id = (await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody() })).body.id;
    const created = await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(TABLE), body: { category: 'financial', title: { fr: 'Terreau' }, wanted: 5000, deadline: `${year}-12-15` } });
    assert.equal(created.status, 201);
    assert.equal(created.body.deadline, `${year}-12-15`);
    assert.equal((await needRow(created.body.id)).deadline !== null, true);
    const none = await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(TABLE), body: { category: 'financial', title: { fr: 'Pots' }, wanted: 5000 } });
    assert.equal('deadline' in none.body, false, 'absent when none was given');
    const bad = await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(TABLE), body: { category: 'financial', title: { fr: 'X' }, wanted: 5000, deadline: '2026-02-30' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path), ['body.deadline']);

    const key = DEMO_KEYS.carrefourVilleray;
    const patched = await api(node, 'PATCH', `/v1/needs/${DEMO_NEEDS.patinoireBandes}`, { headers: bearer(key), body: { deadline: `${year}-12-01` } });
    assert.equal(patched.body.deadline, `${year}-12-01`);
    assert.equal((await api(node, 'GET', `/v1/needs/${DEMO_NEEDS.patinoireBandes}`)).body.deadline, `${year}-12-01`, 'public');
    const fr = await (await fetch(`${node.url}/projects/${DEMO_PROJECTS.patinoire}?lang=fr`)).text();
    assert.match(fr, /D’ici le 1er\u00A0décembre</, 'the page without JavaScript, in French');
    const en = await (await fetch(`${node.url}/projects/${DEMO_PROJECTS.patinoire}?lang=en`)).text();
    assert.match(en, /By December 1</);
    await api(node, 'PATCH', `/v1/needs/${DEMO_NEEDS.patinoireBandes}`, { headers: bearer(key), body: { deadline: '2030-06-15' } });
    assert.match(await (await fetch(`${node.url}/projects/${DEMO_PROJECTS.patinoire}?lang=en`)).text(), /By June 15, 2030</, 'another year says its year');
    const removed = await api(node, 'PATCH', `/v1/needs/${DEMO_NEEDS.patinoireBandes}`, { headers: bearer(key), body: { deadline: null } });
    assert.equal('deadline' in removed.body, false);
    assert.equal((await api(node, 'PATCH', `/v1/needs/${DEMO_NEEDS.patinoireBandes}`, { headers: bearer(key), body: { deadline: '15 décembre' } })).body.errors[0].path, 'body.deadline');
  });
});
