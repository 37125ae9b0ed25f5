import { expect, it } from "vitest";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  browserSuite,
  browserAndServer,
  person,
  screenshot,
  seeText,
  openTab,
  panel,
  joinFromStartPage,
  openConsole,
  mselAction,
  ARTIFACTS,
} from "./support/browser.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * Exercise control works the MSEL in the console: edits an inject before it is released (a
 * fault is shown beside its field), a participant receives the edited text, a skip asks twice
 * and is undone, the printable handout shows a card and a QR code per code.
 */
browserSuite("browser: the MSEL editor", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("edits an inject before release, and the participant receives the edited text", async () => {
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    await openTab(f, "MSEL");
    const msel = panel(f);
    // A row shows its next action (release); editing is behind its "More".
    await (await mselAction(f, "1.02", "Edit inject 1.02")).click();
    const editor = msel.getByRole("form", { name: "Edit inject 1.02" });
    // A fault is named next to its field, and nothing changes.
    await editor.getByLabel("Released").selectOption({ label: "At a turn" });
    await editor.getByLabel("Turn", { exact: true }).fill("9");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await editor.locator('[data-field="trigger"] .field-error').filter({ hasText: "9" }).waitFor();
    await screenshot(f, "msel-editor-fault");
    await editor.getByLabel("Turn", { exact: true }).fill("1");
    await editor.getByLabel("Text", { exact: true }).fill("EDITED: the warship turned south at dawn.\nSecond line kept.");
    await editor.getByLabel(/Reason for the change/).fill("new intelligence");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await seeText(f, "Inject 1.02 saved.");

    const alice = await person(browser);
    const north = ex.joinCodes.find((c) => c.nation === "north")!;
    await joinFromStartPage(alice.page, server.url, north.code, "Alice");
    await seeText(alice.page, "Nordmark");

    await openTab(f, "Control");
    await f.getByRole("button", { name: "Start exercise" }).click();
    await f.locator(".phase-pill", { hasText: "Running" }).waitFor();
    // Scheduled for turn 1 by the edit: released at the start, with the edited text.
    await openTab(alice.page, /News/);
    const card = alice.page.locator('.inject-card[data-inject="1.02"]');
    await card.filter({ hasText: "EDITED: the warship turned south at dawn." }).waitFor();
    expect(await card.locator("p").last().innerText()).toContain("Second line kept.");
    await screenshot(alice.page, "msel-edited-inject-received");
    // Released: the console offers a correction, not an edit.
    await openTab(f, "MSEL");
    await msel.getByRole("button", { name: "Issue a correction to inject 1.02" }).waitFor();
    expect(await msel.getByRole("button", { name: "Edit inject 1.02" }).count()).toBe(0);
    expect(await msel.getByRole("button", { name: "More actions for inject 1.02" }).count()).toBe(0);

    // Skip asks twice, and can be undone until the turn resolves.
    await (await mselAction(f, "2.01", "Skip inject 2.01")).click();
    await msel.getByRole("button", { name: "Confirm: skip inject 2.01" }).click();
    await seeText(f, "Inject 2.01 skipped.");
    await msel.getByRole("button", { name: "Undo the skip of inject 2.01" }).click();
    await seeText(f, "The skip of inject 2.01 is undone.");
    await f.locator('tr[data-inject="2.01"][data-status="planned"]').waitFor();

    // Full width: the map is hidden, the filters narrow the list.
    await msel.getByRole("button", { name: "Full width" }).click();
    await msel.getByLabel("Filter by status").selectOption({ label: "released" });
    await f.locator('tr[data-inject="2.01"]').waitFor({ state: "detached" });
    await screenshot(f, "msel-full-width");

    const { events } = await (
      await fetch(`${server.url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
    ).json();
    const edit = events.find((e: { type: string }) => e.type === "injectEdited");
    expect(edit).toMatchObject({ inject: "red-sighting", reason: "new intelligence", changes: { trigger: { kind: "scheduled", turn: 1 } } });
    expect(events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(["injectSkipped", "injectUnskipped"]));
    const aar = await (
      await fetch(`${server.url}/api/exercises/${ex.id}/aar?format=md`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
    ).text();
    expect(aar).toMatch(/1\.02 retimed on request → T1 by .*reason: new intelligence/);
    expect(control.errors).toEqual([]);
    expect(alice.errors).toEqual([]);
  }, 90_000);

  it("adds an effect, an expected action and a condition by clicking; they come back on reopening and the effect takes place at release", async () => {
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    await openTab(f, "MSEL");
    const msel = panel(f);
    await (await mselAction(f, "1.01", "Edit inject 1.01")).click();
    const editor = msel.getByRole("form", { name: "Edit inject 1.01" });
    // The inject's expected action is a row of fields, not JSON.
    const effects = editor.getByRole("list", { name: "Effects on release" });
    const expected = editor.getByRole("list", { name: "Expected actions" });
    expect(await expected.getByRole("textbox", { name: "Expected response" }).inputValue()).toBe("Pre-position medical support");

    // A report handed to Nordmark at release, and a budget change out of range, then removed.
    await editor.getByRole("button", { name: "Add effect" }).click();
    const report = effects.getByRole("group", { name: "Effect 1" });
    await report.getByLabel("What to change").selectOption({ label: "Hand a report to nations" });
    await report.getByRole("group", { name: "Give to" }).getByLabel("Nordmark").check();
    await report.getByLabel("Report title").fill("Storm track: landfall on Skerry Island at dawn");
    await report.getByLabel("Report text").fill("The met office expects the storm to make landfall on Skerry Island at dawn.");
    await report.getByLabel("Reliability").selectOption("A");
    await report.getByRole("group", { name: "About regions (optional)" }).getByLabel("Skerry Island").check();
    await editor.getByRole("button", { name: "Add effect" }).click();
    const budget = effects.getByRole("group", { name: "Effect 2" });
    await budget.getByLabel("What to change").selectOption({ label: "Nation budget (±)" });
    await budget.getByLabel("Nation", { exact: true }).selectOption({ label: "Sudland" });
    await budget.getByLabel("Change (+/−)").fill("20000");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await editor.locator('[data-field="effects"] > .field-error').filter({ hasText: "Effect 2: “Change (+/−)” is a number from -10000 to 10000." }).waitFor();
    await budget.getByRole("button", { name: "Remove effect 2" }).click();

    // A second expected action, chosen in plain words.
    await editor.getByRole("button", { name: "Add expected response" }).click();
    const share = expected.getByRole("group", { name: "Expected response 2" });
    await share.getByRole("textbox", { name: "Expected response" }).fill("Share the storm track with Sudland");
    await share.getByLabel("Counts when a nation does").selectOption({ label: "Share intelligence" });
    await share.getByLabel("Within turns").fill("2");
    await share
      .getByRole("group", { name: /Expected of/ })
      .getByLabel("Nordmark")
      .check();
    // The scenario is in English only: the translations say how to add a language.
    await editor.getByText("Translations", { exact: true }).click();
    await editor.getByText("This scenario is written in English only").waitFor();
    await editor.getByLabel(/Reason for the change/).fill("the report goes with the warning");
    await effects.evaluate((e) => e.scrollIntoView({ block: "start" }));
    await screenshot(f, "msel-editor-effect-rows");
    await expected.evaluate((e) => e.scrollIntoView({ block: "start" }));
    await screenshot(f, "msel-editor-expected-rows");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await seeText(f, "Inject 1.01 saved.");

    // Inject 2.01 waits on 1.01's release: the condition is built, not written.
    await (await mselAction(f, "2.01", "Edit inject 2.01")).click();
    const ferry = msel.getByRole("form", { name: "Edit inject 2.01" });
    await ferry.getByLabel("Released", { exact: true }).selectOption({ label: "When a condition holds" });
    const clause = ferry.getByRole("group", { name: "Condition 1" });
    await clause.getByLabel("Condition", { exact: true }).selectOption({ label: "An inject was released" });
    await clause.getByLabel("Inject", { exact: true }).selectOption({ label: "1.01 Storm warning for Skerry Island" });
    await clause.getByLabel("At least this many turns ago").fill("1");
    await ferry.evaluate((e) => e.scrollIntoView({ block: "start" }));
    await screenshot(f, "msel-editor-condition");
    await ferry.getByRole("button", { name: "Save changes" }).click();
    await seeText(f, "Inject 2.01 saved.");

    // Reopened, everything is there.
    await (await mselAction(f, "1.01", "Edit inject 1.01")).click();
    const again = msel.getByRole("form", { name: "Edit inject 1.01" });
    const row = again.getByRole("list", { name: "Effects on release" }).getByRole("group", { name: "Effect 1" });
    expect(await row.getByLabel("Report title").inputValue()).toBe("Storm track: landfall on Skerry Island at dawn");
    expect(await row.getByLabel("Reliability").inputValue()).toBe("A");
    expect(
      await again
        .getByRole("list", { name: "Effects on release" })
        .getByRole("group")
        .filter({ hasText: /^Effect \d/ })
        .count(),
    ).toBe(1);
    const second = again.getByRole("list", { name: "Expected actions" }).getByRole("group", { name: "Expected response 2" });
    expect(await second.getByRole("textbox", { name: "Expected response" }).inputValue()).toBe("Share the storm track with Sudland");
    expect(await second.getByLabel("Counts when a nation does").inputValue()).toBe("shareIntel");
    expect(await second.getByLabel("Within turns").inputValue()).toBe("2");
    await again.getByRole("button", { name: "Cancel" }).click();
    await (await mselAction(f, "2.01", "Edit inject 2.01")).click();
    const ferryAgain = msel.getByRole("form", { name: "Edit inject 2.01" });
    expect(await ferryAgain.getByRole("group", { name: "Condition 1" }).getByLabel("Inject", { exact: true }).inputValue()).toBe("storm-warning");
    await ferryAgain.getByRole("button", { name: "Cancel" }).click();

    const { events } = await (
      await fetch(`${server.url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
    ).json();
    const edits = events.filter((e: { type: string }) => e.type === "injectEdited");
    expect(edits[0]).toMatchObject({ inject: "storm-warning" });
    // Only what was edited changed: the effects and the expected actions (the first one as it was).
    expect(Object.keys(edits[0].changes).sort()).toEqual(["effects", "expectedActions"]);
    expect(edits[0].changes.expectedActions[0]).toEqual({ description: "Pre-position medical support", command: "prepositionAsset", withinTurns: 1 });
    expect(edits[1]).toMatchObject({
      inject: "ferry",
      changes: { trigger: { kind: "conditional", condition: { kind: "injectReleased", inject: "storm-warning", afterTurns: 1 }, earliestTurn: 2 } },
    });

    // Released at the start: Nordmark reads the inject and holds the report it handed over.
    const alice = await person(browser);
    const north = ex.joinCodes.find((c) => c.nation === "north")!;
    await joinFromStartPage(alice.page, server.url, north.code, "Alice");
    await seeText(alice.page, "Nordmark");
    await openTab(f, "Control");
    await f.getByRole("button", { name: "Start exercise" }).click();
    await f.locator(".phase-pill", { hasText: "Running" }).waitFor();
    await openTab(alice.page, "Intelligence");
    await panel(alice.page).getByRole("article", { name: "Storm track: landfall on Skerry Island at dawn" }).waitFor();
    await screenshot(alice.page, "msel-effect-report-received");
    expect(control.errors).toEqual([]);
    expect(alice.errors).toEqual([]);
  }, 120_000);

  it("prints a handout with a card and a QR code per join code", async () => {
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    await f.getByRole("button", { name: "Open handout" }).click();
    const handout = f.getByRole("dialog", { name: "Join codes handout" });
    await handout.waitFor();
    const cards = handout.locator(".handout-card");
    await expect.poll(() => cards.count()).toBe(ex.joinCodes.length + 1);
    for (const code of [...ex.joinCodes.map((c) => c.code), ex.observerCode]) await handout.locator(".handout-code", { hasText: code }).waitFor();
    expect(await handout.locator(".qr svg").count()).toBe(ex.joinCodes.length + 1);
    await screenshot(f, "handout");
    await f.emulateMedia({ media: "print" });
    await f.pdf?.({ path: join(ARTIFACTS, "handout.pdf") }).catch(() => undefined);
    await f.emulateMedia({ media: "screen" });
    // The QR code's link opens the start page with the code filled in.
    const visitor = await person(browser);
    await visitor.page.goto(`${server.url}/?code=${encodeURIComponent(ex.joinCodes[0]!.code)}`);
    expect(await visitor.page.getByLabel("Join code").inputValue()).toBe(ex.joinCodes[0]!.code);
    expect(control.errors).toEqual([]);
  }, 60_000);
});

/** Downloads the live MSEL from the console in a format, as exercise control would. */
async function download(page: Page, format: "CSV" | "Excel"): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    panel(page)
      .getByRole("button", { name: `Download MSEL as ${format}` })
      .click(),
  ]);
  return readFileSync((await file.path())!);
}

