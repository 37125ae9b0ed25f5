import { expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, seeText, openTab, panel, joinFromStartPage, startFromConsole } from "./support/browser.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * The new seats, as people use them: exercise control gives out a role-player code for the
 * non-playable nation and a controller code from the Roster tab; the role-player joins through
 * the start page and answers a team's consent request in character; a named controller joins
 * and writes in the controller log, which the lead reads signed with the controller's name.
 */
browserSuite("browser: role-players and named controllers", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  /** Gives out a code from the Roster tab and reads it off the table. */
  async function issueCode(f: Page, settings: { role: string; nation?: string; label?: string; nations?: string[] }, key: string): Promise<string> {
    await openTab(f, "Roster");
    const form = panel(f).getByRole("form", { name: "Give out a code" });
    await form.getByLabel("Role").selectOption({ label: settings.role });
    if (settings.nation) await form.getByLabel("Nation played").selectOption({ label: settings.nation });
    if (settings.label) await form.getByLabel("Name or persona").fill(settings.label);
    for (const nation of settings.nations ?? []) await form.getByRole("group", { name: "Limited to nations" }).getByLabel(nation).check();
    await form.getByRole("button", { name: "Give out the code" }).click();
    const code = panel(f).locator(`[data-seat-code-for="${key}"]`);
    await code.waitFor();
    return (await code.textContent())!.trim();
  }

  it("a role-player joins through the start page and answers a consent request for Redonia", async () => {
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await startFromConsole(f, server.url, ex);
    const code = await issueCode(f, { role: "role-player", nation: "Redonia", label: "Redonia MFA spokesperson" }, "roleplayer:red");
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await screenshot(f, "seats-roster-codes");

    // Nordmark asks Redonia for consent to enter the Red Gulf.
    const blue = await person(browser);
    await joinFromStartPage(blue.page, server.url, ex.joinCodes.find((c) => c.nation === "north")!.code, "Alice");
    await openTab(blue.page, "Diplomacy");
    const ask = panel(blue.page).getByRole("form", { name: "Request consent to enter" });
    await ask.getByLabel("Region (host nation)").selectOption({ label: "Red Gulf (Redonia)" });
    await ask.getByRole("button", { name: "Request consent" }).click();
    await seeText(blue.page, "Request sent to the host nation.");

    // The role-player joins with the code and a name, and plays Redonia's side.
    const red = await person(browser);
    await red.page.goto(server.url);
    await red.page.getByLabel("Join code").fill(code);
    await red.page.getByLabel("Your name").fill("Ana");
    await red.page.getByLabel("Join code").blur();
    await red.page.getByRole("button", { name: "Join exercise" }).click();
    await seeText(red.page, "Ana, role-player for Redonia");
    await openTab(red.page, "Diplomacy");
    await panel(red.page).getByRole("button", { name: "Deny Nordmark entry to Red Gulf" }).click();
    await seeText(red.page, "Consent denied.");
    await screenshot(red.page, "seats-roleplayer-consent");

    // Nordmark reads the answer; exercise control reads who gave it.
    await openTab(blue.page, "Diplomacy");
    await panel(blue.page)
      .getByText(/Status: denied/)
      .waitFor();
    await openTab(f, /^News/);
    await seeText(f, "Role-player Ana played for Redonia:");
    expect([...control.errors, ...blue.errors, ...red.errors]).toEqual([]);
    await Promise.all([control.context.close(), blue.context.close(), red.context.close()]);
  }, 90_000);

  it("a named controller joins with its code and logs an entry the lead reads, signed", async () => {
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await startFromConsole(f, server.url, ex);
    const code = await issueCode(f, { role: "controller", label: "Bo", nations: ["Sudland"] }, "controller:Bo");

    const bo = await person(browser);
    await joinFromStartPage(bo.page, server.url, code, "Bo");
    await seeText(bo.page, "Bo, controller");
    // A controller cannot remove seats: the roster offers no Remove button.
    await openTab(bo.page, "Roster");
    await seeText(bo.page, /Bo — online \(you\)/);
    expect(
      await panel(bo.page)
        .getByRole("button", { name: /^Remove / })
        .count(),
    ).toBe(0);
    await openTab(bo.page, "Log");
    await panel(bo.page).getByLabel("Entry").fill("Sudland asked for ten more minutes; granted.");
    await panel(bo.page).getByRole("button", { name: "Log it" }).click();
    await seeText(bo.page, "Logged.");

    await openTab(f, "Log");
    await panel(f).getByText("Sudland asked for ten more minutes; granted.").waitFor();
    await expect(panel(f).locator("[data-log-entry] .meta").first().textContent()).resolves.toMatch(/turn 1 · Bo$/);
    await screenshot(f, "seats-controller-log");
    expect([...control.errors, ...bo.errors]).toEqual([]);
    await Promise.all([control.context.close(), bo.context.close()]);
  });

  it("exercise control acts as Redonia from the console; Nordmark reads the message under Redonia's name", async () => {
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await startFromConsole(f, server.url, ex);
    const blue = await person(browser);
    await joinFromStartPage(blue.page, server.url, ex.joinCodes.find((c) => c.nation === "north")!.code, "Alice");
    await seeText(blue.page, "Alice");

    await f.getByLabel("Act as").selectOption({ label: "Redonia" });
    await seeText(f, "Orders, answers and messages you send now are Redonia's, made in person by you.");
    await openTab(f, "Channels");
    await panel(f)
      .getByRole("button", { name: /^Nordmark \(bilateral\)/ })
      .click();
    await panel(f).getByLabel("Message", { exact: true }).fill("Redonia's fleet exercise is routine.");
    await panel(f).getByRole("button", { name: "Send" }).click();
    await seeText(f, "Sent.");
    await screenshot(f, "seats-act-as");

    await openTab(blue.page, "Channels");
    await panel(blue.page)
      .getByRole("button", { name: /^Redonia \(bilateral\)/ })
      .click();
    const line = panel(blue.page).getByRole("listitem").filter({ hasText: "Redonia's fleet exercise is routine." }).last();
    await line.waitFor();
    const said = (await line.textContent())!;
    expect(said).toContain("Redonia");
    expect(said).not.toMatch(/Exercise control/i);
    await screenshot(blue.page, "seats-act-as-received");
    // Back to the white cell: the news names who played.
    await f.getByLabel("Act as").selectOption({ label: "Exercise control (no nation)" });
    await f.getByLabel("View as").selectOption({ label: "White cell (everything)" });
    await openTab(f, /^News/);
    await seeText(f, "Exercise control played Redonia in person:");
    expect([...control.errors, ...blue.errors]).toEqual([]);
    await Promise.all([control.context.close(), blue.context.close()]);
  }, 60_000);
});
