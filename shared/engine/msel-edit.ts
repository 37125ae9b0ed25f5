import type { Handler, Of } from "./decide.ts";
import type { EventBuilder } from "./builder.ts";
import type { ExerciseState, InjectState } from "../state/schema.ts";
import type { InjectSpec } from "../scenario/schema.ts";
import type { Actor } from "../protocol/commands.ts";
import { RejectionCode, refuse, type FieldProblem, type Rejection } from "../protocol/rejections.ts";
import { validateScenario, type ValidationError } from "../scenario/validate.ts";
import { translate } from "../i18n/format.ts";
import { msg } from "../i18n/message.ts";
import { phaseWord } from "./words.ts";
import { mselOrder, movedBefore } from "./msel-order.ts";

/**
 * The MSEL editor's rules (docs/RULES.md §MSEL editor). An inject can be changed until it is
 * released; after that the teams have read it, so a change would rewrite history: exercise
 * control issues a correction (a new inject) instead. Every change is checked by the scenario
 * validator, as if the MSEL had been written that way in the file, and each new fault is named
 * by its field.
 */

const byOf = (actor: Actor): string => ("name" in actor ? actor.name : "");

/** An inject that may still be changed, or why not. */
function changeable(b: EventBuilder, id: string): InjectState | Rejection {
  if (b.state.phase === "ended") return refuse(RejectionCode.WrongPhase, "msel.refuse.ended", { phase: phaseWord(b.state.phase) });
  const inject = Object.hasOwn(b.state.injects, id) ? b.state.injects[id]! : null;
  if (!inject) return refuse(RejectionCode.UnknownInject, "engine.inject.unknown");
  if (inject.status === "released")
    return refuse(RejectionCode.InjectReleased, "msel.refuse.released", { number: inject.spec.number, turn: inject.releasedTurn ?? b.state.turn });
  return inject;
}
const isRejection = (value: InjectState | Rejection): value is Rejection => "code" in value;

/** The MSEL as the validator reads it: every inject's spec, in MSEL order. */
function specsOf(state: ExerciseState): InjectSpec[] {
  return mselOrder(state).map((id) => state.injects[id]!.spec);
}

/** The validator's errors for the scenario with this MSEL. */
function mselErrors(state: ExerciseState, msel: InjectSpec[]): ValidationError[] {
  const checked = validateScenario({ ...state.scenario, msel });
  return checked.ok ? [] : checked.errors;
}

/**
 * The faults `msel` has that the current MSEL has not, each by field: `title`, `trigger.turn`
 * for the inject at `focus` (its index); for a fault it causes elsewhere, the other inject's
 * number and field (`2.01 trigger.condition.inject`) or the scenario's path (`objectives[1]…`).
 */
export function newProblems(state: ExerciseState, msel: InjectSpec[], focus: number | null): FieldProblem[] {
  const key = (e: ValidationError) => `${e.path}|${e.message}`;
  const before = new Set(mselErrors(state, specsOf(state)).map(key));
  const prefix = focus === null ? null : `msel[${focus}]`;
  return mselErrors(state, msel)
    .filter((e) => !before.has(key(e)))
    .map((e) => {
      const own = prefix !== null && (e.path === prefix || e.path.startsWith(`${prefix}.`));
      // A fault in another inject is named by that inject's number ("2.01 trigger.condition.inject").
      const other = /^msel\[(\d+)\]\.?(.*)$/.exec(e.path);
      const field = own
        ? e.path.slice(prefix!.length + 1) || "inject"
        : other && msel[Number(other[1])]
          ? `${msel[Number(other[1])]!.number} ${other[2] || "inject"}`
          : e.path;
      const m = e.msg ?? msg("scenario.schema.other", { text: e.message });
      return { field, msg: m, message: translate("en", m) };
    });
}

function invalid(problems: FieldProblem[]): Rejection {
  const first = problems[0]!;
  return { ...refuse(RejectionCode.InvalidInject, "msel.refuse.invalid", { count: problems.length, field: first.field, problem: first.msg }), problems };
}

