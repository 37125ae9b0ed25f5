import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { chromium, type Browser, type Page, type BrowserContext, type Locator } from "playwright-core";
import { ROOT } from "../../../server/config.ts";
import { startConcord, type RunningServer } from "./server.ts";
import { expectAccessible } from "./axe.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SKIP_BROWSER = process.env.CONCORD_SKIP_BROWSER === "1";
export const ARTIFACTS = join(ROOT, "test", "artifacts");

/**
 * A browser test suite. With CONCORD_SKIP_BROWSER=1 it is skipped and says so loudly; without
 * Chromium it fails and says how to install it (CI must not pass without having run it).
 */
export function browserSuite(name: string, body: () => void): void {
  if (SKIP_BROWSER) {
    process.stderr.write(`\n${"!".repeat(78)}\n!!  BROWSER TESTS SKIPPED (CONCORD_SKIP_BROWSER=1): "${name}" did not run.\n${"!".repeat(78)}\n\n`);
    describe(name, () => it.skip(`SKIPPED because CONCORD_SKIP_BROWSER=1 — unset it to run the browser tests`, () => {}));
    return;
  }
  describe(name, body);
}

/**
 * Every suite's setup: one Chromium and one Concord server (on `scenariosDir`) for the suite,
 * both closed after it. `ready` hands them over once they are up.
 */
export function browserAndServer(scenariosDir: string, ready: (browser: Browser, server: RunningServer) => void): void {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startConcord(scenariosDir);
    ready(browser, server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary. (CONCORD_SKIP_BROWSER=1 skips the browser tests.)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

export type Person = { context: BrowserContext; page: Page; errors: string[] };

/** One person at one browser: their own context (own localStorage), a page, and their console errors. */
export async function person(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Person> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { context, page, errors };
}

/**
 * How a screenshot is taken. `of`: only this part of the page (the whole page is still checked);
 * `fullPage`: the whole scrollable page; `notAccessibleBecause`: the page is shown in a state
 * that is broken on purpose (say why), so axe is not run on it.
 */
export type ShotOptions = { of?: Locator; fullPage?: boolean; notAccessibleBecause?: string };

/**
 * Saves a screenshot of a page state the test visits, then runs axe-core on that state (0
 * critical, 0 serious: support/axe.ts). Every browser test takes its screenshots here, so every
 * state a test shows is checked (issue #21, item 8) without each test calling axe itself; the
 * picture is saved first, so a failure can be looked at.
 */
export async function screenshot(page: Page, name: string, options: ShotOptions = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  if (options.of) await options.of.screenshot({ path });
  else await page.screenshot({ path, fullPage: options.fullPage ?? false });
  if (options.notAccessibleBecause === undefined) await expectAccessible(page, name);
  else if (!options.notAccessibleBecause.trim()) throw new Error(`screenshot "${name}": say why axe is not run on it`);
  return path;
}

/** Waits until some visible element shows the text (substring, case-sensitive). */
export async function seeText(page: Page, text: string | RegExp, timeout = 10_000): Promise<void> {
  await page.getByText(text).filter({ visible: true }).first().waitFor({ state: "visible", timeout });
}

/** Fails if a visible element shows the text, after giving patches a moment to arrive. */
export async function dontSeeText(page: Page, text: string | RegExp, settleMs = 400): Promise<void> {
  await page.waitForTimeout(settleMs);
  const count = await page.getByText(text).filter({ visible: true }).count();
  if (count > 0) throw new Error(`expected not to see ${String(text)} but it is shown ${count} time(s)`);
}

/** Opens the start page, types a join code and a name and presses "Join exercise", as a participant would. */
/** Joins from the start page as a person would; with a language, chooses it there first. */
export async function joinFromStartPage(page: Page, url: string, code: string, name: string, language?: "English" | "Français"): Promise<void> {
  await page.goto(url);
  if (language) await page.locator("[data-language-menu]").selectOption({ label: language });
  const labels =
    language === "Français"
      ? { code: "Code d'accès", name: "Votre nom", join: "Rejoindre l'exercice" }
      : { code: "Join code", name: "Your name", join: "Join exercise" };
  await page.getByLabel(labels.code).fill(code);
  await page.getByLabel(labels.name).fill(name);
  await page.getByRole("button", { name: labels.join }).click();
}

/** Exercise control's console for an exercise, opened from the facilitator link. */
export async function openConsole(page: Page, url: string, exercise: { id: string; facilitatorToken: string }): Promise<void> {
  await page.goto(`${url}/#facilitator=${exercise.facilitatorToken}&exercise=${exercise.id}`);
}

/** Opens the console and starts the exercise, as exercise control would, and waits until it runs. */
export async function startFromConsole(page: Page, url: string, exercise: { id: string; facilitatorToken: string }): Promise<void> {
  await openConsole(page, url, exercise);
  await page.getByRole("button", { name: "Start exercise" }).click();
  await page.locator(".phase-pill", { hasText: "Running" }).waitFor();
}

export async function openTab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("tab", { name }).click();
}

/** The visible tab panel, to scope label lookups (hidden panels have forms with the same labels). */
export function panel(page: Page) {
  return page.getByRole("tabpanel");
}

/**
 * An MSEL row's action, as a person reaches it: a row shows its next action, and the others
 * behind its "More" button (client/src/facilitator/msel-row-actions.ts), pressed when they are
 * not shown yet.
 */
export async function mselAction(page: Page, number: string, name: string | RegExp): Promise<Locator> {
  const action = panel(page).getByRole("button", { name, exact: typeof name === "string" });
  const more = panel(page).getByRole("button", { name: `More actions for inject ${number}` });
  if ((await action.count()) === 0 && (await more.getAttribute("aria-expanded")) !== "true") await more.click();
  await action.waitFor();
  return action;
}

/** Names the steps of a long browser test in its output (and how long each took). */
export function stepper(label: string): (what: string) => void {
  let last = Date.now();
  const verbose = process.env.CONCORD_BROWSER_STEPS === "1";
  return (what) => {
    const now = Date.now();
    if (verbose) process.stderr.write(`[${label}] +${now - last} ms  ${what}\n`);
    last = now;
  };
}
