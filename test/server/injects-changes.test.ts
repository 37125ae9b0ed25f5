import { describe, it, expect } from "vitest";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { Command, type Actor } from "../../shared/protocol/commands.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { scopeOf, viewParts, type Viewer } from "../../shared/engine/view-for.ts";
import { PerspectiveSchema } from "../../server/rooms/room-state.ts";
import { PerspectiveProjection, type Versioned } from "../../server/rooms/projection.ts";
import { InjectsChanges } from "../../server/rooms/injects-changes.ts";
import { tinyInput } from "../rules/game.ts";
import { without } from "../../shared/state/records.ts";

/**
 * The injects part is written from the injects that changed (injects-changes.ts): a fired inject
 * is one entry of hundreds. Through every way the MSEL changes — fired, released, skipped, held,
 * delayed, added inside the order, moved, deleted, imported — each perspective's injects must
 * equal the part written whole, and a fired inject must take the short way.
 */
const nothing: Versioned<never[]> = { version: 0, value: () => [] };
const control: Actor = { role: "facilitator", name: "Control" };

function adHoc(n: number, to: "all" | string[]) {
  return { type: "fireInject", inject: { number: `X.${n}`, type: "information", from: "Control", to, title: `Ad hoc ${n}`, body: "Text." } };
}

describe("the injects part from the injects that changed", () => {
  it("equals the part written whole through every kind of MSEL change, and a fired inject is written alone", () => {
    const scenario = ScenarioSpec.parse(tinyInput());
    let state: ExerciseState = initialState(scenario, "ex-injects", 3);
    const nations = scenario.nations.map((n) => n.id);
    const viewers: Viewer[] = [{ kind: "white" }, ...nations.map((nation) => ({ kind: "nation" as const, nation }))];
    const live = viewers.map((viewer) => {
      const target = new PerspectiveSchema();
      return { viewer, target, projection: new PerspectiveProjection(target, viewer) };
    });
    const apply = (raw: unknown) => {
      const decision = decide(state, Command.parse(raw), control, 1_000_000);
      if ("rejected" in decision) throw new Error(`${JSON.stringify(raw)}: ${decision.rejected.message}`);
      state = decision.state;
      for (const { viewer, target, projection } of live) {
        projection.update(state, nothing, nothing);
        const whole = viewParts.injects(state, scopeOf(viewer));
        expect(JSON.parse(JSON.stringify(target.injects.toJSON())), `${JSON.stringify(raw)} as ${JSON.stringify(viewer)}`).toEqual(
          Object.fromEntries(Object.entries(whole).map(([id, view]) => [id, JSON.stringify(view)])),
        );
      }
    };
    const idOf = (number: string) => Object.values(state.injects).find((i) => i.spec.number === number)!.id;
    apply({ type: "startExercise" });
    for (let i = 0; i < 6; i++) apply(adHoc(i, i % 2 ? "all" : [nations[i % nations.length]!]));
    const planned = Object.values(state.injects).find((i) => i.status === "planned")!;
    apply({ type: "holdInject", inject: planned.id, held: true, reason: "" });
    apply({ type: "holdInject", inject: planned.id, held: false, reason: "" });
    apply({ type: "releaseInject", inject: planned.id });
    const other = Object.values(state.injects).find((i) => i.status === "planned");
    if (other) {
      apply({ type: "delayInject", inject: other.id, toTurn: 3 });
      apply({ type: "skipInject", inject: other.id });
      apply({ type: "unskipInject", inject: other.id });
    }
    const spec = { number: "A.1", trigger: { kind: "manual" }, type: "information", from: "Control", to: "all", title: "Added", body: "Text." };
    apply({ type: "addInject", spec, after: null, held: false, reason: "" });
    apply({ type: "moveInject", inject: idOf("A.1"), before: Object.keys(state.injects)[0]! });
    apply(adHoc(10, "all"));
    apply({ type: "editInject", inject: idOf("A.1"), spec: { ...spec, title: "Added, edited" }, reason: "" });
    apply({ type: "deleteInject", inject: idOf("A.1"), reason: "" });
    apply(adHoc(11, "all"));
    apply({ type: "forceResolve", turn: state.turn });
    apply(adHoc(12, [nations[0]!]));

    // A fired inject is one entry to write, for the white cell (with its place at the MSEL's end) and for its addressees.
    const white = new InjectsChanges(scopeOf({ kind: "white" }));
    const nation = new InjectsChanges(scopeOf({ kind: "nation", nation: nations[0]! }));
    expect(white.next(state)).toBeNull();
    expect(nation.next(state)).toBeNull();
    apply(adHoc(13, "all"));
    const fired = Object.keys(state.injects).at(-1)!;
    const whiteChanges = white.next(state)!;
    expect(whiteChanges.map(([id]) => id)).toEqual([fired]);
    expect(whiteChanges[0]![1]!.position).toBe(Object.keys(state.injects).length);
    expect(nation.next(state)!.map(([id, view]) => [id, view?.title])).toEqual([[fired, "Ad hoc 13"]]);
    // An inject gone with the same order (no command does that: deleting one records a new order) writes the part whole.
    expect(white.next({ ...state, injects: without(state.injects, fired) })).toBeNull();
  });
});
