import { organizationName, type Lang, type Need, type ServiceSuggestions, type SuggestedService } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { NEED_COLUMNS, toNeed, type NeedRow } from '../db/queries/needs.ts';
import { visibleTo } from '../db/queries/projects.ts';
import { communitiesAround, matchServices, type Match, type Term } from '../db/queries/service-suggestions.ts';
import { Params, searchText } from '../db/queries/sql.ts';
import { ProblemError } from '../http/problem.ts';

// "Other organizations can help": for a public need, a few services of the node's directory whose
// name, description or taxonomy share the need's words, its skills or its kind, in the project's
// communities or those around them; never the project's own organization's. Public data only, the same for everyone: the answer is cacheable.

/** Words that say nothing of what is needed (at least four letters: shorter words are skipped anyway). */
const STOP_WORDS = new Set(
  'pour avec dans chez leur leurs notre nous vous votre cette sont plus tout tous toute toutes besoin besoins projet quartier from with your their this that have need needs help project some more'.split(' '),
);

/** What each kind of need is called in a service's description; found at the start of a word (`benevol`: bénévole, bénévolat). */
const KIND_WORDS: Record<Need['category'], string[]> = {
  human: ['benevol', 'volunteer'],
  material: ['materiel', 'equipement', 'equipment', 'pret', 'lending'],
  financial: ['financ', 'subvention', 'fonds', 'funding', 'grant'],
};

/** A need's words (title in both languages, skills) count twice its kind's. */
const WORD = 2;
const KIND = 1;
const MAX_TERMS = 16;

/** Every text in a value, whatever its shape: a skill's labels in French and English, or a copy's French-only skill. */
const textsOf = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(textsOf) : []);

/** The terms a need is matched with: its own words (a plural's final s or x dropped), then its kind's. */
export function needTerms(need: Need): Term[] {
  const words = new Set<string>();
  for (const text of [need.title.fr, need.title.en, ...(need.category === 'human' ? textsOf(need.skillLabels?.map((s) => s.label) ?? need.skills) : [])]) {
    for (const word of searchText(text).split(' ')) {
      if (word.length < 4 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      words.add(word.length > 4 ? word.replace(/[sx]$/, '') : word);
    }
  }
  const own = [...words].map((word) => ({ word, weight: WORD }));
  const kind = KIND_WORDS[need.category].filter((w) => !words.has(w)).map((word) => ({ word, weight: KIND }));
  return [...own, ...kind].slice(0, MAX_TERMS);
}

/** The public, open needs asked about: a project's (in its order) or one. Unknown, private or in review: 404. */
async function needsAskedAbout(q: Queryable, ask: { project: string } | { need: string }): Promise<{ projectId: string; organizationId: string; needs: Need[] }> {
  const p = new Params();
  const where = 'project' in ask ? `p.id = ${p.add(ask.project)} and n.status = 'open'` : `n.id = ${p.add(ask.need)}`;
  const rows = await q.query<NeedRow & { organization_id: string }>(
    `select ${NEED_COLUMNS}, p.organization_id from needs n join projects p on p.id = n.project_id
      where ${where} and ${visibleTo(null, p)} and not n.in_review order by n.position, n.created_at, n.id limit 50`,
    p.values,
  );
  if ('need' in ask && !rows.length) throw new ProblemError('not_found', `No need ${ask.need}`);
  if ('project' in ask && !rows.length) {
    const p2 = new Params();
    const [seen] = await q.query<{ organization_id: string }>(`select p.organization_id from projects p where p.id = ${p2.add(ask.project)} and ${visibleTo(null, p2)}`, p2.values);
    if (!seen) throw new ProblemError('not_found', `No project ${ask.project}`);
    return { projectId: ask.project, organizationId: seen.organization_id, needs: [] };
  }
  return { projectId: rows[0]!.project_id, organizationId: rows[0]!.organization_id, needs: rows.map(toNeed) };
}

const pick = (text: { fr: string; en?: string } | undefined, lang: Lang) => (text ? (lang === 'en' ? text.en : text.fr) : undefined);

/** At most 300 characters, cut at a word. */
function short(text: string | null | undefined): string | null {
  const flat = text?.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  if (flat.length <= 300) return flat;
  return `${flat.slice(0, 300).replace(/\s+\S*$/, '')}…`;
}

/** An http(s) URL, as the contract's SafeUrl has it, or null: an imported record may hold anything. */
function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function suggested(m: Match, lang: Lang): SuggestedService {
  if ('local' in m) {
    const { data: d, id, org_name, org_name_en, org_website } = m.local;
    // The text in the language asked for when the service has its name in it; French otherwise.
    const l: Lang = lang === 'en' && d.name.en ? 'en' : 'fr';
    return { id, name: pick(d.name, l)!, description: short(pick(d.description, l)), lang: l, organization: { name: organizationName({ name: org_name, nameEn: org_name_en ?? undefined }, lang) }, url: httpUrl(d.website) ?? httpUrl(org_website) };
  }
  const { data: d, lang: l, url, org_name } = m.imported;
  return {
    id: d.id,
    name: d.name,
    description: short(d.description),
    lang: l,
    organization: { name: d.organization?.name ?? org_name ?? null },
    url: httpUrl(d.url) ?? httpUrl(d.organization?.website),
    origin: url,
  };
}

/** Exactly one of `project` or `need`; `limit` services per need. */
export async function suggestServices(q: Queryable, ask: { project: string } | { need: string }, lang: Lang, limit: number): Promise<ServiceSuggestions> {
  const { projectId, organizationId, needs } = await needsAskedAbout(q, ask);
  if (!needs.length) return { needs: [] };
  const communities = await communitiesAround(q, projectId);
  const answers = [];
  for (const need of needs) {
    const matches = await matchServices(q, { terms: needTerms(need), communities, exceptOrganization: organizationId, limit });
    answers.push({ need: need.id, services: matches.map((m) => suggested(m, lang)) });
  }
  return { needs: answers };
}
