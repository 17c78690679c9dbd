import { MAX_PLEDGE, isBounded, type Need, type Project } from '@perron/contract';
import { addFrench, type Messages } from '../i18n/locale.ts';
import { localized, type Formatters } from './format.ts';
import frNeeds from '../i18n/fr-CA/needs.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frNeeds);

/** A quantity in the need's unit, as words: « 3 h », « 2 personnes », « 12 chaises », « 250 $ ». */
export function amount(t: Messages, f: Formatters, need: Need, n: number, lang: 'fr' | 'en') {
  switch (need.category) {
    case 'human':
      return need.unit === 'hours' ? t.needs.hours(n, f) : t.needs.people(n, f);
    case 'material':
      return `${f.number(n)} ${localized(need.unit, lang).value}`;
    case 'financial':
      return f.money(n);
  }
}

/** The most one pledge may give to a need: the contract's cap, and what is left of a bounded need. */
export function maxPledge(need: Need) {
  const cap =
    need.category === 'human'
      ? MAX_PLEDGE[need.unit]
      : need.category === 'material'
        ? MAX_PLEDGE.material
        : MAX_PLEDGE.cents;
  return isBounded(need.category) ? Math.max(0, Math.min(cap, need.wanted - need.pledged)) : cap;
}

/** Whether a need still takes pledges. */
export const isOpen = (need: Need) => need.status === 'open' && maxPledge(need) > 0;

/** « 25 », « 25,50 », « 1 000,50 $ », "25.50" → cents; NaN when it is not an amount. */
export function parseCents(input: string): number {
  const cleaned = input.replace(/[\s\u00a0\u202f$]/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Math.round(Number(cleaned) * 100) : Number.NaN;
}

/** A money need of a project whose supporters have not reached its threshold yet: it takes no pledge. */
export const waitsForSupporters = (project: Pick<Project, 'crowdfunding'>, need: Need) =>
  need.category === 'financial' && !!project.crowdfunding && !project.crowdfunding.unlocked;
