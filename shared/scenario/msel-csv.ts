import { InjectSpec, type ScenarioSpec } from "./schema.ts";
import { formatPath, type ValidationError } from "./validate.ts";
import { writeCsv, unescapeCsvCell } from "../csv/write-csv.ts";

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
  "Trigger",
  "Status",
  "ID",
  "Effects (JSON)",
  "Expected Actions (JSON)",
  "Trigger Condition (JSON)",
] as const;
export type MselRow = Record<(typeof MSEL_COLUMNS)[number], string>;

function scenarioTime(scenario: Pick<ScenarioSpec, "startTime" | "hoursPerTurn">, turn: number): string {
  return new Date(Date.parse(scenario.startTime) + (turn - 1) * scenario.hoursPerTurn * 3600_000).toISOString().replace(".000Z", "Z");
}

export function mselToRows(scenario: Pick<ScenarioSpec, "msel" | "startTime" | "hoursPerTurn">): MselRow[] {
  return scenario.msel.map((inject) => {
    const trigger = inject.trigger;
    const turn = trigger.kind === "scheduled" ? String(trigger.turn) : trigger.kind === "conditional" ? String(trigger.earliestTurn) : "";
    return {
      "Inject No.": inject.number,
      Turn: turn,
      "Scenario Time": trigger.kind === "scheduled" ? scenarioTime(scenario, trigger.turn) : "",
      From: inject.from,
      To: inject.to === "all" ? "all" : inject.to.join("; "),
      Type: inject.type,
      Delivery: inject.delivery,
      Title: inject.title,
      Message: inject.body,
      "Expected Player Action": inject.expectedActions.map((e) => e.description).join("\n"),
      Objective: inject.objective,
      Capability: inject.capability,
      Trigger: trigger.kind,
      Status: "planned",
      ID: inject.id,
      "Effects (JSON)": inject.effects.length ? JSON.stringify(inject.effects) : "",
      "Expected Actions (JSON)": inject.expectedActions.length ? JSON.stringify(inject.expectedActions) : "",
      "Trigger Condition (JSON)": trigger.kind === "conditional" ? JSON.stringify(trigger.condition) : "",
    };
  });
}

/** The MSEL as a CSV file, header first (shared/csv/write-csv.ts neutralises formulas). */
export function mselCsv(rows: readonly MselRow[]): string {
  return writeCsv(MSEL_COLUMNS, rows.map((row) => MSEL_COLUMNS.map((column) => row[column])));
}

/**
 * Reads edited rows back into an MSEL. Every problem is reported as `row N, column X: …`
 * (row 2 is the first data row, as a spreadsheet numbers it).
 */
export function rowsToMsel(rows: Record<string, string>[]): { ok: true; msel: InjectSpec[] } | { ok: false; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const msel: InjectSpec[] = [];
  rows.forEach((raw, index) => {
    const rowNo = index + 2;
    const at = (column: string) => `row ${rowNo}, column "${column}"`;
    const get = (column: (typeof MSEL_COLUMNS)[number]) => unescapeCsvCell((raw[column] ?? "").trim()).trim();
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
    const expectedText = get("Expected Player Action").split("\n").map((l) => l.trim()).filter(Boolean);
    // The human column wins for descriptions, so a planner can reword them in the sheet.
    const expectedActions = expectedJson ? expectedJson.map((e, k) => ({ ...e, description: expectedText[k] ?? e.description })) : [];
    if (!expectedJson && expectedText.length) errors.push({ path: at("Expected Actions (JSON)"), message: "describe how a new expected action is recognised (command, nations, withinTurns) as JSON, or leave the action text empty" });
    const to = get("To");
    const candidate = {
      id: get("ID") || `inject-${get("Inject No.").replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`,
      number: get("Inject No."),
      trigger,
      type: get("Type"),
      delivery: get("Delivery") || "message",
      from: get("From"),
      to: to === "all" || to === "" ? "all" : to.split(/[;,]/).map((n) => n.trim()).filter(Boolean),
      title: get("Title"),
      body: get("Message"),
      effects: json("Effects (JSON)", []),
      expectedActions,
      objective: get("Objective"),
      capability: get("Capability"),
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

const FIELD_COLUMNS: Record<string, string> = {
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
  trigger: "Trigger",
};

function columnOf(path: readonly PropertyKey[]): string {
  const column = FIELD_COLUMNS[String(path[0])] ?? String(path[0]);
  const rest = path.slice(1);
  return rest.length ? `column "${column}" at ${formatPath(rest)}` : `column "${column}"`;
}
