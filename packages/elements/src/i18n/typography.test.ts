import { expect } from '@open-wc/testing';
import { badFrenchSpacing } from '@perron/contract';
import { fullDay } from '../event-calendar/dates.ts';
import { formatters } from '../internal/format.ts';
import fr from './fr-CA.ts';

/**
 * Every French string an element can show, functions called with a stand-in that reads as a
 * number (2), a word and the formatters at once, so that each template's own spaces are seen.
 */
function texts(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    const arg = Object.assign(formatters('fr-CA'), { [Symbol.toPrimitive]: (hint: string) => (hint === 'number' ? 2 : 'Jardin') });
    texts((value as (...a: unknown[]) => unknown)(arg, arg, arg), `${path}()`, out);
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('French typography in the elements', () => {
  const all = texts(fr, '');

  it('finds the strings', () => {
    expect(all.length).to.be.greaterThan(150);
    expect(all.find(([p]) => p === 'calendar.keys')![1]).to.equal('Flèches\u202F: changer de jour. Page précédente, Page suivante\u202F: changer de mois.');
  });

  it('puts no plain space before : ; ! ? » or after «, and no straight apostrophe', () => {
    const bad = all.filter(([, text]) => badFrenchSpacing(text) || /\p{L}'\p{L}/u.test(text));
    expect(bad).to.deep.equal([]);
  });

  it('writes the first of a month "1er"', () => {
    const f = formatters('fr-CA');
    expect(f.day('2026-12-01')).to.equal('1er\u00A0décembre 2026');
    expect(fullDay('fr-CA', '2026-12-01')).to.equal('mardi 1er\u00A0décembre 2026');
    expect(fullDay('fr-CA', '2026-12-01', false), 'a grid cell shows « 1 »').to.equal('mardi 1 décembre 2026');
    expect(f.day('2026-12-11')).to.equal('11 décembre 2026');
    expect(formatters('en-CA').day('2026-12-01')).to.equal('December 1, 2026');
  });
});
