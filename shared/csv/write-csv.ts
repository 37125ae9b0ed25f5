// The package's browser build: its Node entry (`csv-stringify/sync`) reads the global `Buffer`
// when it loads, which browsers do not have, and shared/ is bundled for the browser too. The
// browser build is self-contained ESM (it carries its own Buffer) and runs unchanged in Node.
import { stringify } from "csv-stringify/browser/esm/sync";

export type CsvCell = string | number | null | undefined;

/** The characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Every CSV Concord writes goes through here. Text from participants and planners ends up in
 * these files and then in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (or their full-width forms) is prefixed with `'`, so that it is shown as text
 * and never evaluated (csv-stringify's `escape_formulas`; numbers such as -3 stay numbers).
 * Cells with a comma, a quote or any line break are quoted; records end with CRLF (RFC 4180).
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows] as CsvCell[][], { escape_formulas: true, record_delimiter: "\r\n", quote_record_delimiter: true, bom: false });
}

/**
 * Undoes writeCsv's prefix when a sheet is read back in (the MSEL import): `'=x` becomes `=x`.
 * Only a `'` followed by a formula character is removed, which is the only place writeCsv adds one
 * (a cell that really began with `'=` loses its apostrophe: the price of a readable sheet).
 */
export function unescapeCsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
