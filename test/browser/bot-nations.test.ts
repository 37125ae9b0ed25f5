import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, seeText, openTab, panel, joinFromStartPage, openConsole, stepper } from "./support/browser.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * Exercise control gives Sudland to a bot from the console before the start; the bot drafts
 * (marked in the orders list and with ⚙ on the map), says so in the feed and commits by itself;
 * Ostria has nobody and exercise control commits for it; Nordmark's Alice commits and the turn
 * resolves.
 */
browserSuite("browser: a nation played by a bot", () => {
  let server: RunningServer;
  let browser: Browser;

  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("is chosen from the console, its moves are marked, and the turn resolves with empty teams", async () => {
    const step = stepper("bot nations");
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    await openTab(f, "Who plays");
    await panel(f).getByLabel("Sudland is played by").selectOption({ label: "a bot: cautious" });
    await seeText(f, "Done: Sudland is played as chosen.");
    // Ostria has nobody online: the console says what keeps the turn moving.
    await panel(f).getByRole("region", { name: "Ostria" }).getByText("Nobody from this team is online").waitFor();
    step("bot chosen before the start");

    const alice = await person(browser);
    const a = alice.page;
    await joinFromStartPage(a, server.url, ex.joinCodes.find((c) => c.nation === "north")!.code, "Alice");
    await seeText(a, "Nordmark");

    await openTab(f, "Control");
    await f.getByRole("button", { name: "Start exercise" }).click();
    await f.locator(".phase-pill", { hasText: "Running" }).waitFor();
    step("started");

    // A moment after the start the bot drafts and commits: exercise control sees its drafts marked.
    await openTab(f, "Orders");
    const marked = panel(f).locator("li.draft", { has: f.locator(".simulated-mark[data-simulated=bot]") });
    await marked.first().waitFor({ timeout: 15_000 });
    expect(await marked.first().textContent()).toContain("cautious bot");
    await panel(f).getByText("⚙ a bot (cautious)").waitFor();
    // On the map, the unit it gave an order to carries the mark.
    await f.locator("[data-testid=map][data-simulated-drawn]:not([data-simulated-drawn='0'])").waitFor({ timeout: 15_000 });
    await screenshot(f, "bot-nations-console-drafts");
    step("bot drafts marked");

    await openTab(f, "Who plays");
    await panel(f).getByRole("region", { name: "Sudland" }).getByText("✓ committed").waitFor({ timeout: 15_000 });
    await openTab(f, /News|Feed/);
    await seeText(f, "bot (cautious) for Sudland: committed the turn");
    step("bot committed, feed says so");

    // Ostria's table is empty: exercise control commits for it.
    await openTab(f, "Who plays");
    await panel(f).getByRole("button", { name: "Commit for this team: Ostria" }).click();
    await seeText(f, "Committed for Ostria.");
    await screenshot(f, "bot-nations-who-plays");
    step("committed for Ostria");

    // Alice sees who plays Sudland, and her commit resolves the turn.
    await openTab(a, "Orders");
    await panel(a).getByText("⚙ a bot (cautious)").waitFor();
    await panel(a).getByRole("button", { name: "Commit turn" }).click();
    for (const p of [a, f]) await seeText(p, "Turn 2 of");
    await screenshot(a, "bot-nations-participant");
    step("turn resolved");
    expect(control.errors).toEqual([]);
    expect(alice.errors).toEqual([]);
  });
});
