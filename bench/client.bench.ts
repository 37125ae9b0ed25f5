import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { ROOT } from "../server/config.ts";
import { clientBuildIsStale, buildClient } from "../server/client-build.ts";
import { validateScenario } from "../shared/scenario/validate.ts";
import { startConcord } from "./processes.ts";
import { percentile, result, type BenchResult } from "./stats.ts";

/** A synthetic map of 40 regions (8 × 5) and 300 assets, for the client's load and frame time. */
function bigScenario() {
  const nations = ["blue", "orange", "green", "pink"].map((id, i) => ({
    id,
    name: `Nation ${id}`,
    color: ["#0072b2", "#e69f00", "#009e73", "#cc79a7"][i]!,
    budget: 500,
    budgetPerTurn: 50,
    politicalCapital: 50,
    readiness: 60,
  }));
  const regions: Record<string, unknown>[] = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 8; col++) {
      const id = `r${row}-${col}`;
      const adjacent = [
        [row - 1, col],
        [row + 1, col],
        [row, col - 1],
        [row, col + 1],
      ]
        .filter(([r, c]) => r! >= 0 && r! < 5 && c! >= 0 && c! < 8)
        .map(([r, c]) => `r${r}-${c}`);
      const sea = (row + col) % 3 === 0;
      regions.push({
        id,
        name: `Region ${row}-${col}`,
        kind: sea ? "sea" : "land",
        x: 70 + col * 122,
        y: 70 + row * 140,
        owner: sea ? null : nations[(row < 3 ? 0 : 2) + (col < 4 ? 0 : 1)]!.id,
        stability: 50 + ((row * 8 + col) % 40),
        adjacent,
        ...((row * 8 + col) % 7 === 0 ? { crisis: { kind: "unrest", severity: 40 } } : {}),
      });
    }
  }
  const assetTypes = [
    { id: "ship", name: "Ship", category: "naval", speed: 2, upkeep: 1, domain: "sea", missions: ["patrol"] },
    { id: "brigade", name: "Brigade", category: "land", speed: 1, upkeep: 1, domain: "land", missions: ["presence"] },
    { id: "drone", name: "Drone", category: "isr", speed: 3, upkeep: 1, domain: "any", missions: ["surveillance"], detectionRange: 1 },
  ];
  const assets = Array.from({ length: 300 }, (_, i) => {
    const region = regions[i % regions.length]! as { id: string; kind: string };
    const type = i % 5 === 0 ? "drone" : region.kind === "sea" ? "ship" : "brigade";
    return { id: `a${i}`, name: `Unit ${i}`, type, owner: nations[i % 4]!.id, region: region.id };
  });
  const scenario = {
    id: "bench-big",
    title: "Benchmark: 40 regions, 300 assets",
    summary: "A synthetic scenario for client performance measurements.",
    learningObjectives: ["Measure"],
    turns: 8,
    hoursPerTurn: 6,
    startTime: "2031-01-01T00:00:00Z",
    nations,
    regions,
    assetTypes,
    assets,
    // Synthetic: its units are there to be drawn, not to answer crises.
    validation: { unreachableAssets: "warn" },
  };
  const checked = validateScenario(scenario);
  if (!checked.ok) throw new Error(`synthetic scenario invalid: ${JSON.stringify(checked.errors.slice(0, 3))}`);
  return scenario;
}

/** The slow link of the targets: 1.6 Mbit/s both ways, 150 ms latency (Chromium's CDP network emulation). */
export const SLOW_LINK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 1_600_000 / 8 } as const;

type SlowVisit = { startUsableMs: number; joinToMapMs: number; encodings: string[]; startJsBytes: number; jsBytes: number };

/**
 * A first visit over the slow link (a new browser context: empty cache): navigation → the start
 * page's join form usable (its button rendered, so the script has run), then "Join exercise" with a
 * participant's code → the map reports all 40 regions drawn. `identity` asks for the files as they
 * are (Accept-Encoding: identity), the baseline of the same run: the same client served raw.
 */
