// The node's one CSV writer: exports open right in a spreadsheet (RFC 4180, UTF-8 with a BOM,
// formulas neutralized).

export type Cell = string | number | null | undefined;

/**
 * One cell. A text starting with = + - @ tab or CR would run as a formula in Excel, LibreOffice or
 * Sheets (CSV injection): a leading ' makes it plain text. Numbers we write are left as numbers.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text, CRLF between records as RFC 4180 says; the BOM lets Excel read the accents as UTF-8. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Cents as dollars with two decimals, a number a spreadsheet sums: 5000 → "50.00". */
export const dollars = (cents: number) => (cents / 100).toFixed(2);
