import { InjectSpec, type ScenarioSpec } from "./schema.ts";
import { formatPath, type ValidationError } from "./validate.ts";
import { writeCsv, unescapeCsvCell } from "../csv/write-csv.ts";
import { DEFAULT_LANG, LANGUAGES, type Lang } from "../i18n/languages.ts";

/**
 * The MSEL as spreadsheet rows with HSEEP columns, plus machine columns (JSON) that make the
 * round trip lossless. Planners edit the human columns; the JSON columns carry effects, expected
 * actions and trigger conditions that a spreadsheet cannot express.
 */
export const MSEL_COLUMNS = [
  "Inject No.",
  "Turn",
  "Scenario Time",
  "From",
  "To",
  "Type",
  "Delivery",
  "Title",
  "Message",
  "Expected Player Action",
  "Objective",
  "Capability",
  "Critical Tasks",
  "Controller",
  "Notes",
  "Trigger",
  "Status",
  "Released Turn",
  "Released At",
  "ID",
  "Effects (JSON)",
  "Expected Actions (JSON)",
  "Trigger Condition (JSON)",
] as const;
export type MselColumn = (typeof MSEL_COLUMNS)[number];
/** The base columns, plus `Title (fr)` … for each language the scenario is translated into. */
export type MselRow = Record<MselColumn, string> & { [translationColumn: string]: string };

/**
 * The columns that hold texts people read, and the inject field each holds. Each gets a twin
 * column per translation, right after it: "Title", "Title (fr)". The plain column is the
 * scenario's main language.
 */
const TEXT_COLUMNS = {
  From: "from",
  Title: "title",
  Message: "body",
  "Expected Player Action": "description",
  Objective: "objective",
  Capability: "capability",
} as const;
type TextColumn = keyof typeof TEXT_COLUMNS;
const isTextColumn = (column: string): column is TextColumn => Object.hasOwn(TEXT_COLUMNS, column);
export const translationColumn = (column: TextColumn, lang: Lang) => `${column} (${lang})`;

/** The sheet's columns for a scenario translated into `translations` (main language excluded). */
export function mselColumns(translations: readonly Lang[] = []): string[] {
  return MSEL_COLUMNS.flatMap((column) => (isTextColumn(column) ? [column, ...translations.map((lang) => translationColumn(column, lang))] : [column]));
}

type Languages = Partial<Pick<ScenarioSpec, "language" | "languages">>;
/** The languages a sheet carries besides the main one: those declared, and any an inject is translated into. */
function translationsOf(scenario: Languages & Pick<ScenarioSpec, "msel">): Lang[] {
  const main = scenario.language ?? DEFAULT_LANG;
  const present = new Set<Lang>(scenario.languages ?? []);
  for (const inject of scenario.msel) {
    for (const lang of Object.keys(inject.i18n ?? {}) as Lang[]) present.add(lang);
    for (const action of inject.expectedActions) for (const lang of Object.keys(action.i18n ?? {}) as Lang[]) present.add(lang);
  }
  return LANGUAGES.filter((lang) => lang !== main && present.has(lang));
}

function scenarioTime(scenario: Pick<ScenarioSpec, "startTime" | "hoursPerTurn">, turn: number): string {
  return new Date(Date.parse(scenario.startTime) + (turn - 1) * scenario.hoursPerTurn * 3600_000).toISOString().replace(".000Z", "Z");
}

/** An inject as play left it (the live MSEL): its status, and the turn and time it was released. */
export type LiveInject = { status: string; releasedTurn: number | null; releasedAt: number | null };

/**
 * Several expected actions share one cell, numbered "1. …", "2. …" so that an action written
 * over several lines stays one action; a single action is written as it is.
 */
export function joinActions(descriptions: readonly string[]): string {
  return descriptions.length === 1 ? descriptions[0]! : descriptions.map((d, i) => `${i + 1}. ${d}`).join("\n");
}

/**
 * The descriptions of `count` actions back from a cell. Numbered lines ("1. ", "2. " … in turn)
 * start each action; a sheet written before numbering (one action per line) is read line by
 * line when it has one line per action; a single action is the whole cell.
 */
export function splitActions(cell: string, count: number): string[] {
  if (count <= 1) return cell === "" ? [] : [cell];
  const lines = cell.split(/\r?\n/);
  if (lines[0]?.startsWith("1. ")) {
    const out: string[] = [];
    for (const line of lines) {
      const next = `${out.length + 1}. `;
      if (line.startsWith(next)) out.push(line.slice(next.length));
      else if (out.length) out[out.length - 1] += `\n${line}`;
    }
    return out;
  }
  // One line per action, by position (a blank line: that action has no text in this column).
  return lines.length === count ? lines.map((l) => l.trim()) : lines.map((l) => l.trim()).filter(Boolean);
}

