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

  /** Exercise control in the console of a new, running exercise, on the adjudication tab. */
  async function consoleOfARunningExercise() {
    const ex = await server.createExercise("triad");
    const stateNow = async () => (await fetch(`${server.url}/api/exercises/${ex.id}/state`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
    const before = await stateNow();
    const control = await person(browser);
    const f = control.page;
    await f.goto(`${server.url}/#facilitator=${ex.facilitatorToken}&exercise=${ex.id}`);
    await f.getByRole("button", { name: "Start exercise" }).click();
    await f.locator(".phase-pill", { hasText: "Running" }).waitFor();
    await openTab(f, /Injects & adjudication/);
    return { ex, stateNow, before, control, f };
  }

  it("applies two changes with one rationale", async () => {
    const { ex, stateNow, before, control, f } = await consoleOfARunningExercise();
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

  it("fires an ad-hoc inject that changes the world and expects a response", async () => {
    const { ex, stateNow, before, control, f } = await consoleOfARunningExercise();
    const form = panel(f).getByRole("form", { name: "Fire an ad-hoc inject" });
    await form.getByLabel("Title").fill("Tanker aground in the Central Sea");
    await form.getByLabel("Text").fill("A tanker has run aground; oil is spreading towards Sudland's coast.");
    await form.getByText("Effects and expected responses (optional)").click();
    await form.getByLabel("What to change").selectOption({ label: "Start or set a crisis" });
    await form.getByLabel("Region", { exact: true }).selectOption({ label: "Central Sea" });
    await form.getByLabel("Crisis kind").fill("oil spill");
    await form.getByLabel("Severity (0–100)").fill("45");
    await form.getByRole("button", { name: "Add effect" }).click();
    await form.getByRole("list", { name: "Effects of this inject" }).getByText("Start or set a crisis: Central Sea, oil spill, 45").waitFor();
    await form.getByLabel("Expected response", { exact: true }).fill("Send a ship to contain the spill");
    await form.getByLabel("Counts when a nation does").selectOption({ label: "Deploy an asset" });
    await form.getByLabel("In region (for movements)").selectOption({ label: "Central Sea" });
    await form.getByRole("button", { name: "Add expected response" }).click();
    await form.getByRole("list", { name: "Expected responses" }).getByText("Send a ship to contain the spill (Deploy an asset in Central Sea, within 1 turn)").waitFor();
    await screenshot(f, "adhoc-inject-with-effects");
    await form.getByRole("button", { name: "Fire inject" }).click();
    await seeText(f, "Inject released to its audience.");

    const after = await stateNow();
    expect(before.regions["c-sea"].crisis).toBeNull();
    expect(after.regions["c-sea"].crisis).toMatchObject({ kind: "oil spill", severity: 45 });
    const fired = Object.values<{ title: string; expectedActions: unknown[]; status: string }>(after.injects).find((i) => i.title === "Tanker aground in the Central Sea");
    expect(fired).toMatchObject({ status: "released", expectedActions: [{ description: "Send a ship to contain the spill", command: "deployAsset", region: "c-sea", withinTurns: 1 }] });
    expect(control.errors).toEqual([]);
  }, 60_000);
});
