import { describe, it, expect } from "vitest";
import { Game, as } from "./game.ts";
import { scaleScenario } from "../../bench/scale/scale-scenario.ts";
import { turnEconomy } from "../../shared/engine/economy.ts";
import { assetType } from "../../shared/engine/map.ts";
import { evolve } from "../../shared/engine/evolve.ts";
import { transiently } from "../../shared/state/records.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";

/**
 * A turn's economy sums each nation's upkeep of its assets away from home. The sums are kept for
 * an assets record (shared/engine/economy.ts), so twelve nations read 5,000 assets once, not
 * twelve times; they must be the figures a pass of each nation's own gives, and follow the assets.
 */
const reference = (state: ExerciseState, nation: string) => {
  let upkeep = 0;
  for (const asset of Object.values(state.assets))
    if (asset.owner === nation && (asset.status === "deployed" || asset.status === "moving"))
      upkeep += assetType(state, asset).upkeep * state.scenario.rules.upkeepMultiplier;
  return upkeep;
};

/** The state with its assets record behind a proxy that counts how often it is listed. */
function counted(state: ExerciseState): { state: ExerciseState; listings: () => number } {
  let listings = 0;
  const assets = new Proxy(state.assets, {
    ownKeys(target) {
      listings++;
      return Reflect.ownKeys(target);
    },
  });
  return { state: { ...state, assets }, listings: () => listings };
}

describe("a turn's upkeep", () => {
  // A third of the units start deployed, so that every nation pays some upkeep.
  const game = new Game(scaleScenario({ nations: 6, regions: 60, assets: 600, injects: 10 }), 3, (s) =>
    s.assets!.forEach((a, i) => i % 3 === 0 && Object.assign(a, { status: "deployed" })),
  ).start();
  // Some units of every playable nation sent out on a mission at the first resolution: the
  // assets change between the turns' books.
  for (const nation of Object.values(game.state.nations).filter((n) => n.playable)) {
    const ready = Object.values(game.state.assets).filter((a) => a.owner === nation.id && a.status === "ready");
    for (const asset of ready.slice(0, 5)) {
      const mission = game.state.scenario.assetTypes.find((t) => t.id === asset.type)?.missions?.[0];
      if (mission) game.do({ type: "draftOrder", order: { kind: "setMission", asset: asset.id, mission } }, as(nation.id));
    }
  }
  game.endTurn().endTurn();
  const nations = Object.keys(game.state.nations);

  it("is each nation's own sum of its deployed and moving assets, to the last digit", () => {
    const away = Object.values(game.state.assets).filter((a) => a.status === "deployed" || a.status === "moving");
    expect(away.length).toBeGreaterThan(0);
    for (const nation of nations) expect(turnEconomy(game.state, nation).baseUpkeep).toBe(reference(game.state, nation));
  });

  it("lists the assets once for every nation of a turn", () => {
    const { state, listings } = counted(game.state);
    for (const nation of nations) turnEconomy(state, nation);
    expect(listings()).toBe(1);
  });

  it("follows the assets: a unit sent out adds its upkeep at the next resolution", () => {
    const home = Object.values(game.state.assets).find((a) => a.status === "ready" && game.state.nations[a.owner]);
    expect(home).toBeDefined();
    const nation = home!.owner;
    const before = turnEconomy(game.state, nation).baseUpkeep;
    const moved = {
      ...game.state,
      assets: { ...game.state.assets, [home!.id]: { ...home!, status: "deployed" as const } },
    };
    expect(turnEconomy(moved, nation).baseUpkeep).toBe(reference(moved, nation));
    expect(turnEconomy(moved, nation).baseUpkeep).toBeGreaterThan(before);
    // The earlier record keeps its own figures.
    expect(turnEconomy(game.state, nation).baseUpkeep).toBe(before);
  });

  it("follows the assets inside a fold that changes its own records in place (the replay's, the room's opening)", () => {
    // The books read after every event, as the turn cards read them while the log is folded.
    const sent = game.events.filter((e) => e.type === "assetUpdated" && e.asset.status === "deployed").length;
    expect(sent).toBeGreaterThan(0);
    transiently(() => {
      let state = game.initial;
      for (const event of game.events) {
        state = evolve(state, event);
        for (const nation of nations) expect(turnEconomy(state, nation).baseUpkeep).toBe(reference(state, nation));
      }
    });
  });

  it("follows the scenario's rules: the same assets under another multiplier", () => {
    const nation = nations[0]!;
    const doubled = {
      ...game.state,
      scenario: { ...game.state.scenario, rules: { ...game.state.scenario.rules, upkeepMultiplier: 2 * game.state.scenario.rules.upkeepMultiplier } },
    };
    expect(turnEconomy(doubled, nation).baseUpkeep).toBe(reference(doubled, nation));
  });
});
