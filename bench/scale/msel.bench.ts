import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "../../server/config.ts";
import { clientBuildIsStale, buildClient } from "../../server/client-build.ts";
import { startConcord } from "../processes.ts";
import { percentile, slowest, result, type BenchResult } from "../stats.ts";
import { scaleScenario, type ScaleSize } from "./scale-scenario.ts";
import { LENGTH_SIZE } from "./long-log.ts";
import { arm, done, launchChromium, settle } from "./paint-timing.ts";

const PORT = 2666;
/** What is typed in the MSEL's search, one key at a time; then the search is cleared. */
const QUERY = "inject 17";

type Inject = { number: string; title: unknown; body: unknown; from?: unknown; controller?: string; notes?: string };
const english = (text: unknown): string => (typeof text === "string" ? text : ((text as { en?: string } | undefined)?.en ?? ""));
/** How many injects the MSEL view's search shows for `q` (msel-panel.ts: number, title, body, from, controller, notes). */
const matching = (msel: Inject[], q: string) =>
  msel.filter((i) =>
    [i.number, english(i.title), english(i.body), english(i.from), i.controller ?? "", i.notes ?? ""].some((s) =>
      s.toLocaleLowerCase().includes(q.trim().toLocaleLowerCase()),
    ),
  ).length;

/** The MSEL tab shows the table with `shown` of `total` injects counted and its first rows drawn. */
const showing = (shown: number, total: number) => `(() => {
  const panel = document.querySelector("#panel-msel");
  if (!panel || panel.hidden) return false;
  const numbers = (panel.querySelector("p.meta[aria-live]")?.textContent ?? "").replace(/[,\\u00a0\\u202f]/g, "").match(/\\d+/g) ?? [];
  const rows = panel.querySelectorAll("tbody tr[data-inject]");
  return numbers[0] === "${shown}" && numbers[1] === "${total}" && (${shown} === 0 || (rows.length > 0 && rows[0].getBoundingClientRect().height > 0));
})()`;

type Measured = { renderMs: number[]; filterMs: number[]; loadMs: number };

/** The console of a fresh exercise of `scenarioId`: the MSEL tab opened `repeats` times (from the Control tab), then the search typed and cleared. */
async function measure(page: Page, url: string, scenarioId: string, msel: Inject[], repeats: number): Promise<Measured> {
  const ex = await (
    await fetch(`${url}/api/exercises`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId }) })
  ).json();
  if (!ex.id) throw new Error(`msel bench: exercise not created: ${JSON.stringify(ex)}`);
  const started = Date.now();
  await page.goto(`${url}/#facilitator=${ex.facilitatorToken}&exercise=${ex.id}`);
  await page.locator("#tab-msel").waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="map"][data-regions-drawn]').waitFor({ timeout: 120_000 });
  const loadMs = Date.now() - started;
  await settle(page, 1000);
  const total = msel.length;
  const renderMs: number[] = [];
  const filterMs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    await page.locator("#tab-control").click();
    await settle(page, 300);
    await arm(page, ["pointerdown"], showing(total, total));
    await page.locator("#tab-msel").click();
    renderMs.push(await done(page));
    await settle(page, 300);
    const search = page.locator("#panel-msel input[name=mselSearch]");
    await search.focus();
    for (let k = 1; k <= QUERY.length; k++) {
      await arm(page, ["keydown"], showing(matching(msel, QUERY.slice(0, k)), total));
      await page.keyboard.press(QUERY[k - 1] === " " ? "Space" : QUERY[k - 1]!);
      filterMs.push(await done(page));
    }
    await page.keyboard.press("ControlOrMeta+A");
    await arm(page, ["keydown"], showing(total, total));
    await page.keyboard.press("Backspace");
    filterMs.push(await done(page));
    await settle(page, 300);
  }
  return { renderMs, filterMs, loadMs };
}

/**
 * The MSEL at scale (issue #23, "MSEL"): the console's MSEL view of 2,000 injects (half: 1,000)
 * renders ≤ 1 s and filters ≤ 100 ms, in headless Chromium. Render: click on the MSEL tab → the
 * table painted with every inject counted; filter: a key typed in its search → the table painted
 * with the injects that match (each key of "inject 17", then clearing it). Baseline: the shipped
 * Northern Flank MSEL, the same way in the same run. The map is the length bench's (12 nations,
 * 100 regions, 600 assets), so the map's own scale (issue #23's item 1) stays out of these figures.
 * `client`: the dist/ of another build, served instead of this tree's (to compare builds).
 */
