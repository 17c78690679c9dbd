// A city's worth of data for the benches, generated in the database (generate_series), not sent
// through HTTP: `projects` published projects, 5 needs each (2 human, 2 material, 1 financial),
// 2 confirmed pledges per need. Runs after the demo seed (its organizations and communities).
import type { Database } from '../src/db/database.ts';

export async function seedCity(db: Database, projects: number): Promise<void> {
  const words = `array['jardin','cuisine','ruelle','fete','velo','bibliotheque','friperie','atelier','murale','compost','soupe','patinoire']`;
  const themes = `array['agriculture','environment','education','culture','inclusion','local_commerce','food_security','health','housing','mobility','youth','seniors','sport','heritage']`;
  await db.exec(`
    create temporary table city_orgs as select row_number() over (order by id) as k, id from organizations;
    create temporary table city_places as select row_number() over (order by id) as k, id from communities where parent_id is not null;
    -- Every city project has the same needs and pledges (below): its progress is this, checked after.
    insert into projects (id, organization_id, status, title, summary, themes, search, created_at, updated_at, progress)
    select 'prj_city-' || i, (select id from city_orgs where k = 1 + i % (select count(*) from city_orgs)), 'published',
           jsonb_build_object('fr', initcap((${words})[1 + i % 12]) || ' de quartier n° ' || i, 'en', 'Neighbourhood ' || (${words})[1 + i % 12] || ' #' || i),
           jsonb_build_object('fr', 'Un projet de la ville pour mesurer la liste.'), array[(${themes})[1 + i % 14]],
           (${words})[1 + i % 12] || ' de quartier n ' || i || ' un projet de la ville pour mesurer la liste',
           now() - interval '1 hour' - i * interval '30 seconds', now(), '${JSON.stringify(PROGRESS)}'
      from generate_series(1, ${projects}) i;
    insert into project_communities (project_id, community_id)
    select 'prj_city-' || i, (select id from city_places where k = 1 + i % (select count(*) from city_places)) from generate_series(1, ${projects}) i;
    -- The needs arrive with their pledges already counted; their projects' progress is computed once, below.
    alter table needs disable trigger needs_progress;
    insert into needs (id, project_id, category, unit, unit_label, title, wanted, pledged, pledge_count, position)
    select 'need_city-' || i || '-' || j, 'prj_city-' || i,
           (array['human','human','material','material','financial'])[j],
           case when j <= 2 then 'people' end, case when j in (3, 4) then '{"fr": "pots"}'::jsonb end,
           '{"fr": "Un besoin"}', case when j = 5 then 1000000 else 50 end, case when j = 5 then 2000 else 2 end, 2, j
      from generate_series(1, ${projects}) i, generate_series(1, 5) j;
    alter table needs enable trigger needs_progress;
    -- A city's residents: each of 200,000 people (fewer for a smaller city) pledged about five times
    -- over the last year, the address hashes already purged (they are kept a day). The planner
    -- judges the caps' lookups by these spreads: one address for every pledge made it plan badly.
    insert into pledges (id, need_id, project_id, quantity, status, contact_name, contact_email, consent_version, consent_share, consent_updates, consent_at, lang, withdraw_token_hash, created_at, updated_at)
    select 'plg_city-' || i || '-' || j || '-' || k, 'need_city-' || i || '-' || j, 'prj_city-' || i, case when j = 5 then 1000 else 1 end, 'confirmed',
           'Voisine', 'voisine-' || (i * 10 + j * 2 + k) % ${Math.max(1, projects * 2)} || '@example.org', 'bench', true, false, at, 'fr', 'city-' || i || '-' || j || '-' || k, at, at
      from generate_series(1, ${projects}) i, generate_series(1, 5) j, generate_series(1, 2) k,
           lateral (select now() - ((i * 7 + j * 3 + k) % 365 + 1) * interval '1 day' as at) t;
    drop table city_orgs;
    drop table city_places;
  `);
  // As a live database is: vacuumed and analysed, so that autovacuum does not start on the new rows
  // in the middle of a measure (VACUUM runs outside a transaction: a statement of its own).
  await db.exec('vacuum analyze');
  // The trigger's own computation agrees with what was written (a changed seed would show here).
  const [check] = await db.query<{ same: boolean }>(`select progress = project_progress(id) as same from projects where id = 'prj_city-1'`);
  if (!check?.same) throw new Error('The city seed wrote a progress that the database would not compute');
}

// 2 human and 2 material needs of 50 with 2 pledged each, 1 financial need of $10,000 with $20 pledged.
const PROGRESS = [
  { category: 'financial', needs: 1, filled: 0, ratio: 0.002, wanted: 1_000_000, pledged: 2_000 },
  { category: 'human', needs: 2, filled: 0, ratio: 0.04, wanted: 100, pledged: 4 },
  { category: 'material', needs: 2, filled: 0, ratio: 0.04, wanted: 100, pledged: 4 },
];