async function slowVisit(browser: Browser, url: string, code: string, identity: boolean): Promise<SlowVisit> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_LINK);
    if (identity) await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "identity" } });
    const encodings = new Set<string>();
    let jsBytes = 0;
    page.on("response", (response) => {
      if (!response.url().includes("/assets/")) return;
      const headers = response.headers();
      encodings.add(headers["content-encoding"] ?? "identity");
      if (response.url().endsWith(".js")) jsBytes += Number(headers["content-length"] ?? 0);
    });
    const started = Date.now();
    await page.goto(url, { waitUntil: "commit" });
    const join = page.getByRole("button", { name: "Join exercise" });
    await join.waitFor({ timeout: 60_000 });
    const startUsableMs = Date.now() - started;
    const startJsBytes = jsBytes;
    await page.getByLabel("Join code").fill(code);
    await page.getByLabel("Your name").fill("Bench");
    const clicked = Date.now();
    await join.click();
    // A refused join (the start page's error banner) fails the run at once, saying why.
    const refused = page.locator(".banner.error");
    await Promise.race([
      page.locator('[data-testid="map"][data-regions-drawn="40"]').waitFor({ timeout: 90_000 }),
      refused.waitFor({ timeout: 90_000 }).then(async () => {
        throw new Error(`the join was refused: ${await refused.textContent()}`);
      }),
    ]);
    return { startUsableMs, joinToMapMs: Date.now() - clicked, encodings: [...encodings].sort(), startJsBytes, jsBytes };
  } finally {
    await context.close();
  }
}

type SlowReplay = { loginUsableMs: number; openToMapMs: number; phaserBeforeLogin: boolean; encodings: string[] };

/**
 * The replay viewer over the same link: navigation → its login form usable ("Open replay"
 * rendered), then the observer code → the replay's map reports 40 regions drawn. Phaser must not
 * be fetched before the login is usable.
 */
async function slowReplay(browser: Browser, url: string, observerCode: string, identity: boolean): Promise<SlowReplay> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_LINK);
    if (identity) await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "identity" } });
    const encodings = new Set<string>();
    let phaserAsked = false;
    page.on("request", (request) => {
      if (/\/assets\/start-game-[^/]*\.js$/.test(request.url())) phaserAsked = true;
    });
    page.on("response", (response) => {
      if (response.url().includes("/assets/")) encodings.add(response.headers()["content-encoding"] ?? "identity");
    });
    const started = Date.now();
    await page.goto(`${url}/replay.html`, { waitUntil: "commit" });
    const open = page.getByRole("button", { name: "Open replay" });
    await open.waitFor({ timeout: 60_000 });
    const loginUsableMs = Date.now() - started;
    const phaserBeforeLogin = phaserAsked;
    await page.getByLabel("Observer code").fill(observerCode);
    const clicked = Date.now();
    await open.click();
    await page.locator('[data-testid="replay-map"][data-regions-drawn="40"]').waitFor({ timeout: 90_000 });
    return { loginUsableMs, openToMapMs: Date.now() - clicked, phaserBeforeLogin, encodings: [...encodings].sort() };
  } finally {
    await context.close();
  }
}

