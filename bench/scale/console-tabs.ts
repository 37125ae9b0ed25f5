import type { Page } from "playwright-core";
import { arm, done, settle } from "./paint-timing.ts";

/** A tab's name and the milliseconds from its click to the frame that shows its panel. */
export type TabShown = { tab: string; ms: number };

/**
 * Every tab of the page's first tab list shown in turn, `rounds` times (the first round fills
 * the forms' long lists, the later ones show what is already built): from the pointer going
 * down on the tab to the first frame painted with its panel shown (paint-timing.ts). Exercise
 * control's console has eighteen tabs; at full size its forms hold lists of the 5,000 assets,
 * the 400 regions and the 2,000 injects.
 */
export async function showEveryTab(page: Page, rounds: number): Promise<TabShown[]> {
  const tabs = await page
    .locator(".tablist")
    .first()
    .locator("[role=tab]")
    .evaluateAll((els) => els.map((e) => ({ id: e.id, name: e.querySelector(".tab-title")?.textContent ?? e.id })));
  const shown: TabShown[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { id, name } of tabs) {
      const panel = id.replace(/^tab-/, "panel-");
      await settle(page, 100);
      await arm(page, ["pointerdown"], `(() => { const p = document.getElementById(${JSON.stringify(panel)}); return !!p && !p.hidden; })()`);
      await page.locator(`#${id}`).click();
      shown.push({ tab: name, ms: await done(page) });
    }
  }
  return shown;
}

/** The slowest tabs, for the notes: "Adjudicate 137 ms, Notes 66 ms, …". */
export const slowestTabs = (shown: TabShown[], count = 3): string =>
  [...shown]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((s) => `${s.tab} ${Math.round(s.ms)} ms`)
    .join(", ");
