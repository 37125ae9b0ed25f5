import { expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, seeText, stepper, joinFromStartPage, startFromConsole } from "./support/browser.ts";
import { expectAccessible } from "./support/axe.ts";
import { SHIPPED_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * The map as a newcomer reads it, on a 1366 × 768 laptop and a 1024 × 768 tablet: Valdoria's
 * three units in Valdor are one stack token until pointed at or selected, labels keep a readable
 * size at the fitted zoom, selecting never re-fits the view, the map in words names crises and
 * units, the top bar is one row and the tabs at most two, and on the tablet one finger pans and
 * two fingers pinch-zoom.
 */
browserSuite("browser: a map anyone can read", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(SHIPPED_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  const view = async (page: Page) => {
    const [x, y, zoom, labelPx] = (await page.locator("[data-testid=map]").getAttribute("data-view"))!.split(",").map(Number) as [
      number,
      number,
      number,
      number,
    ];
    return { x, y, zoom, labelPx };
  };
  /** The screen point of a map point. */
  const onScreen = async (page: Page, mx: number, my: number) => {
    const v = await view(page);
    const box = (await page.locator("[data-testid=map]").boundingBox())!;
    return { x: box.x + (mx - v.x) * v.zoom, y: box.y + (my - v.y) * v.zoom };
  };
  /** The top bar is one row with nothing cut off at its end. */
  // Tabs keep to one row: exercise control's some twenty scroll along it (game/tabs.ts).
  const TAB_ROWS = 1;
  const barFits = (page: Page) => page.locator(".topbar").evaluate((e) => e.scrollWidth <= e.clientWidth + 1);
  /** How many rows the visible elements make: their vertical centres, clustered within 10 px. */
  const rows = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((els) => {
      const centres = els
        .filter((e) => (e as HTMLElement).offsetParent)
        .map((e) => {
          const r = e.getBoundingClientRect();
          return (r.top + r.bottom) / 2;
        })
        .sort((x, y) => x - y);
      return centres.filter((c, i) => i === 0 || c - centres[i - 1]! > 10).length;
    });

  it("reads at 1366 × 768: stacks, owner codes, labels, no re-fit on selection, the map in words", async () => {
    const step = stepper("map");
    const ex = await server.createExercise("northern-flank");
    const control = await person(browser, { width: 1366, height: 768 });
    await startFromConsole(control.page, server.url, ex);
    const val = await person(browser, { width: 1366, height: 768 });
    const a = val.page;
    await joinFromStartPage(a, server.url, ex.joinCodes.find((c) => c.nation === "valdoria")!.code, "Vera");
    await seeText(a, "Vera · Federal Republic of Valdoria");
    await a.locator("[data-testid=map]:not([data-regions-drawn='0'])").waitFor();
    // Focus is in the game after joining, not lost on the body.
    expect(await a.evaluate(() => document.activeElement?.closest(".topbar, main") !== null && document.activeElement !== document.body)).toBe(true);
    step("joined");
    await screenshot(a, "map-01-1366x768");

    // One row of top bar, at most two of tabs.
    expect(await rows(a, ".topbar > *:not(.visually-hidden)")).toBe(1);
    expect(await barFits(a)).toBe(true);
    expect(await rows(a, ".tablist [role=tab]")).toBeLessThanOrEqual(TAB_ROWS);
    await screenshot(control.page, "map-05-console-1366x768");
    expect(await rows(control.page, ".topbar > *:not(.visually-hidden)")).toBe(1);
    expect(await barFits(control.page)).toBe(true);
    expect(await rows(control.page, ".tablist [role=tab]")).toBeLessThanOrEqual(TAB_ROWS);
    // What does not fit is a click or a key away: "More tabs" scrolls the row, End takes the last
    // tab and brings it into view, and the row then offers the way back.
    const strip = control.page.locator(".tabstrip").first();
    const inView = (name: string) =>
      control.page.getByRole("tab", { name }).evaluate((tab) => {
        const list = tab.closest("[role=tablist]")!.getBoundingClientRect();
        const r = tab.getBoundingClientRect();
        return r.left >= list.left - 1 && r.right <= list.right + 1;
      });
    const tabNames = await control.page.locator(".tablist").first().getByRole("tab").allInnerTexts();
    const last = tabNames[tabNames.length - 1]!.replace(/\s*\d+$/, "");
    expect(await inView(last)).toBe(false);
    await expect.poll(() => strip.getByRole("button", { name: "More tabs" }).isVisible()).toBe(true);
    const selected = control.page.locator(".tablist [role=tab][aria-selected=true]").first();
    const first = (await selected.innerText()).replace(/\s*\d+$/, "");
    await selected.focus();
    await control.page.keyboard.press("End");
    await expect.poll(() => inView(last)).toBe(true);
    expect(await control.page.getByRole("tab", { name: last }).getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => strip.getByRole("button", { name: "Earlier tabs" }).isVisible()).toBe(true);
    await screenshot(control.page, "map-05b-console-last-tab");
    await strip.getByRole("button", { name: "Earlier tabs" }).click();
    await control.page.getByRole("tab", { name: first }).click();
    await expect.poll(() => inView(first)).toBe(true);

    // Labels stay at least 12 px on screen at the fitted zoom.
    const fitted = await view(a);
    expect(fitted.labelPx).toBeGreaterThanOrEqual(12);
    // Valdor holds three Valdorian units: one stack token, not three spilling out of the hexagon.
    const canvas = a.locator("[data-testid=map]");
    expect(Number(await canvas.getAttribute("data-stacks-drawn"))).toBeGreaterThanOrEqual(1);
    await expectAccessible(a, "participant at 1366×768: Orders tab");

    // Pointing at the stack opens it: each unit drawn, the stack gone.
    const stacks = Number(await canvas.getAttribute("data-stacks-drawn"));
    const valdor = await onScreen(a, 110, 660);
    await a.mouse.move(valdor.x, valdor.y);
    await a.locator(`[data-testid=map][data-stacks-drawn='${stacks - 1}']`).waitFor();
    await screenshot(a, "map-02-stack-open-on-hover");
    await a.mouse.move(5, 5);
    await a.locator(`[data-testid=map][data-stacks-drawn='${stacks}']`).waitFor();

    // Selecting a unit through the region list: the view stays exactly where it was.
    await a.getByLabel("Select a region").selectOption({ label: "Valdor (capital)" });
    await a.locator(".selection h3", { hasText: "Valdor (capital)" }).waitFor();
    await a.locator(`[data-testid=map][data-stacks-drawn='${stacks - 1}']`).waitFor();
    await a.getByRole("button", { name: /Valdorian Fighter Wing 71/ }).click();
    await a.locator(".selection h3", { hasText: "Valdorian Fighter Wing 71" }).waitFor();
    await seeText(a, "Missions it can fly");
    await a.waitForTimeout(300);
    expect(await view(a)).toEqual(fitted);
    await screenshot(a, "map-03-unit-selected");

    // The focus ring stands out from the page (≥ 3:1): dark on the white panels, yellow on the dark top bar.
    const ringContrast = (selector: string) =>
      a
        .locator(selector)
        .first()
        .evaluate((e) => {
          (e as HTMLElement).focus({ focusVisible: true } as FocusOptions);
          const lum = (css: string) => {
            const [r, g, b] = css
              .match(/\d+(\.\d+)?/g)!
              .slice(0, 3)
              .map((v) => Number(v) / 255)
              .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          let bg = e.parentElement!;
          while (getComputedStyle(bg).backgroundColor === "rgba(0, 0, 0, 0)") bg = bg.parentElement!;
          const [l1, l2] = [lum(getComputedStyle(e).outlineColor), lum(getComputedStyle(bg).backgroundColor)].sort((x, y) => y - x) as [number, number];
          return (l1 + 0.05) / (l2 + 0.05);
        });
    await a.keyboard.press("Tab");
    expect(await ringContrast(".tabpanel:not([hidden]) button")).toBeGreaterThanOrEqual(3);
    expect(await ringContrast(".topbar button")).toBeGreaterThanOrEqual(3);

    // The map in words names the crisis and the units of each region.
    await a.locator("summary", { hasText: "The map in words" }).click();
    const words = a.locator(".map-words-list");
    await expect.poll(() => words.textContent()).toMatch(/Lakeland — [^.]*\. ▲ Crisis: disinformation campaign, severity \d+\./);
    expect(await words.textContent()).toMatch(
      /Valdor \(capital\) — Federal Republic of Valdoria \(VAL\), stability \d+\. 3 units: AIR Valdorian Fighter Wing 71 \(VAL, ready\)/,
    );
    await screenshot(a, "map-04-map-in-words");
    await expectAccessible(a, "participant: the map in words open");
    await a.locator("summary", { hasText: "The map in words" }).click();
    await expectAccessible(control.page, "exercise control at 1366×768: Control tab");
    // At 1440 px too, for both.
    for (const p of [a, control.page]) {
      await p.setViewportSize({ width: 1440, height: 900 });
      await p.waitForTimeout(200);
      expect(await rows(p, ".topbar > *:not(.visually-hidden)")).toBe(1);
      if (!(await barFits(p))) await screenshot(p, "map-debug-1440");
      expect(
        await barFits(p),
        await p.locator(".topbar > *").evaluateAll((els) => els.map((e) => `${e.className}:${Math.round(e.getBoundingClientRect().width)}`).join(" ")),
      ).toBe(true);
    }
    for (const p of [val, control]) expect(p.errors.filter((e) => !/favicon|GL Driver/.test(e))).toEqual([]);
    await Promise.all([val.context.close(), control.context.close()]);
  }, 90_000);

  it("works on a 1024 × 768 tablet: one finger pans, two fingers pinch-zoom, a tap opens a stack", async () => {
    const ex = await server.createExercise("northern-flank");
    const control = await person(browser, { width: 1366, height: 768 });
    await startFromConsole(control.page, server.url, ex);
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, hasTouch: true });
    const a = await context.newPage();
    await joinFromStartPage(a, server.url, ex.joinCodes.find((c) => c.nation === "valdoria")!.code, "Tam");
    await seeText(a, "Tam · Federal Republic of Valdoria");
    const canvas = a.locator("[data-testid=map]");
    await a.locator("[data-testid=map]:not([data-regions-drawn='0'])").waitFor();
    await screenshot(a, "map-06-tablet-1024x768");
    expect(await rows(a, ".topbar > *:not(.visually-hidden)")).toBe(1);
    expect(await barFits(a)).toBe(true);
    expect(await rows(a, ".tablist [role=tab]")).toBeLessThanOrEqual(TAB_ROWS);
    const fitted = await view(a);
    expect(fitted.labelPx).toBeGreaterThanOrEqual(11);
    await expectAccessible(a, "participant on a 1024×768 tablet");

    const box = (await canvas.boundingBox())!;
    await screenshot(a, "map-06-tablet-1024x768");
    const cdp = await context.newCDPSession(a);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: { x: number; y: number }[]) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
    // A tap on Valdor's stack selects the region and opens the stack (no hover on a touch screen).
    const stacks = Number(await canvas.getAttribute("data-stacks-drawn"));
    const valdor = await onScreen(a, 110, 660);
    await touch("touchStart", [valdor]);
    await touch("touchEnd", []);
    await a.locator(".selection h3", { hasText: "Valdor (capital)" }).waitFor();
    await a.locator(`[data-testid=map][data-stacks-drawn='${stacks - 1}']`).waitFor();
    expect(await view(a)).toEqual(fitted);
    await a.getByLabel("Select a region").selectOption({ label: "— choose —" });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // One finger drags the map 120 px left: the view moves right by 120 px worth of map.
    await touch("touchStart", [{ x: cx, y: cy }]);
    for (let i = 1; i <= 6; i++) await touch("touchMove", [{ x: cx - 20 * i, y: cy }]);
    await touch("touchEnd", []);
    await expect.poll(async () => (await view(a)).x).toBeGreaterThan(fitted.x + 100 / fitted.zoom);
    const panned = await view(a);
    expect(panned.zoom).toBe(fitted.zoom);
    // Two fingers spread from 100 px apart to 250 px: the zoom grows about 2.5 times.
    await touch("touchStart", [
      { x: cx - 50, y: cy },
      { x: cx + 50, y: cy },
    ]);
    for (let i = 1; i <= 5; i++)
      await touch("touchMove", [
        { x: cx - 50 - 15 * i, y: cy },
        { x: cx + 50 + 15 * i, y: cy },
      ]);
    await touch("touchEnd", []);
    await expect.poll(async () => (await view(a)).zoom).toBeGreaterThan(panned.zoom * 2);
    expect((await view(a)).zoom).toBeLessThan(panned.zoom * 3);
    await screenshot(a, "map-07-tablet-pinched");
    await context.close();
    await control.context.close();
  }, 90_000);
});
