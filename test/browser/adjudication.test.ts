import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, seeText, openTab, panel, joinFromStartPage, startFromConsole } from "./support/browser.ts";
import { expectAccessible } from "./support/axe.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * Exercise control adjudicates several consequences at once (two changes, one rationale, one
 * entry in the record), and fires an ad-hoc inject that changes the world and expects a
 * response, which the after-action review then evaluates like a scripted inject's.
 */
browserSuite("browser: an adjudication with several changes", () => {
  let server: RunningServer;
  let browser: Browser;

  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  /** Exercise control in the console of a new, running exercise, on the adjudication tab. */
  async function consoleOfARunningExercise() {
    const ex = await server.createExercise("triad");
    const stateNow = async () =>
      (await fetch(`${server.url}/api/exercises/${ex.id}/state`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
    const before = await stateNow();
    const control = await person(browser);
    const f = control.page;
    await startFromConsole(f, server.url, ex);
    await openTab(f, /Injects & adjudication/);
    return { ex, stateNow, before, control, f };
  }

  it("applies two changes with one rationale, each row once, after a row is removed", async () => {
    const { ex, stateNow, before, control, f } = await consoleOfARunningExercise();
    const form = panel(f).getByRole("form", { name: "Adjust the state" });
    const change = (n: number) => form.getByRole("group", { name: `Change ${n}`, exact: true });

    await change(1).getByLabel("What to change").selectOption({ label: "Region stability (±)" });
    await change(1).getByLabel("Region").selectOption({ label: "Northern Sea" });
    await change(1).getByLabel("Change (+/−)").fill("-12");

    // A blank second row is refused, and the message names the row.
    await form.getByRole("button", { name: "Add another change" }).click();
    await form.getByLabel("Rationale (required)").fill("The storm surge floods the sea lanes; Nordmark's emergency drills pay off.");
    await form.getByRole("button", { name: "Apply adjustment" }).click();
    await form.getByRole("alert").filter({ hasText: "Change 2: Fill in “Region”." }).waitFor();

    // A change decided against is removed; the row after it becomes change 2. Filling in the
    // refused row takes the refusal away: it described what was sent, not what is on screen.
    await change(2).getByLabel("What to change").selectOption({ label: "Nation budget (±)" });
    await form.getByRole("alert").waitFor({ state: "detached" });
    expect(await form.getByText("Change 2: Fill in “Region”.").count()).toBe(0);
    await change(2).getByLabel("Nation", { exact: true }).selectOption({ label: "Sudland" });
    await change(2).getByLabel("Change (+/−)").fill("50");
    await form.getByRole("button", { name: "Add another change" }).click();
    await change(3).getByLabel("What to change").selectOption({ label: "Readiness (±)" });
    await change(3).getByLabel("Nation", { exact: true }).selectOption({ label: "Nordmark" });
    await change(3).getByLabel("Change (+/−)").fill("5");
    await form.getByRole("button", { name: "Remove change 2" }).click();
    expect(await form.getByRole("list", { name: "Changes in this adjustment" }).getByRole("listitem").count()).toBe(2);
    expect(await change(2).getByLabel("What to change").inputValue()).toBe("readiness");
    await form.getByRole("heading", { name: "Adjust the state" }).evaluate((e) => e.scrollIntoView({ block: "start" }));
    await screenshot(f, "adjudication-two-changes");
    await expectAccessible(f, "exercise control: an adjudication with two changes");

    await form.getByRole("button", { name: "Apply adjustment" }).click();
    await seeText(f, "Adjustment applied and logged with its rationale.");
    // Ready for the next adjustment: one blank change, no rationale.
    expect(await form.getByRole("list", { name: "Changes in this adjustment" }).getByRole("listitem").count()).toBe(1);
    expect(await change(1).getByLabel("Region").inputValue()).toBe("");
    expect(await form.getByLabel("Rationale (required)").inputValue()).toBe("");

    const after = await stateNow();
    expect(after.regions["n-sea"].stability).toBe(before.regions["n-sea"].stability - 12);
    expect(after.nations.north.readiness).toBe(before.nations.north.readiness + 5);
    expect(after.nations.south.budget).toBe(before.nations.south.budget);
    const { events } = await (
      await fetch(`${server.url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
    ).json();
    const adjudications = events.filter((e: { type: string }) => e.type === "stateAdjusted");
    expect(adjudications).toHaveLength(1);
    expect(adjudications[0]).toMatchObject({
      rationale: expect.stringMatching(/^The storm surge/),
      effects: [
        { kind: "stability", region: "n-sea", delta: -12 },
        { kind: "readiness", nation: "north", delta: 5 },
      ],
    });
    expect(adjudications[0].effects).toHaveLength(2);
    expect(control.errors).toEqual([]);
  }, 60_000);

  it("fires an ad-hoc inject that changes the world and is evaluated in the after-action review", async () => {
    const { ex, stateNow, before, control, f } = await consoleOfARunningExercise();
    const form = panel(f).getByRole("form", { name: "Fire an ad-hoc inject" });
    const effect = form.getByRole("group", { name: "Effect 1", exact: true });
    const response = form.getByRole("group", { name: "Expected response 1", exact: true });
    await form.getByLabel("Title").fill("Tanker aground in the Central Sea");
    await form.getByLabel("Text").fill("A tanker has run aground; oil is spreading towards Sudland's coast.");
    // The capability field offers the MSEL's spelling, so the review groups both injects under one.
    const capability = form.getByLabel("Capability (optional)");
    expect(await capability.evaluate((input: HTMLInputElement) => Array.from(input.list?.options ?? []).map((o) => o.value))).toEqual([
      "Environmental response",
    ]);
    await capability.fill("Environmental response");
    await form.getByLabel("Training objective (optional)").fill("Coordinate a cross-border spill response");
    await form.getByRole("heading", { name: "Ad-hoc inject" }).evaluate((e) => e.scrollIntoView({ block: "start" }));
    await screenshot(f, "adhoc-inject-training-links");
    await form.getByText("Effects and expected responses (optional)").click();

    // An effect row left without its target is refused by name.
    await form.getByRole("button", { name: "Add effect" }).click();
    await effect.getByLabel("What to change").selectOption({ label: "Start or set a crisis" });
    await form.getByRole("button", { name: "Fire inject" }).click();
    await form.getByRole("alert").filter({ hasText: "Effect 1: Fill in “Region”." }).waitFor();
    await effect.getByLabel("Region", { exact: true }).selectOption({ label: "Central Sea" });
    await effect.getByLabel("Crisis kind").fill("oil spill");
    await effect.getByLabel("Severity (0–100)").fill("45");

    await form.getByRole("button", { name: "Add expected response" }).click();
    await response.getByLabel("Expected response", { exact: true }).fill("Coordinate the spill response with Nordmark");
    await response.getByLabel("Counts when a nation does").selectOption({ label: "Send a message" });
    await response.getByLabel("Sudland").check();
    await form.getByRole("heading", { name: "Effects on release" }).evaluate((e) => e.scrollIntoView({ block: "start" }));
    await screenshot(f, "adhoc-inject-with-effects");
    await expectAccessible(f, "exercise control: an ad-hoc inject with effects");
    await form.getByRole("button", { name: "Fire inject" }).click();
    await seeText(f, "Inject released to its audience.");
    expect(await form.getByRole("list", { name: "Effects of this inject" }).getByRole("listitem").count()).toBe(0);
    expect(await capability.inputValue()).toBe("");

    const after = await stateNow();
    expect(before.regions["c-sea"].crisis).toBeNull();
    expect(after.regions["c-sea"].crisis).toMatchObject({ kind: "oil spill", severity: 45 });
    const fired = Object.values<{ id: string; title: string; status: string; expectedActions: unknown[] }>(after.injects).find(
      (i) => i.title === "Tanker aground in the Central Sea",
    )!;
    expect(fired).toMatchObject({
      status: "released",
      expectedActions: [{ description: "Coordinate the spill response with Nordmark", command: "sendMessage", nations: ["south"], withinTurns: 1 }],
    });
    const { events } = await (
      await fetch(`${server.url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
    ).json();
    const firedEvent = events.find((e: { type: string }) => e.type === "injectFired");
    expect(firedEvent.inject.spec.effects).toEqual([{ kind: "crisis", region: "c-sea", crisisKind: "oil spill", severity: 45 }]);

    // Sudland reads the inject and answers it: whether a message coordinates is for the evaluators to
    // judge (no rule reads its words), so the review shows the message sent, for the evaluator.
    const carol = await person(browser);
    const c = carol.page;
    await joinFromStartPage(c, server.url, ex.joinCodes.find((j) => j.nation === "south")!.code, "Carol");
    await seeText(c, "Carol · Sudland");
    await openTab(c, "News");
    await seeText(c, "Tanker aground in the Central Sea");
    await openTab(c, "Channels");
    await c.getByRole("button", { name: "Nordmark (bilateral)" }).click();
    await panel(c).getByLabel("Message", { exact: true }).fill("We propose a joint clean-up of the Central Sea spill.");
    await panel(c).getByRole("button", { name: "Send", exact: true }).click();
    await seeText(c, "We propose a joint clean-up");

    const aar = await (
      await fetch(`${server.url}/api/exercises/${ex.id}/aar?format=json`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
    ).json();
    const review = aar.injects.find((i: { inject: string }) => i.inject === fired.id);
    expect(review).toMatchObject({
      title: "Tanker aground in the Central Sea",
      releasedTurn: 1,
      verdict: "for the evaluator",
      capability: "Environmental response",
      objective: "Coordinate a cross-border spill response",
      expected: [{ description: "Coordinate the spill response with Nordmark", command: "sendMessage" }],
    });
    expect(review.expected[0].byNation).toMatchObject([{ nation: "south", verdict: "for the evaluator", responseTurns: 0 }]);
    expect(review.expected[0].byNation[0].action).not.toBeNull();
    expect(control.errors).toEqual([]);
    expect(carol.errors.filter((e) => !/favicon|GL Driver/.test(e))).toEqual([]);
  }, 60_000);

  // The console's lists of assets are made again only when an asset changed (ui/memo.ts, with
  // the records a patch did not change kept by identity, state/keep-same.ts): a changed asset
  // must still show its new state in every list that names it.
  it("lists an asset's new status in the order form once exercise control changed it", async () => {
    const { control, f } = await consoleOfARunningExercise();
    const frigate = () => panel(f).locator('select[name="asset"] option[value="n-frigate"]');
    await openTab(f, /^Orders/);
    expect(await frigate().textContent()).toContain("(ready)");

    await openTab(f, /Injects & adjudication/);
    const form = panel(f).getByRole("form", { name: "Adjust the state" });
    const change = form.getByRole("group", { name: "Change 1", exact: true });
    await change.getByLabel("What to change").selectOption({ label: "Asset status" });
    await change.getByLabel("Asset", { exact: true }).selectOption({ label: "NMS Valkyrie (Nordmark)" });
    await change.getByLabel("New status").selectOption({ label: "degraded" });
    await form.getByLabel("Rationale (required)").fill("The frigate's radar fails in the storm.");
    await form.getByRole("button", { name: "Apply adjustment" }).click();
    await seeText(f, "Adjustment applied and logged with its rationale.");

    await openTab(f, /^Orders/);
    await expect.poll(async () => frigate().textContent()).toContain("(degraded)");
    // The other assets read as before.
    expect(await panel(f).locator('select[name="asset"] option[value="n-uav"]').textContent()).toContain("(ready)");
    expect(control.errors).toEqual([]);
  }, 60_000);
});
