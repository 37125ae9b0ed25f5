import { describe, it, expect } from "vitest";
import { Game, as } from "./game.ts";
import { evolve } from "../../shared/engine/evolve.ts";
import { TurnSummaries, type TurnSummary } from "../../shared/view/turn-summary.ts";
import { draftPlan, orderCost } from "../../shared/engine/order-cost.ts";
import { translate } from "../../shared/i18n/format.ts";
import { namesIn } from "../../shared/view/feed.ts";

/** Every card of the game, built from its log as the room builds them. */
function cards(g: Game): TurnSummary[] {
  const summaries = new TurnSummaries();
  let state = g.initial;
  for (const event of g.events) {
    state = evolve(state, event);
    summaries.record(event, state);
  }
  return summaries.done;
}
const cardOf = (g: Game, nation: string, turn: number) => cards(g).find((c) => c.nation === nation && c.turn === turn)!;
const words = (g: Game, m: Parameters<typeof translate>[1]) => translate("en", m, namesIn(g.state, "en"));

describe("turn summary", () => {
  it("adds up the books line by line: the deployment's cost, income and upkeep, to the change of the turn", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } }, as("north"));
    g.endTurn();
    const card = cardOf(g, "north", 1);
    const sum = card.money.reduce((total, line) => total + line.budget, 0);
    expect(Math.round((card.end.budget - card.start.budget) * 10) / 10).toBe(Math.round(sum * 10) / 10);
    expect(card.end.budget).toBe(g.state.nations.north!.budget);
    const lines = card.money.map((l) => words(g, l.what));
    expect(lines[0]).toMatch(/deploy/i);
    expect(card.money[0]!.budget).toBe(-orderCost(g.initial, { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" }).budget);
    expect(lines).toContain("Income");
    expect(lines).toContain("Upkeep of assets away from home");
    expect(card.moves.map((m) => words(g, m)).join(" ")).toMatch(/arrived/);
  });

  it("says why an order failed", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: g.state.nations.north!.budget } }, as("north"));
    g.do({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: g.state.nations.north!.budget } }, as("north"));
    g.endTurn();
    const card = cardOf(g, "north", 1);
    expect(card.failures).toHaveLength(1);
    expect(words(g, card.failures[0]!.reason as never)).toMatch(/budget/i);
    // The partner's card says it received something from north's order, not what north spent.
    const south = cardOf(g, "south", 1);
    expect(south.failures).toHaveLength(0);
    expect(south.money.some((l) => words(g, l.what).includes("An order of"))).toBe(true);
  });

  it("holds only what the nation's own view holds", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } }, as("north"));
    const all = { type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "north", amount: g.state.nations.south!.budget } };
    g.do(all, as("south"));
    g.do(all, as("south"));
    g.endTurn();
    const south = JSON.stringify(cardOf(g, "south", 1));
    const north = JSON.stringify(cardOf(g, "north", 1));
    // North's move and north's reports are not in south's card; south's failed order is not in north's.
    expect(south).not.toContain("n-frigate");
    for (const report of cardOf(g, "north", 1).reports) expect(south).not.toContain(`"${report}"`);
    expect(north).not.toContain("fundCapacityBuilding");
    expect(cardOf(g, "north", 1).failures).toHaveLength(0);
    expect(cardOf(g, "south", 1).failures).toHaveLength(1);
    // No card for a nation nobody plays.
    expect(cards(g).some((c) => c.nation === "red")).toBe(false);
  });

  it("a draft's plan costs what execution charges and arrives when execution says", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } }, as("north"));
    const draft = Object.values(g.state.drafts)[0]!;
    const plan = draftPlan(g.state, draft);
    const before = g.state.nations.north!;
    g.endTurn();
    const deployed = g.events.filter((e) => e.type === "nationUpdated" && e.nation === "north" && !e.cause)[0] as { budget: number; readiness: number };
    expect(before.budget - deployed.budget).toBe(plan.cost.budget);
    expect(Math.round((before.readiness - deployed.readiness) * 10) / 10).toBe(plan.cost.readiness);
    expect(plan.route?.at(-1)).toBe("s-sea");
    expect(plan.eta).toBe(1);
  });
});
