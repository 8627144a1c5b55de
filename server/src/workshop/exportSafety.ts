import { stringify } from "csv-stringify/sync";

/** The first characters that make a spreadsheet read a cell as a formula or command (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell made safe to open in a spreadsheet, as OWASP's CSV-injection
 * advice says: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a single quote `'` in front, so Excel, LibreOffice and
 * Google Sheets show it as text instead of running it (`=HYPERLINK(...)`
 * becomes `'=HYPERLINK(...)`); the rest of the text is kept as typed.
 *
 * The rule is for text cells only (names, titles, notes, card texts, ids):
 * a cell given as a `number` is a measured value (a cost, a km saving of
 * -12.5, a place) that the server computed, never something a participant
 * typed, and it stays a number a spreadsheet can sum. Empty cells and
 * numbers are returned unchanged.
 */
export function csvCell(cell: string | number): string | number {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts with it (else "Łukasz" shows as "Å\u0081ukasz"). */
export const CSV_BOM = "\ufeff";

/**
 * Rows as CSV with a header of `columns`, every text cell through
 * {@link csvCell}, starting with the UTF-8 {@link CSV_BOM}; the separator is
 * a comma, and csv-stringify's quoting (of separators, quotes and line
 * breaks, RFC 4180) applies as usual. No `sep=` line: Excel ignores the BOM
 * after one. Every CSV export (the quartet and planner debrief, the rows per
 * participant) is written with this.
 */
export function safeCsv(rows: readonly (readonly (string | number)[])[], columns: readonly string[]): string {
  return stringify(
    rows.map((r) => r.map(csvCell)),
    { header: true, columns: columns.map(String), bom: true },
  );
}
