import type ExcelJS from "exceljs";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { InjectSpec } from "../../shared/scenario/schema.ts";
import { FIELD_COLUMNS, mselToRows, mselCsv, mselColumns, rowsToMsel, type LiveInject, type MselRow } from "../../shared/scenario/msel-csv.ts";
import type { ValidationError } from "../../shared/scenario/validate.ts";
import { mselOrder } from "../../shared/engine/msel-order.ts";
import { importProblems } from "../../shared/engine/msel-edit.ts";
import { msg, type Msg } from "../../shared/i18n/message.ts";
import { translate } from "../../shared/i18n/format.ts";

/**
 * The MSEL as a spreadsheet, both ways, for the console (server/http/msel-routes.ts) and the
 * CLI: CSV through csv-parse / csv-stringify, XLSX through exceljs (docs/DECISIONS.md). The
 * columns and their meaning are shared/scenario/msel-csv.ts's; only the container differs.
 * exceljs, jszip and csv-parse load on the first sheet read or written, not with the server:
 * exceljs alone brings some 400 modules, which an idle server would otherwise keep in memory
 * (docs/PERFORMANCE.md, "Rooms on demand").
 */
export const SHEET_FORMATS = ["csv", "xlsx"] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];
export const SHEET_TYPES: Record<SheetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
/** The columns a sheet must have to be read as an MSEL. */
export const REQUIRED_COLUMNS = ["Inject No.", "Title", "Message", "Type", "From"] as const;

/**
 * A fixed date for the workbook's properties and every file inside it, so that the same MSEL
 * always gives the same bytes (exceljs stamps the time of writing; a sheet exported twice would
 * otherwise differ, and a planner could not tell whether anything changed).
 */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** The live MSEL: every inject in the editor's order, with its status and when it was released. */
export function liveRows(state: ExerciseState, events: readonly ExerciseEvent[]): { rows: MselRow[]; columns: string[] } {
  const releasedAt = new Map<string, number>();
  for (const e of events) if (e.type === "injectReleased") releasedAt.set(e.inject, e.at);
  const order = mselOrder(state);
  const msel = order.map((id) => state.injects[id]!.spec);
  const live: Record<string, LiveInject> = {};
  for (const id of order) {
    const inject = state.injects[id]!;
    live[id] = {
      status: inject.held && inject.status === "planned" ? "held" : inject.status,
      releasedTurn: inject.releasedTurn,
      releasedAt: releasedAt.get(id) ?? null,
    };
  }
  const rows = mselToRows({ ...state.scenario, msel }, live);
  return { rows, columns: rows[0] ? Object.keys(rows[0]) : mselColumns() };
}

export async function writeSheet(format: SheetFormat, rows: readonly MselRow[], columns: readonly string[]): Promise<Buffer> {
  if (format === "csv") return Buffer.from(mselCsv(rows, columns), "utf8");
  const [{ default: ExcelJS }, { default: JSZip }] = await Promise.all([import("exceljs"), import("jszip")]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Concord";
  workbook.created = workbook.modified = FIXED_DATE;
  const sheet = workbook.addWorksheet("MSEL", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((header) => ({ header, key: header, width: Math.min(60, Math.max(10, header.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => row[c] ?? ""));
  // Every cell is text: "1.10" stays "1.10", not the number 1.1; long texts wrap.
  sheet.eachRow((row) => row.eachCell((cell) => ((cell.numFmt = "@"), (cell.alignment = { wrapText: true, vertical: "top" }))));
  const written = await workbook.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(written);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name]!;
    if (!file.dir) out.file(name, await file.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** One fault of a sheet, named by its row (2 = the first below the header) and column when it has one. */
export type SheetProblem = { row: number | null; column: string | null; msg: Msg; message: string };

/** The rows of a CSV or XLSX file, each a column → text record; or why the file cannot be read. */
export async function readSheet(format: SheetFormat, bytes: Buffer): Promise<{ ok: true; rows: Record<string, string>[] } | { ok: false; problem: Msg }> {
  if (format === "csv") {
    const { parse } = await import("csv-parse/sync");
    try {
      return { ok: true, rows: parse(bytes.toString("utf8"), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }) };
    } catch (error) {
      return { ok: false, problem: msg("msel.sheet.unreadableCsv", { error: (error as Error).message }) };
    }
  }
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, problem: msg("msel.sheet.unreadableXlsx", { error: (error as Error).message }) };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: msg("msel.sheet.noWorksheet") };
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => void (header[col] = cellText(cell.value).trim()));
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: Record<string, string> = {};
    header.forEach((name, col) => {
      if (name) record[name] = cellText(row.getCell(col).value);
    });
    rows.push(record);
  }
  return { ok: true, rows };
}

/** A cell as text: numbers as written, rich text joined, formulas by their last result, dates in ISO 8601. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "richText" in value) return value.richText.map((p) => p.text).join("");
  if (typeof value === "object" && "result" in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === "object" && "text" in value) return String(value.text);
  return "";
}

/**
 * A sheet read against an exercise: the MSEL it would give, or every fault by row and column
 * (the sheet's own: a missing column, bad JSON, a field the schema refuses; then the scenario
 * validator's, against this exercise's nations, regions and turns). Nothing is changed here.
 */
export function checkSheet(state: ExerciseState, rows: Record<string, string>[]): { ok: true; msel: InjectSpec[] } | { ok: false; problems: SheetProblem[] } {
  const missing = REQUIRED_COLUMNS.filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (rows.length === 0) return { ok: false, problems: [sheetProblem(null, null, msg("msel.sheet.empty"))] };
  if (missing.length) return { ok: false, problems: missing.map((c) => sheetProblem(1, c, msg("msel.sheet.missingColumn", { column: c }))) };
  const read = rowsToMsel(rows, state.scenario);
  if (!read.ok) return { ok: false, problems: read.errors.map(fromRowError) };
  // Which sheet row each inject came from (blank rows are skipped).
  const rowOf = rows.map((_, i) => i + 2).filter((_, i) => Object.values(rows[i]!).some((v) => v.trim() !== ""));
  const found = importProblems(state, read.msel);
  if (found.length) {
    return {
      ok: false,
      problems: found.map(({ index, problem }) =>
        index === null ? sheetProblem(null, problem.field, problem.msg) : sheetProblem(rowOf[index] ?? null, columnOfField(problem.field), problem.msg),
      ),
    };
  }
  return { ok: true, msel: read.msel };
}

function sheetProblem(row: number | null, column: string | null, m: Msg): SheetProblem {
  return { row, column, msg: m, message: translate("en", m) };
}

/** rowsToMsel names places as `row 3, column "Turn"` (and `… at [0].kind` inside JSON). */
function fromRowError(e: ValidationError): SheetProblem {
  const at = /^row (\d+), column "([^"]+)"(?: at (.*))?$/.exec(e.path);
  const m = e.msg ?? msg("scenario.schema.other", { text: at?.[3] ? `${at[3]}: ${e.message}` : e.message });
  return { row: at ? Number(at[1]) : null, column: at ? at[2]! : e.path, msg: m, message: translate("en", m) };
}

/** The column a validator path (`trigger.turn`, `effects[0].region`) lives in. */
function columnOfField(field: string): string {
  if (field.startsWith("trigger.condition")) return "Trigger Condition (JSON)";
  if (field.startsWith("trigger")) return "Turn";
  const head = /^[a-zA-Z]+/.exec(field)?.[0] ?? field;
  return Object.hasOwn(FIELD_COLUMNS, head) ? FIELD_COLUMNS[head]! : field;
}
