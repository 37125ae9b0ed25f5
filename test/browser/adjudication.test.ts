import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserSuite, launchBrowser, person, screenshot, seeText, openTab, panel } from "./support/browser.ts";
import { startConcord, BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * Exercise control adjudicates several consequences at once: two changes, one rationale, one
 * entry in the record.
 */
browserSuite("browser: an adjudication with several changes", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startConcord(BROWSER_SCENARIOS);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("applies two changes with one rationale", async () => {
    const ex = await server.createExercise("triad");
    const stateNow = async () => (await fetch(`${server.url}/api/exercises/${ex.id}/state`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
    const before = await stateNow();
    const control = await person(browser);
    const f = control.page;
    await f.goto(`${server.url}/#facilitator=${ex.facilitatorToken}&exercise=${ex.id}`);
    await f.getByRole("button", { name: "Start exercise" }).click();
    await f.locator(".phase-pill", { hasText: "Running" }).waitFor();
    await openTab(f, /Injects & adjudication/);
    const form = panel(f).getByRole("form", { name: "Adjust the state" });

    await form.getByLabel("What to change").selectOption({ label: "Region stability (±)" });
    await form.getByLabel("Region").selectOption({ label: "Northern Sea" });
    await form.getByLabel("Change (+/−)").fill("-12");
    await form.getByRole("button", { name: "Add another change" }).click();
    await form.getByRole("list", { name: "Changes in this adjustment" }).getByText("Region stability (±): Northern Sea, -12").waitFor();

    await form.getByLabel("What to change").selectOption({ label: "Readiness (±)" });
    await form.getByLabel("Nation", { exact: true }).selectOption({ label: "Nordmark" });
    await form.getByLabel("Change (+/−)").fill("5");
    await form.getByLabel("Rationale (required)").fill("The storm surge floods the sea lanes; Nordmark's emergency drills pay off.");
    await screenshot(f, "adjudication-two-changes");
    await form.getByRole("button", { name: "Apply adjustment" }).click();
    await seeText(f, "Adjustment applied and logged with its rationale.");
    expect(await form.getByRole("list", { name: "Changes in this adjustment" }).getByRole("listitem").count()).toBe(0);

    const after = await stateNow();
    expect(after.regions["n-sea"].stability).toBe(before.regions["n-sea"].stability - 12);
    expect(after.nations.north.readiness).toBe(before.nations.north.readiness + 5);
    const { events } = await (await fetch(`${server.url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
    const adjudications = events.filter((e: { type: string }) => e.type === "stateAdjusted");
    expect(adjudications).toHaveLength(1);
    expect(adjudications[0]).toMatchObject({ rationale: expect.stringMatching(/^The storm surge/), effects: [{ kind: "stability", region: "n-sea", delta: -12 }, { kind: "readiness", nation: "north", delta: 5 }] });
    expect(control.errors).toEqual([]);
  }, 60_000);
});
