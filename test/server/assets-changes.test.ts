import { describe, it, expect } from "vitest";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { Command, type Actor } from "../../shared/protocol/commands.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { scopeOf, type Viewer } from "../../shared/engine/view-for.ts";
import { PerspectiveSchema } from "../../server/rooms/room-state.ts";
import { PerspectiveProjection, type Versioned } from "../../server/rooms/projection.ts";
import { AssetsChanges } from "../../server/rooms/assets-changes.ts";
import { without } from "../../shared/state/records.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";

/**
 * The assets part is written from the assets and sightings that changed (assets-changes.ts): on
 * the full map one adjudicated unit re-read 5,000 assets per perspective. Through adjudications,
 * resolutions (moves, sightings, a new turn) and a team's report of a sighting, each perspective
 * must equal one projected from scratch, and one adjudicated unit must be the one entry written.
 */
const nothing: Versioned<never[]> = { version: 0, value: () => [] };
const control: Actor = { role: "facilitator", name: "Control" };

describe("the assets part from the assets that changed", () => {
  it("equals a projection from scratch through adjudications, resolutions and reported sightings, and writes one adjudicated unit alone", () => {
    // The Northern Flank: allies' forces on each other's land (known, truly) and sensors that sight the adversary.
    const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), "utf8")));
    let state: ExerciseState = initialState(scenario, "ex-assets", 5);
    const nations = scenario.nations.map((n) => n.id);
    const viewers: Viewer[] = [{ kind: "white" }, ...nations.map((nation) => ({ kind: "nation" as const, nation }))];
    const project = (viewer: Viewer, projection?: PerspectiveProjection, target = new PerspectiveSchema()) => {
      const p = projection ?? new PerspectiveProjection(target, viewer);
      p.update(state, nothing, nothing);
      return { p, target };
    };
    const live = viewers.map((viewer) => ({ viewer, ...project(viewer) }));
    let checked = 0;
    let reported = 0;
    const apply = (raw: unknown, actor: Actor = control): boolean => {
      const decision = decide(state, Command.parse(raw), actor, 1_000_000);
      if ("rejected" in decision) return false;
      state = decision.state;
      for (const perspective of live) {
        perspective.p.update(state, nothing, nothing);
        const fresh = project(perspective.viewer).target;
        expect(perspective.target.assets.toJSON(), `${JSON.stringify(raw)} as ${JSON.stringify(perspective.viewer)}`).toEqual(fresh.assets.toJSON());
        checked++;
      }
      return true;
    };
    const adjust = (asset: string, effect: Record<string, unknown>) =>
      apply({ type: "adjustState", effects: [{ asset, ...effect }], rationale: "Adjudicated by exercise control." });
    expect(apply({ type: "startExercise" })).toBe(true);
    const assets = Object.values(state.assets);
    for (const [i, asset] of assets.entries()) {
      expect(adjust(asset.id, { kind: "assetStrength", delta: -(i + 1) })).toBe(true);
      if (i % 2) expect(adjust(asset.id, { kind: "assetStatus", status: "degraded" })).toBe(true);
    }
    for (let turn = 0; turn < 3; turn++) {
      expect(apply({ type: "forceResolve", turn: state.turn })).toBe(true);
      // A team turns a sighting of its picture into a report (its picture changes, no asset does).
      for (const nation of nations) {
        const entry = Object.values(state.detections[nation] ?? {}).find((d) => d.sensor && !d.from && !d.report);
        if (entry && apply({ type: "reportSighting", asset: entry.asset }, { role: "participant", nation, name: "Analyst" })) reported++;
      }
      // Every unit once more, so that foreign ones known on a nation's land are written on their own too.
      for (const asset of Object.values(state.assets)) adjust(asset.id, { kind: "assetStrength", delta: turn % 2 ? 1 : -1 });
    }
    expect(reported).toBeGreaterThan(5);
    expect(checked).toBeGreaterThan(400);

    const asset = assets[0]!;
    const white = new AssetsChanges(scopeOf({ kind: "white" }));
    const owner = new AssetsChanges(scopeOf({ kind: "nation", nation: asset.owner }));
    expect(white.next(state)).toBeNull();
    expect(owner.next(state)).toBeNull();
    expect(adjust(asset.id, { kind: "assetStrength", delta: -3 })).toBe(true);
    expect(white.next(state)!.map(([id, view]) => [id, view === state.assets[asset.id]])).toEqual([[asset.id, true]]);
    expect(owner.next(state)!.map(([id]) => id)).toEqual([asset.id]);
    // An asset gone (no command removes one mid-turn) writes the part whole.
    expect(white.next({ ...state, assets: without(state.assets, asset.id) })).toBeNull();
  });
});