/** Only the fields that differ, both ways; a field removed is `null` in `changes`. */
function diff(before: InjectSpec, after: InjectSpec): { changes: Record<string, unknown>; before: Record<string, unknown> } {
  const changes: Record<string, unknown> = {};
  const old: Record<string, unknown> = {};
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (field === "id" || JSON.stringify(a[field]) === JSON.stringify(b[field])) continue;
    changes[field] = b[field] ?? null;
    old[field] = a[field] ?? null;
  }
  return { changes, before: old };
}

export const editInject: Handler<Of<"editInject">> = (b, command, actor) => {
  const inject = changeable(b, command.inject);
  if (isRejection(inject)) return inject;
  const spec: InjectSpec = { ...command.spec, id: inject.id };
  const changed = diff(inject.spec, spec);
  if (Object.keys(changed.changes).length === 0) return refuse(RejectionCode.InvalidInject, "msel.refuse.unchanged", { number: inject.spec.number });
  const order = mselOrder(b.state);
  const msel = order.map((id) => (id === inject.id ? spec : b.state.injects[id]!.spec));
  const problems = newProblems(b.state, msel, order.indexOf(inject.id));
  if (problems.length) return invalid(problems);
  b.emit({ type: "injectEdited", inject: inject.id, ...changed, reason: command.reason, by: byOf(actor) });
};

export const addInject: Handler<Of<"addInject">> = (b, command, actor) => {
  if (b.state.phase === "ended") return refuse(RejectionCode.WrongPhase, "msel.refuse.ended", { phase: phaseWord(b.state.phase) });
  if (command.after !== null && !Object.hasOwn(b.state.injects, command.after)) return refuse(RejectionCode.UnknownInject, "engine.inject.unknown");
  const id = b.id("x");
  const spec: InjectSpec = { ...command.spec, id };
  // Validated at the end, where the validator reports a duplicate number on the newcomer.
  const msel = [...specsOf(b.state), spec];
  const problems = newProblems(b.state, msel, msel.length - 1);
  if (problems.length) return invalid(problems);
  const state: InjectState = { id, spec, status: "planned", releasedTurn: null, delayedToTurn: null, adhoc: true, ...(command.held ? { held: true } : {}) };
  b.emit({ type: "injectAdded", inject: state, after: command.after, reason: command.reason, by: byOf(actor) });
};

export const deleteInject: Handler<Of<"deleteInject">> = (b, command, actor) => {
  const inject = changeable(b, command.inject);
  if (isRejection(inject)) return inject;
  // Another inject's condition or an objective waiting for this one would name nothing.
  const problems = newProblems(
    b.state,
    specsOf(b.state).filter((s) => s.id !== inject.id),
    null,
  );
  if (problems.length) return invalid(problems);
  b.emit({ type: "injectDeleted", inject: inject.id, number: inject.spec.number, reason: command.reason, by: byOf(actor) });
};

export const moveInject: Handler<Of<"moveInject">> = (b, command, actor) => {
  const inject = changeable(b, command.inject);
  if (isRejection(inject)) return inject;
  if (command.before !== null && !Object.hasOwn(b.state.injects, command.before)) return refuse(RejectionCode.UnknownInject, "engine.inject.unknown");
  if (command.before === inject.id) return refuse(RejectionCode.InvalidTarget, "msel.refuse.moveOntoItself");
  const current = mselOrder(b.state);
  const order = movedBefore(current, inject.id, command.before);
  if (order.join("\n") === current.join("\n")) return refuse(RejectionCode.InvalidTarget, "msel.refuse.alreadyThere", { number: inject.spec.number });
  b.emit({ type: "injectMoved", inject: inject.id, order, by: byOf(actor) });
};

export const holdInject: Handler<Of<"holdInject">> = (b, command, actor) => {
  const inject = changeable(b, command.inject);
  if (isRejection(inject)) return inject;
  if ((inject.held ?? false) === command.held)
    return refuse(RejectionCode.AlreadyAnswered, command.held ? "msel.refuse.alreadyHeld" : "msel.refuse.notHeld", { number: inject.spec.number });
  b.emit({ type: "injectHeld", inject: inject.id, held: command.held, reason: command.reason, by: byOf(actor) });
};