/** Imports a file into the exercise from the console: check, look at the preview, import. */
async function importFile(page: Page, path: string): Promise<void> {
  const msel = panel(page);
  await msel.getByLabel("The MSEL file (CSV or Excel)").setInputFiles(path);
  await msel.getByRole("button", { name: "Check file" }).click();
  await msel.getByRole("table", { name: "Injects in the file" }).waitFor();
  await msel.getByRole("button", { name: "Import these injects" }).click();
  await seeText(page, /injects? imported\./);
}

browserSuite("browser: each shipped MSEL through a spreadsheet and back", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(join(process.cwd(), "scenarios"), (b, s) => ((browser = b), (server = s)));

  for (const scenario of ["northern-flank", "cyclone-response", "strait-standoff"]) {
    it(`${scenario}: CSV and Excel, byte-stable after the first round trip`, async () => {
      const ex = await server.createExercise(scenario);
      const control = await person(browser);
      const f = control.page;
      await openConsole(f, server.url, ex);
      await openTab(f, "MSEL");
      const dir = join(ARTIFACTS, "msel-sheets");
      mkdirSync(dir, { recursive: true });
      for (const [format, ext] of [
        ["CSV", "csv"],
        ["Excel", "xlsx"],
      ] as const) {
        const first = await download(f, format);
        const path = join(dir, `${scenario}.${ext}`);
        writeFileSync(path, first);
        await importFile(f, path);
        const second = await download(f, format);
        writeFileSync(path, second);
        await importFile(f, path);
        const third = await download(f, format);
        expect(third.equals(second), `${scenario} ${ext}: the second and third exports are the same bytes`).toBe(true);
        expect(second.equals(first), `${scenario} ${ext}: importing the export changed nothing`).toBe(true);
      }
      const { events } = await (
        await fetch(`${server.url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
      ).json();
      expect(events.filter((e: { type: string }) => e.type === "mselImported")).toHaveLength(4);
      expect(control.errors).toEqual([]);
    }, 120_000);
  }

  it("northern-flank: every inject saves unchanged through the form, and a nested condition is shown as JSON", async () => {
    const ex = await server.createExercise("northern-flank");
    const scenario = JSON.parse(readFileSync(join(process.cwd(), "scenarios", "01-northern-flank.json"), "utf8"));
    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    await openTab(f, "MSEL");
    const msel = panel(f);
    // Effects, reports with their translations, expected actions with their tasks, conditions,
    // the inject's translations: the form gives each back as it was, so the server sees no change.
    for (const { number } of scenario.msel as { number: string }[]) {
      await (await mselAction(f, number, `Edit inject ${number}`)).click();
      const editor = msel.getByRole("form", { name: `Edit inject ${number}` });
      await editor.getByRole("button", { name: "Save changes" }).click();
      await editor.getByText(`Nothing in inject ${number} changed.`).waitFor();
      await editor.getByRole("button", { name: "Cancel" }).click();
    }

    // A translation is a field of its language; saved, it is there on reopening.
    await (await mselAction(f, "1.01", "Edit inject 1.01")).click();
    const first = msel.getByRole("form", { name: "Edit inject 1.01" });
    const french = first.getByRole("group", { name: "In French" });
    await french.getByLabel("Title", { exact: true }).fill("Réunion d'urgence : le Varkhan masse des troupes");
    await french.evaluate((e) => e.scrollIntoView({ block: "start" }));
    await screenshot(f, "msel-editor-translations");
    await first.getByRole("button", { name: "Save changes" }).click();
    await seeText(f, "Inject 1.01 saved.");
    await (await mselAction(f, "1.01", "Edit inject 1.01")).click();
    const reopened = msel.getByRole("form", { name: "Edit inject 1.01" }).getByRole("group", { name: "In French" });
    expect(await reopened.getByLabel("Title", { exact: true }).inputValue()).toBe("Réunion d'urgence : le Varkhan masse des troupes");
    await msel.getByRole("form", { name: "Edit inject 1.01" }).getByRole("button", { name: "Cancel" }).click();

    // "Released 2 turns after 3.04 and no cyber unit of Sarnia in Lakeland": the builder shows it.
    await (await mselAction(f, "3.05", "Edit inject 3.05")).click();
    const simple = msel.getByRole("form", { name: "Edit inject 3.05" });
    expect(await simple.getByLabel("How the conditions combine").inputValue()).toBe("all");
    const second = simple.getByRole("group", { name: "Condition 2" });
    expect(await second.getByLabel("Condition", { exact: true }).inputValue()).toBe("assetInRegion");
    expect(await second.getByLabel("The opposite: this must not hold").isChecked()).toBe(true);
    await simple.getByRole("button", { name: "Cancel" }).click();

    // "Not any of …" nests a group: only JSON can show it, and a fault in it is named.
    await (await mselAction(f, "4.06", "Edit inject 4.06")).click();
    const nested = msel.getByRole("form", { name: "Edit inject 4.06" });
    const json = nested.getByLabel("Condition (advanced, JSON)");
    expect(JSON.parse(await json.inputValue())).toMatchObject({ kind: "all" });
    expect(await nested.getByRole("group", { name: "Condition 1" }).count()).toBe(0);
    await nested.getByRole("button", { name: "Use the builder" }).click();
    await nested.getByText("this one nests a group within a group").waitFor();
    await json.fill('{"kind": "all", "of": [');
    await nested.getByRole("button", { name: "Save changes" }).click();
    await nested.locator('[data-field="trigger.condition"] .field-error').filter({ hasText: "The condition is not valid JSON:" }).first().waitFor();
    await json.evaluate((e) => e.scrollIntoView({ block: "center" }));
    await screenshot(f, "msel-editor-condition-json");
    expect(control.errors).toEqual([]);
  }, 180_000);
});
