// CSV that opens safely in a spreadsheet (RFC 4180, formulas neutralized).

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

/** Rows to CSV text, CRLF between records as RFC 4180 says. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
