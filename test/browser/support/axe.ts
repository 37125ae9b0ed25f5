import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type AxeNode = { target: string[]; failureSummary?: string };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };

/**
 * Runs axe-core (the page's rules for WCAG 2.x A and AA and best practice) on the page as it is
 * now, and fails naming every critical or serious violation with the elements at fault. Injected
 * through the DevTools protocol, so the server's Content-Security-Policy stays as it is.
 * Call it once per state a test visits: `await expectAccessible(page, "participant: Orders tab")`.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // Let the last patch's DOM and a transition settle: axe reads colours as painted.
  await page.waitForTimeout(150);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  })) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === "critical" || v.impact === "serious");
  if (bad.length === 0) return;
  const lines = bad.map(
    (v) =>
      `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 4)
        .map((n) => `    at ${n.target.join(" ")}: ${(n.failureSummary ?? "").split("\n").slice(1, 2).join(" ").trim()}`)
        .join("\n")}`,
  );
  throw new Error(`axe-core: ${bad.length} critical or serious accessibility violation(s) on "${state}":\n${lines.join("\n")}`);
}

/**
 * Opens each tab of the side panel in turn, runs expectAccessible on each, and comes back to
 * the tab that was open: one line covers every tab a seat has.
 */
export async function expectEveryTabAccessible(page: Page, who: string): Promise<void> {
  const tabs = page.getByRole("tab");
  const selected = await page.locator("[role=tab][aria-selected=true]").getAttribute("id");
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    await tab.click();
    await expectAccessible(page, `${who}: ${(await tab.textContent())?.trim()} tab`);
  }
  if (selected) await page.locator(`#${selected}`).click();
}
