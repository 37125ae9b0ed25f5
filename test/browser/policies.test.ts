import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, seeText, openTab, panel, joinFromStartPage, openConsole } from "./support/browser.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * A team sets its policies from the order form, as a person would: each choice says what it costs
 * and gives (this scenario's numbers); tension shows in the top bar for everyone; after the turn
 * resolves, the feed says why trust and tension moved (explain()), and the top bar says what
 * moved tension.
 */
browserSuite("browser: policies and tension", () => {
  let server: RunningServer;
  let browser: Browser;

  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("shows each choice's cost and gain, then explains the consequences after resolution", async () => {
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    const alice = await person(browser);
    const a = alice.page;
    await joinFromStartPage(a, server.url, ex.joinCodes.find((c) => c.nation === "north")!.code, "Alice");
    await seeText(a, "Alice · Nordmark");
    await f.getByRole("button", { name: "Start exercise" }).click();
    await seeText(a, "Turn 1 of");

    // Tension is in the top bar from the start, for a participant and for exercise control.
    await a.locator(".topbar .tension summary", { hasText: "Tension 40/100" }).waitFor();
    await f.locator(".topbar .tension summary", { hasText: "Tension 40/100" }).waitFor();

    const orders = panel(a);
    await orders.getByLabel("Order", { exact: true }).selectOption({ label: "Set a policy" });
    // Every alert level with its numbers; the one in force marked until another is chosen.
    const alertHints = orders.locator('ul.policy-hints[data-policy="alertLevel"]');
    await alertHints.getByText("maximum: upkeep ×1.6 and 10 budget a turn", { exact: false }).waitFor();
    expect(await alertHints.locator('li[aria-current="true"]').getAttribute("data-value")).toBe("normal");
    await orders.getByLabel("Alert level", { exact: true }).selectOption({ label: "maximum" });
    expect(await alertHints.locator('li[aria-current="true"]').getAttribute("data-value")).toBe("maximum");
    await expect(alertHints.locator('li[aria-current="true"]').textContent()).resolves.toContain("raising it to this level costs 4 trust with each ally");
    const roeHints = orders.locator('ul.policy-hints[data-policy="rulesOfEngagement"]');
    await orders.getByLabel("Rules of engagement", { exact: true }).selectOption({ label: "robust" });
    await expect(roeHints.locator('li[aria-current="true"]').textContent()).resolves.toContain("20% chance a turn of an incident");
    await orders.getByRole("button", { name: "Draft order", exact: true }).click();
    await seeText(a, "Draft added");
    await orders.locator('ul.policy-hints[data-policy="alertLevel"]').evaluate((e) => e.scrollIntoView({ block: "center" }));
    await screenshot(a, "policies-01-order-form");

    // Exercise control resolves the turn; the feed explains both escalations and the tension.
    await f.getByRole("button", { name: "Resolve turn now" }).click();
    await seeText(a, "Turn 2 of");
    await openTab(a, "News");
    await seeText(a, "Escalation: raising the alert to maximum cost 4 trust with each alliance partner.");
    await seeText(a, "Escalation: setting the ROE to robust cost 4 trust with each alliance partner.");
    await seeText(a, /Tension rose from 40 to 43\.2: Nordmark’s posture|Tension rose from 40 to 43\.2: Nordmark's posture/);
    const summary = a.locator(".topbar .tension summary");
    await summary.filter({ hasText: "Tension 43.2/100" }).waitFor();
    await summary.click();
    await a.locator(".topbar .tension-reasons li", { hasText: "Nordmark's posture (maximum alert, robust ROE, quiet stance) +4" }).waitFor();
    await screenshot(a, "policies-02-feed-and-tension");
    // The same explanations in French, for a seat that reads French.
    await a.locator(".topbar [data-language-menu]").selectOption({ label: "Français" });
    await seeText(a, "Escalade : le passage au niveau d’alerte maximal a coûté 4 points de confiance avec chaque partenaire de l’alliance.");
    await seeText(a, /La tension est passée de 40 à 43,2/);
    await a.locator(".topbar .tension summary", { hasText: "Tension 43,2/100" }).waitFor();
    expect(alice.errors).toEqual([]);
    expect(control.errors).toEqual([]);
  });
});
