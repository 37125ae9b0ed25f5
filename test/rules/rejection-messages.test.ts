import { describe, it, expect } from "vitest";
import { decide } from "../../shared/engine/decide.ts";
import { Command } from "../../shared/protocol/commands.ts";
import type { Rejection } from "../../shared/protocol/rejections.ts";
import { parseCommand } from "../../server/rooms/command-pipeline.ts";
import { translate, type Msg } from "../../shared/i18n/index.ts";
import { namesIn } from "../../shared/view/feed.ts";
import { Game, as, control } from "./game.ts";
import { expectWellWorded } from "./well-worded.ts";

function refusal(g: Game, command: object, actor = as("north")): Rejection {
  const decision = decide(g.state, Command.parse(command), actor, g.now);
  if (!("rejected" in decision)) throw new Error("accepted");
  expectWellWorded(decision.rejected, g.state);
  return decision.rejected;
}

const fr = (g: Game, m: Msg) => translate("fr", m, namesIn(g.state, "fr"));

describe("refusals name things as people do", () => {
  it("an asset the nation has not seen is refused without naming it, by name or by id", () => {
    const g = new Game().start();
    const r = refusal(g, { type: "draftOrder", order: { kind: "deployAsset", asset: "r-frigate", destination: "n-sea", mission: "patrol" } });
    expect(r.code).toBe("unknown_asset");
    expect(r.message).not.toMatch(/r-frigate|RNS Grom/);
    expect(fr(g, r.msg)).not.toMatch(/r-frigate|RNS Grom/);
  });

  it("a deploy refused for its mission says the asset type and the missions in words, never the command's name", () => {
    const g = new Game().start();
    const r = refusal(g, { type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "n-sea", mission: "humanitarian" } });
    expect(r.code).toBe("mission_not_supported");
    expect(r.message).toBe("Frigate group cannot be tasked with humanitarian aid (its missions: patrol, presence, and escort).");
    expect(r.message).not.toMatch(/deployAsset|frigate\b/);
    expect(fr(g, r.msg)).toMatch(
      /^Frigate group ne peut pas recevoir la mission «\u00a0aide humanitaire\u00a0» \(missions possibles\u00a0: patrouille, présence et escorte\)\.$/,
    );
  });

  it("crossing a host's territory names the host and the region in the reader's language", () => {
    const g = new Game().start();
    const r = refusal(g, { type: "draftOrder", order: { kind: "deployAsset", asset: "n-uav", destination: "island", mission: "surveillance" } });
    expect(r.message).toMatch(/^The route to Skerry Island crosses territory of Sudland/);
    expect(fr(g, r.msg)).toMatch(/^L'itinéraire vers Skerry Island traverse le territoire de Sudland/);
  });

  it("exercise control's commands are named in words, not by their command names", () => {
    const g = new Game().start();
    const r = refusal(g, { type: "forceResolve", turn: 1 });
    expect(r.message).toBe("Only exercise control can resolve the turn.");
    expect(fr(g, r.msg)).toBe("Seule la direction de l'exercice peut faire jouer le tour.");
  });

  it("the phase is said in words in both languages", () => {
    const g = new Game();
    const r = refusal(g, { type: "commitTurn", turn: 1 });
    expect(r.message).toBe("Orders are planned while the exercise is running; it is waiting to start.");
    expect(fr(g, r.msg)).toContain("l'exercice est en attente du début");
  });
});

describe("order results as messages", () => {
  it("an executed order carries its result (asset, region, mission, arrival) and the English outcome", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "n-sea", mission: "patrol" } }, as("north"));
    g.endTurn();
    const executed = g.events.find((e) => e.type === "orderExecuted");
    if (executed?.type !== "orderExecuted") throw new Error("no orderExecuted");
    expect(executed.result?.key).toBe("engine.result.deployed");
    expect(executed.outcome).toMatch(/^NMS Valkyrie deploying to Northern Sea for patrol, arriving by the end of turn \d+$/);
    expect(translate("fr", executed.result!, namesIn(g.state, "fr"))).toMatch(/^NMS Valkyrie se déploie vers Northern Sea en mission «\u00a0patrouille\u00a0»/);
  });

  it("an order that fails at resolution carries the refusal's message and code", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: 1 } }, as("north"));
    g.do({ type: "adjustState", effects: [{ kind: "budget", nation: "north", delta: -10000 }], rationale: "budget cut for the test" }, control);
    g.endTurn();
    const failed = g.events.find((e) => e.type === "orderFailed");
    if (failed?.type !== "orderFailed") throw new Error("no orderFailed");
    expect(failed.code).toBe("insufficient_budget");
    expect(failed.failure?.key).toBe("engine.order.fundBudget");
    expect(failed.reason).toBe(translate("en", failed.failure!));
  });
});

describe("commands the server cannot read: the wrong field in plain words", () => {
  it("a missing field", () => {
    const parsed = parseCommand({ id: "c1", command: { type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", mission: "patrol" } } });
    if (!("rejected" in parsed)) throw new Error("accepted");
    expectWellWorded(parsed.rejected, null);
    expect(parsed.rejected.message).toBe("The request could not be carried out: the destination is missing.");
    expect(translate("fr", parsed.rejected.msg)).toBe("La demande n'a pas pu être exécutée\u00a0: il manque la destination.");
  });

  it("a text too long and an unknown command", () => {
    const long = parseCommand({ id: "c1", command: { type: "sendMessage", channel: "alliance", text: "x".repeat(3000) } });
    if (!("rejected" in long)) throw new Error("accepted");
    expect(long.rejected.message).toBe("The request could not be carried out: the text is too long (at most 2,000 characters).");
    const unknown = parseCommand({ id: "c1", command: { type: "launchMissiles" } });
    if (!("rejected" in unknown)) throw new Error("accepted");
    expectWellWorded(unknown.rejected, null);
    expect(unknown.rejected.message).not.toContain("launchMissiles");
  });
});