/** Time from navigation to a drawn map, and frame times while panning and zooming, in headless Chromium. */
export async function runClientBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const clientDir = join(ROOT, "dist");
  if (clientBuildIsStale(clientDir)) buildClient();
  const dir = mkdtempSync(join(tmpdir(), "concord-bench-client-"));
  writeFileSync(join(dir, "big.json"), JSON.stringify(bigScenario()));
  const server = await startConcord(2660, { SCENARIOS_DIR: dir, CLIENT_DIR: clientDir, CONCORD_LOG_LEVEL: "warn" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
  try {
    const url = "http://127.0.0.1:2660";
    const ex = await (
      await fetch(`${url}/api/exercises`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: "bench-big" }),
      })
    ).json();
    const loads: number[] = [];
    const frames: number[] = [];
    for (let run = 0; run < (quick ? 2 : 4); run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const started = Date.now();
      await page.goto(`${url}/#facilitator=${ex.facilitatorToken}&exercise=${ex.id}`);
      await page.locator('[data-testid="map"][data-regions-drawn="40"]').waitFor({ timeout: 30_000 });
      loads.push(Date.now() - started);
      const box = (await page.locator('[data-testid="map"]').boundingBox())!;
      // Collect frame-to-frame times while a person pans and zooms for ~3 s.
      await page.evaluate(() => {
        const w = window as unknown as { __frames: number[] };
        w.__frames = [];
        let last = performance.now();
        const tick = (now: number) => {
          w.__frames.push(now - last);
          last = now;
          if (w.__frames.length < 2000) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        await page.mouse.move(cx + 120, cy + 60, { steps: 8 });
        await page.mouse.up();
        await page.mouse.wheel(0, -240);
        await page.mouse.move(cx + 120, cy + 60);
        await page.mouse.down();
        await page.mouse.move(cx, cy, { steps: 8 });
        await page.mouse.up();
        await page.mouse.wheel(0, 240);
      }
      frames.push(...(await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(5))));
      await page.close();
    }
    // The slow link: served as built (brotli) and, as the baseline, raw; runs alternate.
    const fast: SlowVisit[] = [];
    const raw: SlowVisit[] = [];
    // Each visit is a new participant; they take the nations in turn, so no team fills up.
    const codes = (ex.joinCodes as { code: string }[]).map((c) => c.code);
    let visits = 0;
    const nextCode = () => codes[visits++ % codes.length]!;
    for (let run = 0; run < (quick ? 2 : 4); run++) {
      fast.push(await slowVisit(browser, url, nextCode(), false));
      if (run < (quick ? 1 : 3)) raw.push(await slowVisit(browser, url, nextCode(), true));
    }
    const sent = (visits: SlowVisit[]) =>
      `${[...new Set(visits.flatMap((v) => v.encodings))].join("+")}, ${Math.round(visits[0]!.startJsBytes / 1024)} KB of JS on the wire for the start page, ${Math.round(visits[0]!.jsBytes / 1024)} KB with the map`;
    if (!fast.every((v) => v.encodings.join() === "br")) throw new Error(`the client was not sent as brotli: ${sent(fast)}`);
    const slow = (pick: (v: SlowVisit) => number, name: string, target: string, what: string) => {
      const values = fast.map(pick);
      const baseline = raw.map(pick);
      return [
        result(
          `client.${name}_p50`,
          percentile(values, 50),
          percentile(baseline, 50),
          "ms",
          target,
          "value",
          `${what}; 1.6 Mbit/s, 150 ms, cold cache; ${sent(fast)} (baseline: ${sent(raw)}); ${values.length} runs, baseline ${baseline.length}`,
        ),
        result(`client.${name}_p99`, percentile(values, 99), percentile(baseline, 99), "ms", target, "value"),
      ];
    };
    // The replay viewer: its login must not wait for Phaser either.
    const replays: SlowReplay[] = [];
    const rawReplays: SlowReplay[] = [];
    for (let run = 0; run < (quick ? 1 : 3); run++) {
      replays.push(await slowReplay(browser, url, ex.observerCode, false));
      if (run < (quick ? 1 : 2)) rawReplays.push(await slowReplay(browser, url, ex.observerCode, true));
    }
    if (replays.some((r) => r.phaserBeforeLogin)) throw new Error("the replay's login page fetched Phaser before it was usable");
    const replayRows = (pick: (r: SlowReplay) => number, name: string, target: string, what: string) => [
      result(
        `client.${name}_p50`,
        percentile(replays.map(pick), 50),
        percentile(rawReplays.map(pick), 50),
        "ms",
        target,
        "value",
        `${what}; 1.6 Mbit/s, 150 ms, cold cache; ${[...new Set(replays.flatMap((r) => r.encodings))].join("+")} (baseline raw); ${replays.length} runs, baseline ${rawReplays.length}`,
      ),
      result(`client.${name}_p99`, percentile(replays.map(pick), 99), percentile(rawReplays.map(pick), 99), "ms", target, "value"),
    ];
    return [
      ...replayRows(
        (r) => r.loginUsableMs,
        "slow_link_replay_login_usable",
        "<= 3000",
        'navigation to replay.html → "Open replay" rendered; Phaser not fetched before it',
      ),
      ...replayRows(
        (r) => r.openToMapMs,
        "slow_link_replay_open_to_map",
        "<= 6000",
        "observer code → the replay's map reports 40 regions drawn (ours: as the participant's map)",
      ),
      ...slow((v) => v.startUsableMs, "slow_link_start_page_usable", "<= 3000", "navigation → the join form rendered (the script has run)"),
      ...slow(
        (v) => v.joinToMapMs,
        "slow_link_join_to_participant_map",
        "<= 6000",
        '"Join exercise" → a participant\'s map reports 40 regions drawn (300 assets)',
      ),
      result(
        "client.load_to_drawn_map_p50",
        percentile(loads, 50),
        null,
        "ms",
        "<= 3000",
        "value",
        "navigation → map reports 40 regions drawn (white cell, 300 assets); headless Chromium with software rendering",
      ),
      result("client.frame_time_p50", percentile(frames, 50), null, "ms", "<= 20", "value", "requestAnimationFrame deltas while panning and zooming"),
      result("client.frame_time_p99", percentile(frames, 99), null, "ms", "<= 50", "value"),
    ];
  } finally {
    await browser.close();
    server.kill("SIGKILL");
  }
}