export function mselToRows(
  scenario: Pick<ScenarioSpec, "msel" | "startTime" | "hoursPerTurn"> & Languages,
  live: Readonly<Record<string, LiveInject>> = {},
): MselRow[] {
  const translations = translationsOf(scenario);
  return scenario.msel.map((inject) => {
    const played = Object.hasOwn(live, inject.id) ? live[inject.id]! : null;
    const trigger = inject.trigger;
    const turn = trigger.kind === "scheduled" ? String(trigger.turn) : trigger.kind === "conditional" ? String(trigger.earliestTurn) : "";
    const base: MselRow = {
      "Inject No.": inject.number,
      Turn: turn,
      "Scenario Time": trigger.kind === "scheduled" ? scenarioTime(scenario, trigger.turn) : "",
      From: inject.from,
      To: inject.to === "all" ? "all" : inject.to.join("; "),
      Type: inject.type,
      Delivery: inject.delivery,
      Title: inject.title,
      Message: inject.body,
      "Expected Player Action": joinActions(inject.expectedActions.map((e) => e.description)),
      Objective: inject.objective,
      Capability: inject.capability,
      // The EEG critical tasks the inject tests, by id (the expected actions' own task is in their JSON).
      "Critical Tasks": (inject.tasks ?? []).join("; "),
      Controller: inject.controller ?? "",
      Notes: inject.notes ?? "",
      Trigger: trigger.kind,
      Status: played?.status ?? "planned",
      "Released Turn": played?.releasedTurn != null ? String(played.releasedTurn) : "",
      "Released At": played?.releasedAt != null ? new Date(played.releasedAt).toISOString() : "",
      ID: inject.id,
      "Effects (JSON)": inject.effects.length ? JSON.stringify(inject.effects) : "",
      // Translations travel in their own columns, not in the JSON.
      "Expected Actions (JSON)": inject.expectedActions.length ? JSON.stringify(inject.expectedActions.map(({ i18n: _, ...action }) => action)) : "",
      "Trigger Condition (JSON)": trigger.kind === "conditional" ? JSON.stringify(trigger.condition) : "",
    };
    const row: MselRow = {} as MselRow;
    for (const column of mselColumns(translations)) {
      const twin = /^(.*) \((\w+)\)$/.exec(column);
      if (!twin || !isTextColumn(twin[1]!)) {
        row[column] = base[column as MselColumn];
        continue;
      }
      const [source, lang] = [twin[1] as TextColumn, twin[2] as Lang];
      row[column] =
        source === "Expected Player Action"
          ? inject.expectedActions.length === 1
            ? (inject.expectedActions[0]!.i18n?.[lang]?.description ?? "")
            : inject.expectedActions.map((e, i) => `${i + 1}. ${e.i18n?.[lang]?.description ?? ""}`).join("\n")
          : (inject.i18n?.[lang]?.[TEXT_COLUMNS[source] as Exclude<(typeof TEXT_COLUMNS)[TextColumn], "description">] ?? "");
    }
    return row;
  });
}

/** The MSEL as a CSV file, header first (shared/csv/write-csv.ts neutralises formulas). */
export function mselCsv(rows: readonly MselRow[], columns: readonly string[] = rows[0] ? Object.keys(rows[0]) : MSEL_COLUMNS): string {
  return writeCsv(
    columns,
    rows.map((row) => columns.map((column) => row[column] ?? "")),
  );
}

/**
 * Reads edited rows back into an MSEL. Every problem is reported as `row N, column X: …`
 * (row 2 is the first data row, as a spreadsheet numbers it).
 */
