// The node's one CSV writer, which every export goes through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, dollars, toCsv } from '../src/services/csv.ts';

describe('CSV writer', () => {
  it('neutralizes cells a spreadsheet would run as formulas', () => {
    for (const evil of ['=HYPERLINK("http://x.test","clic")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      assert.ok(csvCell(evil).replace(/^"/, '').startsWith("'"), `${JSON.stringify(evil)} → ${csvCell(evil)}`);
    }
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('Jardin = joie'), 'Jardin = joie');
  });

  it('quotes commas, quotes and line breaks; leaves numbers alone', () => {
    assert.equal(csvCell('Pelles, râteaux'), '"Pelles, râteaux"');
    assert.equal(csvCell('Le « grand » "ménage"'), '"Le « grand » ""ménage"""');
    assert.equal(csvCell('ligne 1\nligne 2'), '"ligne 1\nligne 2"');
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(null), '');
  });

  it('starts with a BOM and ends records with CRLF; money in dollars', () => {
    assert.equal(toCsv([['a', 1], ['=b', 'c,d']]), "\uFEFFa,1\r\n'=b,\"c,d\"\r\n");
    assert.equal(dollars(12_345), '123.45');
    assert.equal(dollars(5_000), '50.00');
  });
});
