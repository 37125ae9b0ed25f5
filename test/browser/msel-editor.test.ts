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
    await editor.getByLabel("Text").fill("EDITED: the warship turned south at dawn.\nSecond line kept.");
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
});
