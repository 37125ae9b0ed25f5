import JSZip from "jszip";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { Client } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { launchChromium, skipBrowser, ARTIFACTS } from "../support/chromium.ts";
import { startWebServer } from "../support/web-server.ts";
import { seatFor } from "../server/harness.ts";
import { expectAccessible } from "../browser/support/axe.ts";

const PORT = 2604;
let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Browser;
let exercise: { id: string; facilitatorToken: string; observerCode: string; joinCodes: { nation: string; code: string }[] };
let beforeSharing = 0;
let sharedAt = 0;

describe.skipIf(skipBrowser)("replay viewer in Chromium", () => {
  beforeAll(async () => {
    server = await startWebServer(PORT);
    browser = await launchChromium();
    exercise = await (
      await fetch(`${server.url}/api/exercises`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: "tiny" }),
      })
    ).json();
    const sdk = new Client(server.url);
    const code = (n: string) => exercise.joinCodes.find((c) => c.nation === n)!.code;
    const control = await seatFor(await sdk.joinById(exercise.id, { token: exercise.facilitatorToken, name: "Control" }));
    const north = await seatFor(await sdk.joinById(exercise.id, { code: code("north"), name: "Alice" }));
    const south = await seatFor(await sdk.joinById(exercise.id, { code: code("south"), name: "Bob" }));
    await control.send({ type: "startExercise" });
    await control.send({ type: "releaseInject", inject: "red-sighting" });
    await control.send({ type: "addNote", text: "Nordmark shared within the turn.", inject: "red-sighting" });
    const report = JSON.parse([...north.perspective().reports.values()][0]);
    beforeSharing = north.room.state.seq;
    sharedAt = (await north.send({ type: "shareIntel", report: report.id, with: ["south"] })).seq!;
    for (let turn = 1; turn <= 4; turn++) {
      await north.send({ type: "commitTurn", turn });
      await south.send({ type: "commitTurn", turn });
    }
    for (const seat of [control, north, south]) await seat.room.leave();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens a finished exercise, scrubs, and shows a nation only what it knew then", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const refused = cspViolations(page);
    await page.goto(`${server.url}/replay.html`);
    await page.getByLabel("Observer code").fill(exercise.observerCode);
    await page.getByRole("button", { name: "Open replay" }).click();
    await page.getByRole("heading", { name: /Replay: Tiny test exercise/ }).waitFor();
    // The live client's map, drawn from the replayed state.
    await page.locator('[data-testid="replay-map"]:not([data-regions-drawn="0"])').waitFor();
    await expectText(page, /Event \d+ of \d+ · turn 4 · ended/);
    await page.screenshot({ path: join(ARTIFACTS, "replay-white-cell-end.png"), fullPage: true });
    await expectAccessible(page, "replay: white cell at the end");

    const pairs = () => page.getByLabel("Pair of nations").locator("option").allInnerTexts();
    expect(await pairs()).toEqual(["Nordmark – Redonia", "Nordmark – Sudland", "Redonia – Sudland"]);
    await page.getByLabel("Perspective").selectOption("south");
    // Sudland knew its own relations only: the chart offers no pair it is not part of.
    expect(await pairs()).toEqual(["Nordmark – Sudland", "Redonia – Sudland"]);
    await page.getByLabel("Pair of nations").selectOption({ label: "Redonia – Sudland" });
    await expectText(page, /Trust and interoperability: Redonia – Sudland/);
    await page.getByLabel("Position in the exercise (event number)").fill(String(beforeSharing));
    await expectText(page, new RegExp(`Event ${beforeSharing} of`));
    const before = await page.locator("section[aria-labelledby=reports-h]").innerText();
    expect(before).not.toContain("RNS Grom");
    expect(await page.locator("section[aria-labelledby=injects-h]").innerText()).not.toContain("Unidentified warship");
    await page.screenshot({ path: join(ARTIFACTS, "replay-sudland-before-sharing.png"), fullPage: true });
    await expectAccessible(page, "replay: a nation's view before sharing");

    await page.getByRole("button", { name: "Next event" }).click();
    await expectText(page, new RegExp(`Event ${beforeSharing + 1} of .*shared an intelligence report`));
    await page.getByLabel("Position in the exercise (event number)").fill(String(sharedAt));
    await expectText(page, new RegExp(`Event ${sharedAt} of`));
    expect(await page.locator("section[aria-labelledby=reports-h]").innerText()).toContain("RNS Grom");
    expect(await page.locator("section[aria-labelledby=reports-h]").innerText()).toContain("Provenance: Nordmark → Sudland");
    expect(refused).toEqual([]);
    await page.close();
  });

  it("builds a closed turn card's body when it is first opened, and keeps the card across seeks", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.url}/replay.html`);
    await page.getByLabel("Observer code").fill(exercise.observerCode);
    await page.getByRole("button", { name: "Open replay" }).click();
    await page.locator('[data-testid="replay-map"]:not([data-regions-drawn="0"])').waitFor();
    const panel = page.locator("section[aria-labelledby=turns-h]");
    // Exercise control reads every team's card, all closed: each is its summary line alone.
    const first = panel.locator(".turn-card").first();
    await first.waitFor();
    expect(await panel.locator(".turn-card").count()).toBeGreaterThan(1);
    expect(await panel.locator(".turn-card[open]").count()).toBe(0);
    expect(await panel.locator(".turn-books").count()).toBe(0);
    const turn = Number(await first.getAttribute("data-turn"));
    const nation = await first.getAttribute("data-nation");
    // Opened, it is built: the books line by line.
    await first.locator("summary").click();
    await first.getByText("Budget, political capital and readiness, line by line").waitFor();
    expect(await panel.locator(".turn-books").count()).toBe(1);
    // A jump to before that turn's resolution takes the card off; back at the end, it is the same card, still open.
    const position = page.getByLabel("Position in the exercise (event number)");
    await position.fill("1");
    await expectText(page, /Event 1 of/);
    expect(await panel.locator(`.turn-card[data-turn="${turn}"][data-nation="${nation}"]`).count()).toBe(0);
    await position.fill(await position.getAttribute("max").then((max) => max!));
    await expectText(page, /turn 4 · ended/);
    const again = panel.locator(`.turn-card[data-turn="${turn}"][data-nation="${nation}"]`);
    expect(await again.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await panel.locator(".turn-books").count()).toBe(1);
    await page.close();
  });

  it("shows after jumps back and forth, in every panel, what opening at that moment shows", async () => {
    // The panels are kept between seeks and change only where their lists differ: after a tour
    // of the log they must read exactly as a replay opened at the moment does, for each perspective.
    const side = (page: Page) => page.locator(".main .side").innerText();
    const openAt = async (seq: number, perspective: string) => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`${server.url}/replay.html#code=${exercise.observerCode}&seq=${seq}`);
      await expectText(page, new RegExp(`Event ${seq} of`));
      if (perspective !== "white") {
        await page.getByLabel("Perspective").selectOption(perspective);
        await expectText(page, new RegExp(`Event ${seq} of`));
      }
      return page;
    };
    const toured = await openAt(1, "white");
    const position = toured.getByLabel("Position in the exercise (event number)");
    const last = Number(await position.getAttribute("max"));
    const middle = Math.floor(last / 2);
    for (const perspective of ["white", "north"]) {
      if (perspective !== "white") await toured.getByLabel("Perspective").selectOption(perspective);
      for (const seq of [last, 1, middle, last, sharedAt, middle]) {
        await position.fill(String(seq));
        await expectText(toured, new RegExp(`Event ${seq} of`));
      }
      for (const seq of [middle, last]) {
        await position.fill(String(seq));
        await expectText(toured, new RegExp(`Event ${seq} of`));
        const fresh = await openAt(seq, perspective);
        expect(await side(toured)).toBe(await side(fresh));
        await fresh.close();
      }
    }
    await toured.close();
  });

  it("brings the form back, saying why, when the log cannot be loaded after the code was accepted", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // The code is good (its lookup answers), the log's download fails: the map had started, the form comes back.
    // The log comes in ranges (`…/events?from=&to=`): every range fails.
    await page.route(/\/api\/exercises\/[^/]+\/events(\?|$)/, (route) => route.fulfill({ status: 503, contentType: "application/json", body: "{}" }));
    await page.goto(`${server.url}/replay.html`);
    await page.getByLabel("Observer code").fill(exercise.observerCode);
    await page.getByRole("button", { name: "Open replay" }).click();
    await expect.poll(() => page.getByRole("alert").innerText()).toBe("The server could not answer (error 503). Try again in a moment.");
    await page.getByRole("button", { name: "Open replay" }).waitFor();
    expect(await page.locator("[data-testid=replay-map]").count()).toBe(0);
    await page.close();
  });

  it("reviews injects against what the teams did and exports the after-action report", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.url}/replay.html#code=${exercise.observerCode}`);
    const review = page.locator("table.review");
    await review.waitFor();
    const text = await review.innerText();
    expect(text).toContain("Share the sighting with Sudland");
    expect(text).toMatch(/Nordmark\s+met\s+0 turns/);
    expect(text).toContain("Nordmark shared within the turn.");
    await page.getByRole("button", { name: /1\.02 Unidentified warship/ }).click();
    await expectText(page, /Event \d+ of \d+ · turn 1 · running · 1\.02 Unidentified warship/);
    await page.locator("section[aria-labelledby=review-h]").screenshot({ path: join(ARTIFACTS, "replay-inject-review.png") });
    await expectAccessible(page, "replay: inject review");

    // The link carries no secret: a click trades the observer code for a one-time ticket.
    expect(await page.getByRole("link", { name: "HTML" }).getAttribute("href")).not.toContain(exercise.observerCode);
    const [tab] = await Promise.all([page.waitForEvent("popup"), page.getByRole("link", { name: "HTML" }).click()]);
    const refusedInReport = cspViolations(tab);
    await tab.waitForURL(/\/aar\?format=html&lang=en&ticket=/);
    expect(tab.url()).not.toContain(exercise.observerCode);
    await tab
      .getByRole("heading", { name: /After-action report/ })
      .first()
      .waitFor();
    const html = await tab.content();
    expect(refusedInReport).toEqual([]);
    await tab.close();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
    expect(csv.url()).toMatch(/format=csv&lang=en&download=1&ticket=/);
    // One CSV per table, in a zip named after the exercise and date.
    expect(csv.suggestedFilename()).toMatch(/^aar-.+-\d{4}-\d{2}-\d{2}-csv\.zip$/);
    const zip = await JSZip.loadAsync(readFileSync((await csv.path())!));
    expect(await zip.file("injects.csv")!.async("string")).toMatch(/^\uFEFFInject No\.,Title,/);
    expect(zip.file("observations.csv")).not.toBeNull();
    expect(html).toContain("Unidentified warship near the Northern Sea");
    const aarPage = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await aarPage.setContent(html);
    await aarPage.screenshot({ path: join(ARTIFACTS, "aar-html.png"), fullPage: true });
    await expectAccessible(aarPage, "after-action report (HTML)");
    await aarPage.pdf?.({ path: join(ARTIFACTS, "aar.pdf") }).catch(() => undefined);
    await aarPage.close();
    await page.close();
  });

  it("speaks French when the seat chooses it: the screen, the status lines and the report exported from it", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.url}/replay.html#code=${exercise.observerCode}`);
    await page.getByRole("heading", { name: /Replay: Tiny test exercise/ }).waitFor();
    await page.getByLabel("Language").selectOption("fr");
    await page.getByRole("heading", { name: /Rejeu : Tiny test exercise/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    await expectText(page, /Événement \d+ sur \d+ · tour 4 · terminé · /);
    const review = await page.locator("table.review").innerText();
    expect(review).toMatch(/Nordmark\s+atteint\s+0 tour/);
    expect(review).toContain("a partagé un rapport de renseignement avec Sudland");
    // The status line of a turn's commitment names the nation, never the event.
    const committed = await page.evaluate(() => document.body.innerText);
    expect(committed).not.toMatch(/turn committed|nation updated|folded in/);
    await page.getByLabel("Aller à un tour").selectOption({ label: "Tour 2" });
    await page.getByRole("button", { name: "Événement précédent" }).click();
    await expectText(page, /Tour 1 validé par (Nordmark|Sudland)\.|Résolution du tour 1/);
    // Remembered: the next visit opens in French.
    await page.reload();
    await page.getByRole("heading", { name: /Rejeu : Tiny test exercise/ }).waitFor();
    const [tab] = await Promise.all([page.waitForEvent("popup"), page.getByRole("link", { name: "HTML" }).click()]);
    await tab.waitForURL(/\/aar\?format=html&lang=fr&ticket=/);
    await tab.getByRole("heading", { name: "Retour d’expérience (RETEX)" }).waitFor();
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe("fr");
    expect(await tab.locator("h2").allInnerTexts()).toContain("Évaluation injection par injection");
    await tab.close();
    await page.evaluate(() => localStorage.removeItem("concord.lang"));
    await page.close();
  });

  it("lets exercise control add an item that the after-action report then lists", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.url}/replay.html#exercise=${exercise.id}&token=${exercise.facilitatorToken}`);
    await page.getByLabel("Issue / area for improvement").fill("Intelligence reached Sudland only after a turn");
    await page.getByLabel("Corrective action").fill("Agree a standing intelligence-sharing arrangement before the next exercise");
    await page.getByLabel("Capability element").selectOption("planning");
    await page.getByLabel("Primary responsible organisation").fill("Nordmark J2");
    await page.getByLabel("Point of contact").fill("Maj. Berg");
    await page.getByLabel("Responsible nation").selectOption("north");
    await page.getByLabel("Start date").fill("2031-07-01");
    await page.getByLabel("Completion date").fill("2031-09-30");
    await page.getByRole("button", { name: "Add to improvement plan" }).click();
    await page.getByRole("cell", { name: "Intelligence reached Sudland only after a turn", exact: true }).waitFor();
    // Edited in place: the status moves on, the log keeps both versions.
    await page.getByRole("button", { name: "Edit “Intelligence reached Sudland only after a turn”" }).click();
    expect(await page.getByLabel("Point of contact").inputValue()).toBe("Maj. Berg");
    await page.getByLabel("Status").selectOption("in-progress");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Item saved.").waitFor();
    await page.getByRole("cell", { name: "in progress", exact: true }).waitFor();
    await page.locator("section[aria-labelledby=ip-h]").screenshot({ path: join(ARTIFACTS, "replay-improvement-plan.png") });
    await expectAccessible(page, "replay: improvement plan");
    const md = await (
      await fetch(`${server.url}/api/exercises/${exercise.id}/aar?format=md`, { headers: { authorization: `Bearer ${exercise.observerCode}` } })
    ).text();
    expect(md).toContain(
      "|  | Intelligence reached Sudland only after a turn | Agree a standing intelligence-sharing arrangement before the next exercise | Planning | Nordmark J2 | Maj. Berg | 2031-07-01 | 2031-09-30 | in progress |",
    );
    await page.close();
  });
});

/** What Chromium reports when the page's Content-Security-Policy refuses something. */
function cspViolations(page: import("playwright-core").Page): string[] {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  return refused;
}

async function expectText(page: import("playwright-core").Page, pattern: RegExp) {
  await page.getByText(pattern).first().waitFor({ timeout: 10_000 });
}
