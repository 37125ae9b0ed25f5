import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import {
  browserSuite,
  browserAndServer,
  joinFromStartPage,
  openTab,
  panel,
  person,
  screenshot,
  seeText,
  startFromConsole,
  type Person,
} from "./support/browser.ts";
import { SHIPPED_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * Costs up front and the turn summary (issue #21 items 4 and 2), as a Sarnian team and
 * exercise control meet them: a draft shows its cost and arrival, the planned spend stands
 * against what the team has, the draft is drawn on the map; after the resolution the Turns tab
 * holds the team's card (books line by line, arrival, failed order with why), and it is still
 * there after a reload. Another team's card never reaches Sarnia.
 */
browserSuite("browser: costs up front and the turn summary", () => {
  let server: RunningServer;
  let browser: Browser;
  const people: Person[] = [];
  browserAndServer(SHIPPED_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("shows each draft's cost and the planned spend, then the team's card after the resolution", async () => {
    const created = await server.createExercise("northern-flank");
    const code = created.joinCodes.find((c) => c.nation === "sarnia")!.code;
    const [control, alice] = [await person(browser), await person(browser)];
    people.push(control, alice);
    await joinFromStartPage(alice.page, server.url, code, "Alice Berg");
    await startFromConsole(control.page, server.url, created);
    const a = alice.page;
    await a.waitForFunction(
      () => !(Array.from(document.querySelectorAll("button")).find((b) => b.textContent === "Commit turn") as HTMLButtonElement | undefined)?.disabled,
    );

    const orders = panel(a);
    await orders.getByLabel("Asset", { exact: true }).selectOption("sa-brigade");
    await orders.getByLabel("Destination", { exact: true }).selectOption("lakeland");
    await orders.getByLabel("Mission", { exact: true }).selectOption({ index: 1 });
    await orders.getByRole("button", { name: "Draft order" }).click();
    const cost = orders.getByTestId("draft-cost").first();
    await cost.waitFor();
    expect(await cost.innerText()).toMatch(/^Cost: budget \d+ · readiness \d+ · arrives turn \d+$/);
    const planned = orders.getByTestId("planned-spend");
    expect(await planned.innerText()).toMatch(/^Planned this turn: budget \d+ of \d+ · political capital 0 of \d+ · readiness \d+ of \d+\.$/);
    // The draft is drawn on the map before it is committed.
    await a.waitForFunction(() => Number(document.querySelector<HTMLElement>("[data-testid=map]")?.dataset.draftsDrawn ?? 0) >= 1);
    await screenshot(a, "turn-summary-01-draft-cost-and-route");

    // An order the team cannot pay for: the planned line says so before committing.
    await orders.getByLabel("Order", { exact: true }).selectOption({ value: "fundCapacityBuilding" });
    const budget = Number((await planned.innerText()).match(/budget \d+ of (\d+)/)![1]);
    await orders.getByLabel("Partner nation", { exact: true }).selectOption({ index: 1 });
    await orders.getByLabel(/Amount/).fill(String(budget));
    await orders.getByRole("button", { name: "Draft order" }).click();
    await orders.locator(".planned-spend.over").waitFor();
    await seeText(a, "More than the team has");
    await screenshot(a, "turn-summary-02-planned-spend-over");

    await control.page.getByRole("button", { name: "Resolve turn now" }).click();
    await seeText(a, "Turn 2 of");
    await openTab(a, /^Turns/);
    const card = panel(a).locator(".turn-card[open]");
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain("Turn 1");
    expect(text).toContain("Income");
    expect(text).toMatch(/deploy .+ to Lakeland/i);
    expect(text).toMatch(/arrived in Lakeland/);
    expect(text).not.toMatch(/set off for Lakeland/);
    expect(text).toContain("Orders that failed, and why");
    expect(text).toMatch(/budget/i);
    await screenshot(a, "turn-summary-03-turn-card");

    // The card survives a reload (kept on the server like the feed).
    await a.reload();
    await openTab(a, /^Turns/);
    await panel(a).locator(".turn-card[open]").waitFor();
    expect(await panel(a).locator(".turn-card").count()).toBe(1);
    expect(await panel(a).locator(".turn-card").getAttribute("data-nation")).toBe("sarnia");

    // Exercise control reads every team's card and can pick one.
    await openTab(control.page, /^Turns/);
    const cards = panel(control.page).locator(".turn-card");
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    await panel(control.page).getByLabel("Team").selectOption("sarnia");
    expect(await panel(control.page).locator(".turn-card").count()).toBe(1);
    await screenshot(control.page, "turn-summary-04-console-cards");
    for (const p of people) expect(p.errors).toEqual([]);
  }, 120_000);
});