export function rowsToMsel(
  rows: Record<string, string>[],
  scenario: Languages = {},
): { ok: true; msel: InjectSpec[] } | { ok: false; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const msel: InjectSpec[] = [];
  const main = scenario.language ?? DEFAULT_LANG;
  // The translation columns the sheet has: a sheet without them still imports (main language only).
  const twins = (column: TextColumn) => LANGUAGES.filter((lang) => lang !== main && rows.some((row) => translationColumn(column, lang) in row));
  rows.forEach((raw, index) => {
    const rowNo = index + 2;
    const at = (column: string) => `row ${rowNo}, column "${column}"`;
    // Texts keep their line breaks and surrounding spaces as written; codes and numbers are trimmed.
    const text = (column: string) => unescapeCsvCell(raw[column] ?? "");
    const cell = (column: string) => text(column).trim();
    const get = (column: (typeof MSEL_COLUMNS)[number]) => cell(column);
    if (MSEL_COLUMNS.every((c) => !get(c))) return; // blank line in the sheet
    const json = (column: "Effects (JSON)" | "Expected Actions (JSON)" | "Trigger Condition (JSON)", fallback: unknown): unknown => {
      const text = get(column);
      if (!text) return fallback;
      try {
        return JSON.parse(text);
      } catch (error) {
        errors.push({ path: at(column), message: `not valid JSON (${(error as Error).message})` });
        return fallback;
      }
    };
    const triggerKind = get("Trigger") || (get("Turn") ? "scheduled" : "manual");
    const turn = Number(get("Turn"));
    let trigger: unknown;
    if (triggerKind === "scheduled") {
      if (!Number.isInteger(turn) || turn < 1) errors.push({ path: at("Turn"), message: `a scheduled inject needs a turn number (got "${get("Turn")}")` });
      trigger = { kind: "scheduled", turn };
    } else if (triggerKind === "manual") trigger = { kind: "manual" };
    else if (triggerKind === "conditional") {
      const condition = json("Trigger Condition (JSON)", undefined);
      if (condition === undefined) errors.push({ path: at("Trigger Condition (JSON)"), message: "a conditional inject needs its condition as JSON" });
      trigger = { kind: "conditional", condition, earliestTurn: Number.isInteger(turn) && turn >= 1 ? turn : 1 };
    } else errors.push({ path: at("Trigger"), message: `unknown trigger "${triggerKind}" (scheduled, manual or conditional)` });

    const expectedJson = json("Expected Actions (JSON)", null) as { description?: string }[] | null;
    const count = expectedJson?.length ?? (get("Expected Player Action") ? 1 : 0);
    const expectedText = splitActions(text("Expected Player Action"), count);
    // The human column wins for descriptions, so a planner can reword them in the sheet.
    const linesOf = (column: string) => splitActions(text(column), count);
    const expectedTranslations = twins("Expected Player Action").map((lang) => [lang, linesOf(translationColumn("Expected Player Action", lang))] as const);
    const expectedActions = expectedJson
      ? expectedJson.map((e, k) => {
          const action: Record<string, unknown> = { ...e, description: expectedText[k] || e.description };
          const i18n: Record<string, Record<string, unknown>> = { ...((e as { i18n?: Record<string, Record<string, unknown>> }).i18n ?? {}) };
          for (const [lang, lines] of expectedTranslations) {
            const { description: _, ...rest } = i18n[lang] ?? {};
            i18n[lang] = lines[k] ? { ...rest, description: lines[k] } : rest;
            if (Object.keys(i18n[lang]!).length === 0) delete i18n[lang];
          }
          delete action["i18n"];
          if (Object.keys(i18n).length) action["i18n"] = i18n;
          return action;
        })
      : [];
    const i18n: Partial<Record<Lang, Record<string, string>>> = {};
    for (const column of Object.keys(TEXT_COLUMNS) as TextColumn[]) {
      if (column === "Expected Player Action") continue;
      for (const lang of twins(column)) {
        const translated = text(translationColumn(column, lang));
        if (translated) (i18n[lang] ??= {})[TEXT_COLUMNS[column]] = translated;
      }
    }
    if (!expectedJson && expectedText.length)
      errors.push({
        path: at("Expected Actions (JSON)"),
        message: "describe how a new expected action is recognised (command, nations, withinTurns) as JSON, or leave the action text empty",
      });
    const to = get("To");
    const candidate = {
      id:
        get("ID") ||
        `inject-${get("Inject No.")
          .replace(/[^a-z0-9]+/gi, "-")
          .toLowerCase()}`,
      number: get("Inject No."),
      trigger,
      type: get("Type"),
      delivery: get("Delivery") || "message",
      from: text("From"),
      to:
        to === "all" || to === ""
          ? "all"
          : to
              .split(/[;,]/)
              .map((n) => n.trim())
              .filter(Boolean),
      title: text("Title"),
      body: text("Message"),
      effects: json("Effects (JSON)", []),
      expectedActions,
      objective: text("Objective"),
      capability: text("Capability"),
      ...(text("Controller") ? { controller: text("Controller") } : {}),
      ...(text("Notes") ? { notes: text("Notes") } : {}),
      ...(text("Critical Tasks")
        ? {
            tasks: text("Critical Tasks")
              .split(/[;,]/)
              .map((t) => t.trim())
              .filter(Boolean),
          }
        : {}),
      ...(Object.keys(i18n).length ? { i18n } : {}),
    };
    const parsed = InjectSpec.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ path: `row ${rowNo}, ${columnOf(issue.path)}`, message: issue.message });
      return;
    }
    msel.push(parsed.data);
  });
  return errors.length ? { ok: false, errors } : { ok: true, msel };
}

/** The sheet column an inject field is read from (the CLI and the browser import name faults by it). */
export const FIELD_COLUMNS: Record<string, string> = {
  id: "ID",
  number: "Inject No.",
  type: "Type",
  delivery: "Delivery",
  from: "From",
  to: "To",
  title: "Title",
  body: "Message",
  effects: "Effects (JSON)",
  expectedActions: "Expected Actions (JSON)",
  objective: "Objective",
  capability: "Capability",
  tasks: "Critical Tasks",
  controller: "Controller",
  notes: "Notes",
  trigger: "Trigger",
};

function columnOf(path: readonly PropertyKey[]): string {
  if (path[0] === "i18n" && path.length >= 3) {
    const column = FIELD_COLUMNS[String(path[2])] ?? String(path[2]);
    return `column "${column} (${String(path[1])})"`;
  }
  const column = FIELD_COLUMNS[String(path[0])] ?? String(path[0]);
  const rest = path.slice(1);
  return rest.length ? `column "${column}" at ${formatPath(rest)}` : `column "${column}"`;
}