export async function runMselBench({ quick, client }: { quick: boolean; client?: string }): Promise<BenchResult[]> {
  // `client`: another build's dist/ (to compare two builds in the same hour); by default this tree's, built when stale.
  const clientDir = client ?? join(ROOT, "dist");
  if (!client && clientBuildIsStale(clientDir)) buildClient();
  const dir = mkdtempSync(join(tmpdir(), "concord-msel-"));
  const sizes: [string, ScaleSize][] = [
    ["1k", { ...LENGTH_SIZE, injects: 1000 }],
    ["2k", { ...LENGTH_SIZE, injects: 2000 }],
  ];
  const scenarios = sizes.map(([label, size]) => ({ label, scenario: scaleScenario(size) as unknown as { id: string; msel: Inject[] } }));
  for (const { label, scenario } of scenarios)
    writeFileSync(join(dir, `msel-${label}.json`), JSON.stringify({ ...scenario, id: `${scenario.id}-msel${label}` }));
  copyFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), join(dir, "01-northern-flank.json"));
  const shipped = JSON.parse(readFileSync(join(dir, "01-northern-flank.json"), "utf8")) as { id: string; msel: Inject[] };
  const server = await startConcord(PORT, { SCENARIOS_DIR: dir, CLIENT_DIR: clientDir, CONCORD_LOG_LEVEL: "warn" });
  const browser = await launchChromium();
  const repeats = quick ? 3 : 7;
  try {
    const url = `http://127.0.0.1:${PORT}`;
    const out: BenchResult[] = [];
    const open = async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.stack ?? String(e)));
      return { page, errors };
    };
    let previous: { baseline: Measured; errors: string[] } | null = null;
    for (const { label, scenario } of scenarios) {
      // The baseline first, in a page of its own, then the big MSEL: each pair in the same minute
      // (the quick run measures the baseline once, before the first size).
      let base: { baseline: Measured; errors: string[] } | null = quick ? previous : null;
      if (!base) {
        const page = await open();
        base = { baseline: await measure(page.page, url, shipped.id, shipped.msel, repeats), errors: page.errors };
        await page.page.close();
      }
      previous = base;
      const { baseline } = base;
      const big = await open();
      const m = await measure(big.page, url, `${scenario.id}-msel${label}`, scenario.msel, repeats);
      await big.page.close();
      const errors = [...base.errors, ...big.errors];
      if (errors.length) throw new Error(`msel bench: the page failed: ${errors.join("; ")}`);
      const n = scenario.msel.length;
      process.stdout.write(
        `  msel ${n}: render ${m.renderMs.map((v) => v.toFixed(0)).join("/")} ms (baseline ${baseline.renderMs.map((v) => v.toFixed(0)).join("/")}), filter p50 ${percentile(m.filterMs, 50).toFixed(0)} p99 ${percentile(m.filterMs, 99).toFixed(0)} ms (baseline ${percentile(baseline.filterMs, 50).toFixed(0)}/${percentile(baseline.filterMs, 99).toFixed(0)}), console loaded in ${m.loadMs} ms (baseline ${baseline.loadMs})\n`,
      );
      const where = `${n.toLocaleString("en")} injects (12 nations, 100 regions, 600 assets); baseline: the Northern Flank's ${shipped.msel.length} injects, the same way in the same run`;
      out.push(
        result(
          `scale.msel_${label}_render_ms`,
          percentile(m.renderMs, 50),
          percentile(baseline.renderMs, 50),
          "ms",
          "<= 1000",
          "value",
          `${where}; click on the MSEL tab → the table painted with all counted; median of ${repeats}: ${m.renderMs.map((v) => v.toFixed(0)).join(", ")} ms`,
        ),
      );
      out.push(
        result(
          `scale.msel_${label}_filter_p50_ms`,
          percentile(m.filterMs, 50),
          percentile(baseline.filterMs, 50),
          "ms",
          "<= 100",
          "value",
          `a key in the MSEL's search ("${QUERY}", then cleared) → the table painted with the matching injects; ${m.filterMs.length} keys`,
        ),
      );
      out.push(
        result(
          `scale.msel_${label}_filter_p99_ms`,
          percentile(m.filterMs, 99),
          percentile(baseline.filterMs, 99),
          "ms",
          "<= 100",
          "value",
          `the slowest keys: ${slowest(m.filterMs)} ms`,
        ),
      );
      out.push(
        result(
          `scale.msel_${label}_console_load_ms`,
          m.loadMs,
          baseline.loadMs,
          "ms",
          "<= 3000",
          "value",
          "navigation to the console → its map drawn (the MSEL is made while the console loads)",
        ),
      );
    }
    return out;
  } finally {
    await browser.close();
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}
