import { expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, seeText, panel, openTab, joinFromStartPage, type Person, openConsole } from "./support/browser.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * Transfer of authority as people do it: exercise control designates the alliance commander in
 * the console; Sudland places its field hospital under alliance command from the order form,
 * excluding humanitarian aid; Nordmark, the commander, then finds it in its own order form and
 * orders it, and the caveat refuses what Sudland excluded.
 */
browserSuite("browser: forces under alliance command", () => {
  let server: RunningServer;
  let browser: Browser;
  const people: Person[] = [];

  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  /** Picks the option whose text contains `text` (labels carry status and region, which change). */
  /** Exercise control's console, and Alice (Nordmark) and Carol (Sudland) joined from the start page. */
  async function consoleAndTwoTeams() {
    const ex = await server.createExercise("triad");
    const code = (nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;
    const control = await person(browser);
    const [alice, carol] = await Promise.all([person(browser), person(browser)]);
    people.push(control, alice, carol);
    await openConsole(control.page, server.url, ex);
    await Promise.all([joinFromStartPage(alice.page, server.url, code("north"), "Alice"), joinFromStartPage(carol.page, server.url, code("south"), "Carol")]);
    return { ex, control, alice, carol };
  }

  async function pick(page: Page, label: string, text: string) {
    const select = panel(page).getByLabel(label, { exact: true });
    const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
    await select.selectOption(value!);
  }

  it("designates the commander, places an asset under alliance command with a caveat, and the commander orders it", async () => {
    const { ex, control, alice, carol } = await consoleAndTwoTeams();
    const f = control.page;
    await seeText(alice.page, "Alice · Nordmark");
    await seeText(carol.page, "Carol · Sudland");
    await f.getByRole("button", { name: "Start exercise" }).click();
    await seeText(carol.page, "Turn 1 of 4");

    // Without a commander the order is refused, and the refusal says what to do.
    const c = carol.page;
    await panel(c).getByLabel("Order", { exact: true }).selectOption({ label: "Place under alliance command" });
    await pick(c, "Asset", "Sudland Field Hospital");
    await panel(c).getByRole("button", { name: "Draft order", exact: true }).click();
    await panel(c).getByRole("alert").filter({ hasText: "No alliance commander is designated yet" }).waitFor();

    // Exercise control designates Nordmark in the console.
    const command = f.getByRole("form", { name: "Alliance command" });
    await command.getByLabel("Alliance commander").selectOption({ label: "Nordmark" });
    await command.getByRole("button", { name: "Designate" }).click();
    await seeText(f, "Alliance commander: Nordmark");
    await command.evaluate((e) => e.scrollIntoView({ block: "center" }));
    await screenshot(f, "toa-01-console-designates-commander");
    await seeText(c, "Alliance commander: Nordmark");

    // Sudland places its field hospital under alliance command, excluding humanitarian aid.
    await pick(c, "Asset", "Sudland Field Hospital");
    await panel(c).getByRole("group", { name: "National caveats: missions it may not be given" }).getByLabel("humanitarian aid").check();
    await panel(c).getByRole("button", { name: "Draft order", exact: true }).click();
    await seeText(c, "Draft added");
    await seeText(c, "Place Sudland Field Hospital under alliance command (caveats: no humanitarian aid)");
    await screenshot(c, "toa-02-sudland-places-under-command");
    await f.getByRole("button", { name: "Resolve turn now" }).click();
    await seeText(c, "Turn 2 of 4");

    // Sudland can no longer order it; Nordmark, the commander, finds it in its own list and orders it.
    const a = alice.page;
    await seeText(a, "Turn 2 of 4");
    await panel(a).getByLabel("Order", { exact: true }).selectOption({ label: "Deploy an asset" });
    await pick(a, "Asset", "under your alliance command");
    await panel(a).getByLabel("Destination", { exact: true }).selectOption({ label: "Skerry Island (land)" });
    await panel(a).getByLabel("Mission", { exact: true }).selectOption({ label: "humanitarian aid" });
    await panel(a).getByRole("button", { name: "Draft order", exact: true }).click();
    await panel(a).getByRole("alert").filter({ hasText: "Sudland's national caveat" }).waitFor();
    await panel(a).getByLabel("Mission", { exact: true }).selectOption({ label: "medical support" });
    await panel(a).getByRole("button", { name: "Draft order", exact: true }).click();
    await seeText(a, "Deploy Sudland Field Hospital to Skerry Island (medical support)");
    await screenshot(a, "toa-03-commander-orders-sudland-hospital");

    await panel(c).getByLabel("Order", { exact: true }).selectOption({ label: "Deploy an asset" });
    await pick(c, "Asset", "Sudland Field Hospital");
    await panel(c).getByLabel("Destination", { exact: true }).selectOption({ label: "Skerry Island (land)" });
    await panel(c).getByLabel("Mission", { exact: true }).selectOption({ label: "medical support" });
    await panel(c).getByRole("button", { name: "Draft order", exact: true }).click();
    await panel(c).getByRole("alert").filter({ hasText: "is under alliance command: Nordmark orders it" }).waitFor();

    await f.getByRole("button", { name: "Resolve turn now" }).click();
    await seeText(a, "Turn 3 of 4");
    const state = await (await fetch(`${server.url}/api/exercises/${ex.id}/state`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
    expect(state.allianceCommander).toBe("north");
    expect(state.assets["s-med"]).toMatchObject({ owner: "south", region: "island", mission: "medical", authority: { excludedMissions: ["humanitarian"] } });
    for (const p of people) expect(p.errors).toEqual([]);
  }, 90_000);

  it("proposes a scoped MOU and terminates it; grants consent and revokes it", async () => {
    const { ex, control, alice, carol } = await consoleAndTwoTeams();
    const f = control.page;
    await seeText(carol.page, "Carol · Sudland");
    await f.getByRole("button", { name: "Start exercise" }).click();
    const [a, c] = [alice.page, carol.page];
    await seeText(a, "Turn 1 of 4");

    // Nordmark proposes a training MOU to Sudland; Sudland accepts; it says what it opens.
    await openTab(a, "Diplomacy");
    const propose = panel(a).getByRole("form", { name: "Propose an agreement" });
    await propose.getByLabel("Kind").selectOption({ label: "Memorandum of understanding (MOU)" });
    await propose.getByLabel("Title").fill("Joint training MOU");
    await propose.getByLabel("Sudland").check();
    await propose.getByLabel("Cooperation it opens (MOU)").selectOption({ label: "joint training (cheaper joint exercises)" });
    await propose.getByRole("button", { name: "Propose agreement" }).click();
    await openTab(c, "Diplomacy");
    await panel(c).getByRole("button", { name: "Accept Joint training MOU" }).click();
    await seeText(a, "Opens: joint training (cheaper joint exercises)");
    await seeText(a, "Status: in force");

    // Sudland asks to enter Nordmark Coast; Nordmark grants, then revokes.
    const request = panel(c).getByRole("form", { name: "Request consent to enter" });
    await request.getByLabel("Region (host nation)").selectOption({ label: "Nordmark Coast (Nordmark)" });
    await request.getByRole("button", { name: "Request consent" }).click();
    await panel(a).getByRole("button", { name: "Grant Sudland entry to Nordmark Coast" }).click();
    await panel(a).getByRole("button", { name: "Revoke consent for Sudland in Nordmark Coast" }).click();
    await seeText(a, "Consent revoked: their forces leave at the next resolution.");
    await seeText(c, "Status: revoked");

    // Nordmark terminates the MOU: it costs trust, and the results say so.
    await panel(a).getByRole("button", { name: "Terminate Joint training MOU" }).click();
    await seeText(a, "Status: terminated");
    await seeText(c, "Status: terminated");
    await screenshot(a, "toa-04-agreement-terminated-consent-revoked");
    const state = await (await fetch(`${server.url}/api/exercises/${ex.id}/state`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
    expect(
      Object.values(state.agreements as Record<string, { title: string; status: string; scope?: string; terminatedBy?: string }>).find(
        (x) => x.title === "Joint training MOU",
      ),
    ).toMatchObject({ status: "terminated", scope: "training", terminatedBy: "north" });
    expect(Object.values(state.consentRequests as Record<string, { status: string }>)[0]!.status).toBe("revoked");
    for (const p of [alice, carol]) expect(p.errors).toEqual([]);
  }, 90_000);
});
