-- The skills a volunteer need can ask for, by code, with their French and English labels, so that
-- an English page never shows a French skill's name. A need's `skills` holds these codes, or free
-- text its organization typed (kept as written, shown as French). The node's team may add rows.
create table skills (
  code text primary key check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(code) <= 60),
  label jsonb not null check (label ? 'fr')
);

insert into skills (code, label) values
  ('accounting', '{"fr": "comptabilité", "en": "accounting"}'),
  ('arabic', '{"fr": "arabe", "en": "Arabic"}'),
  ('bike-repair', '{"fr": "mécanique vélo", "en": "bike repair"}'),
  ('carpentry', '{"fr": "menuiserie", "en": "carpentry"}'),
  ('computer-help', '{"fr": "aide informatique", "en": "computer help"}'),
  ('cooking', '{"fr": "cuisine", "en": "cooking"}'),
  ('driving', '{"fr": "conduite automobile", "en": "driving"}'),
  ('electronics', '{"fr": "électronique", "en": "electronics"}'),
  ('english', '{"fr": "anglais", "en": "English"}'),
  ('facilitation', '{"fr": "animation", "en": "facilitation"}'),
  ('first-aid', '{"fr": "premiers soins", "en": "first aid"}'),
  ('food-safety', '{"fr": "hygiène alimentaire", "en": "food safety"}'),
  ('gardening', '{"fr": "jardinage", "en": "gardening"}'),
  ('graphic-design', '{"fr": "graphisme", "en": "graphic design"}'),
  ('handiwork', '{"fr": "bricolage", "en": "handiwork"}'),
  ('horticulture', '{"fr": "horticulture", "en": "horticulture"}'),
  ('light-carpentry', '{"fr": "menuiserie légère", "en": "light carpentry"}'),
  ('photography', '{"fr": "photographie", "en": "photography"}'),
  ('physical-work', '{"fr": "travail physique", "en": "physical work"}'),
  ('sewing', '{"fr": "couture", "en": "sewing"}'),
  ('social-media', '{"fr": "médias sociaux", "en": "social media"}'),
  ('spanish', '{"fr": "espagnol", "en": "Spanish"}'),
  ('translation', '{"fr": "traduction", "en": "translation"}'),
  ('writing', '{"fr": "rédaction", "en": "writing"}');

-- Skills already written as one of these labels (French or English) or codes become that code;
-- any other text stays as typed, in its place.
update needs n set skills = array(
  select coalesce(s.code, u.v)
    from unnest(n.skills) with ordinality as u(v, i)
    left join lateral (
      select k.code from skills k
       where k.code = lower(u.v) or lower(k.label->>'fr') = lower(u.v) or lower(k.label->>'en') = lower(u.v)
       order by k.code limit 1
    ) s on true
   order by u.i)
 where cardinality(n.skills) > 0;