/**
 * A skip can be undone until the turn it was made in resolves (a skip before the exercise
 * starts, until turn 1 resolves): until then nothing has depended on the inject's absence.
 */
export const unskipInject: Handler<Of<"unskipInject">> = (b, command, actor) => {
  const inject = Object.hasOwn(b.state.injects, command.inject) ? b.state.injects[command.inject]! : null;
  if (!inject) return refuse(RejectionCode.UnknownInject, "engine.inject.unknown");
  if (inject.status !== "skipped") return refuse(RejectionCode.AlreadyAnswered, "msel.refuse.notSkipped", { number: inject.spec.number });
  const turn = inject.skippedTurn;
  if (turn === undefined || b.state.phase === "ended" || b.state.turn > Math.max(turn, 1))
    return refuse(RejectionCode.SkipFinal, "msel.refuse.skipFinal", { number: inject.spec.number, turn: Math.max(turn ?? 1, 1) });
  b.emit({ type: "injectUnskipped", inject: inject.id, status: inject.skippedFrom ?? "planned", by: byOf(actor) });
};

/** What an imported sheet would change, or its faults by inject (index in `msel`) and field. */
export function importProblems(state: ExerciseState, msel: InjectSpec[]): { index: number | null; problem: FieldProblem }[] {
  const released = mselOrder(state).filter((id) => state.injects[id]!.status === "released");
  const out: { index: number | null; problem: FieldProblem }[] = [];
  msel.forEach((spec, index) => {
    if (released.includes(spec.id)) {
      const m = msg("msel.refuse.importReleased", { number: state.injects[spec.id]!.spec.number });
      out.push({ index, problem: { field: "id", msg: m, message: translate("en", m) } });
    }
  });
  if (out.length) return out;
  const whole = [...released.map((id) => state.injects[id]!.spec), ...msel];
  const key = (e: ValidationError) => `${e.path}|${e.message}`;
  const known = new Set(mselErrors(state, specsOf(state)).map(key));
  for (const e of mselErrors(state, whole)) {
    if (known.has(key(e))) continue;
    const at = /^msel\[(\d+)\]\.?(.*)$/.exec(e.path);
    const index = at ? Number(at[1]) - released.length : null;
    const m = e.msg ?? msg("scenario.schema.other", { text: e.message });
    out.push({
      index: index !== null && index >= 0 ? index : null,
      problem: { field: at && index !== null && index >= 0 ? at[2] || "inject" : e.path, msg: m, message: translate("en", m) },
    });
  }
  return out;
}

/** A sheet replaces every inject not yet released; only before play, while nobody depends on them. */
export const importMsel: Handler<Of<"importMsel">> = (b, command, actor) => {
  if (b.state.phase !== "lobby" && b.state.phase !== "briefing")
    return refuse(RejectionCode.WrongPhase, "msel.refuse.importPhase", { phase: phaseWord(b.state.phase) });
  const ids = new Set<string>();
  for (const spec of command.msel) {
    if (ids.has(spec.id))
      return invalid([
        {
          field: "id",
          msg: msg("msel.refuse.importDuplicateId", { id: spec.id }),
          message: translate("en", msg("msel.refuse.importDuplicateId", { id: spec.id })),
        },
      ]);
    ids.add(spec.id);
  }
  const problems = importProblems(b.state, command.msel);
  if (problems.length) return invalid(problems.map((p) => (p.index === null ? p.problem : { ...p.problem, field: `msel[${p.index}].${p.problem.field}` })));
  const order = mselOrder(b.state);
  const kept = order.filter((id) => b.state.injects[id]!.status === "released");
  const removed = order.filter((id) => b.state.injects[id]!.status !== "released");
  const injects: InjectState[] = command.msel.map((spec) => ({
    id: spec.id,
    spec,
    status: "planned",
    releasedTurn: null,
    delayedToTurn: null,
    adhoc: !b.state.scenario.msel.some((s) => s.id === spec.id),
  }));
  b.emit({ type: "mselImported", injects, removed, order: [...kept, ...injects.map((i) => i.id)], reason: command.reason, by: byOf(actor) });
};
