import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, Room as SdkRoom } from "@colyseus/sdk";
import { chromium, type Browser, type Page } from "playwright-core";
import { ROOT } from "../../server/config.ts";
import { clientBuildIsStale, buildClient } from "../../server/client-build.ts";
import { startConcord } from "../processes.ts";
import { percentile, result, type BenchResult } from "../stats.ts";
import { FULL_SCALE, HALF_SCALE, scaleScenario } from "./scale-scenario.ts";
import { installStringDecoding } from "../../client/src/net/string-decoding.ts";
import { profiled } from "./paint-timing.ts";
import { showEveryTab, slowestTabs, type TabShown } from "./console-tabs.ts";

// The team-mate below is an SDK room standing in for a browser: it decodes as the browser does.
installStringDecoding();

/**
 * The map at scale (issue #23, item 1): the facilitator console and a participant's page in
 * headless Chromium on the generated map, half size (6 nations, 200 regions, 2,500 assets) and
 * full size (12, 400, 5,000), with the Northern Flank (23 regions, 25 assets) measured the same
 * way in the same run as the baseline. For each page: navigation → the map reports every region
 * drawn and its tokens painted (then two animation frames, so the picture is on screen), frame
 * times (requestAnimationFrame deltas) while a script drags and wheels the map; for the
 * participant, the first full state frame on its WebSocket (Chromium's DevTools protocol) and the
 * bytes a team-mate receives for a draft order.
 *
 * `CONCORD_BENCH_CLIENT_DIR=<dist>` serves that build of the client instead of dist/ (to compare an
 * older one in the same hour, or profile an unminified one); `CONCORD_BENCH_PAGE_PROFILE=<folder>`
 * writes a CPU profile of each console load (paint-timing.ts `profiled`).
 */
const PORT = 2664;
const VIEWPORT = { width: 1440, height: 900 };

/** Colyseus' protocol code of a full state frame (ROOM_STATE). */
const ROOM_STATE = 14;

/** Bytes each SDK room receives, counted at the socket (as bench/net.bench.ts counts them). */
const received = new WeakMap<object, number>();
const originalOnMessage = (SdkRoom.prototype as any).onMessageCallback;
(SdkRoom.prototype as any).onMessageCallback = function (this: object, event: MessageEvent) {
  received.set(this, (received.get(this) ?? 0) + ((event.data as ArrayBuffer).byteLength ?? 0));
  return originalOnMessage.call(this, event);
};

type Scenario = {
  id: string;
  regions: { id: string; owner?: string }[];
  assets: { id: string; type: string; owner: string }[];
  assetTypes: { id: string; missions?: string[] }[];
  nations: { id: string; playable?: boolean }[];
};
type Size = { label: string; scenario: Scenario; what: string };

/** `busyMs`: the renderer's main-thread task time over each pan and zoom (rasterising the Canvas renderer's frames included). */
type PageFigures = { loadMs: number[]; frames: number[]; busyMs: number[] };
type Measured = {
  console: PageFigures;
  /** Each of the console's tabs shown (console-tabs.ts), on its first load. */
  tabs: TabShown[];
  participant: PageFigures;
  joinMs: number;
  stateBytes: number;
  actionBytes: number[];
  draftBytes: number[];
  withdrawBytes: number[];
};

const tabTimes = (m: Measured) => m.tabs.map((s) => s.ms);

/** Waits until the map says every region is drawn, then two frames so the picture is on screen. */
async function drawn(page: Page, regions: number, timeout = 90_000) {
  await page.locator(`[data-testid="map"][data-regions-drawn="${regions}"]`).waitFor({ timeout });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Frame-to-frame times while a person drags the map about and wheels in and out, for `ms`, and the main thread's busy time per frame. */
async function panAndZoom(page: Page, ms: number, figures: PageFigures): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const taskSeconds = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
  const busyBefore = await taskSeconds();
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__frames = [];
    w.__framing = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__framing) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 160, cy + 80, { steps: 10 });
    await page.mouse.up();
    await page.mouse.wheel(0, -240);
    await page.mouse.move(cx + 160, cy + 80);
    await page.mouse.down();
    await page.mouse.move(cx, cy, { steps: 10 });
    await page.mouse.up();
    await page.mouse.wheel(0, 240);
  }
  // The first frames after the script starts include its own set-up.
  const frames = await page.evaluate(
    () => (((window as unknown as { __framing: boolean }).__framing = false), (window as unknown as { __frames: number[] }).__frames.slice(3)),
  );
  figures.busyMs.push((((await taskSeconds()) - busyBefore) * 1000) / Math.max(1, frames.length));
  figures.frames.push(...frames);
  await cdp.detach();
}

/**
 * What the team-mate's patches are measured on: a draft order its nation can give (its first
 * asset whose type has missions, the first of them), and exercise control's single-entity actions
 * of bench/net.bench.ts (a region's stability, the turn timer, the nation's readiness, its trust in
 * another nation), on a region the nation owns.
 */
function actionsFor(scenario: Scenario) {
  const [nation, other] = scenario.nations.filter((n) => n.playable !== false).map((n) => n.id) as [string, string];
  const types = new Map(scenario.assetTypes.map((t) => [t.id, t]));
  const asset = scenario.assets.find((a) => a.owner === nation && (types.get(a.type)?.missions?.length ?? 0) > 0)!;
  const region = scenario.regions.find((r) => r.owner === nation)!.id;
  const control = (i: number) => [
    { type: "adjustState", effects: [{ kind: "stability", region, delta: i % 2 ? 1 : -1 }], rationale: "bench" },
    { type: "setTurnTimer", seconds: 600 + (i % 2) },
    { type: "adjustState", effects: [{ kind: "readiness", nation, delta: i % 2 ? 1 : -1 }], rationale: "bench" },
    { type: "adjustState", effects: [{ kind: "trust", a: nation, b: other, delta: i % 2 ? 1 : -1 }], rationale: "bench" },
  ];
  return { nation, order: { kind: "setMission", asset: asset.id, mission: types.get(asset.type)!.missions![0]! }, control };
}

async function measure(browser: Browser, url: string, size: Size, quick: boolean): Promise<Measured> {
  const { scenario } = size;
  const regions = scenario.regions.length;
  const created = await (
    await fetch(`${url}/api/exercises`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: scenario.id }) })
  ).json();
  if (!created.id) throw new Error(`map bench: exercise not created: ${JSON.stringify(created)}`);
  const { nation, order, control: controlActions } = actionsFor(scenario);
  const code = (created.joinCodes as { nation: string; code: string }[]).find((c) => c.nation === nation)!.code;
  // Quick: one load of each page (the frames of its pan and zoom are the sample) and half the actions.
  const runs = quick ? 1 : 3;
  const frameMs = quick ? 2500 : 5000;

  // Exercise control as the console is opened by a person: the facilitator link.
  const consoleFigures: PageFigures = { loadMs: [], frames: [], busyMs: [] };
  let tabs: TabShown[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const link = `${url}/#facilitator=${created.facilitatorToken}&exercise=${created.id}`;
    if (process.env.CONCORD_BENCH_PAGE_PROFILE) {
      // The profiler is the page's renderer's: open the start page first, so that the console
      // loads in the same process (another document, the query string makes it a navigation).
      await page.goto(url);
      const started = Date.now();
      await profiled(page, `console-${size.label}-${run + 1}`, async () => {
        await page.goto(`${url}/?profiled${link.slice(url.length + 1)}`);
        await drawn(page, regions);
      });
      consoleFigures.loadMs.push(Date.now() - started);
    } else {
      const started = Date.now();
      await page.goto(link);
      await drawn(page, regions);
      consoleFigures.loadMs.push(Date.now() - started);
    }
    await panAndZoom(page, frameMs, consoleFigures);
    // The quick run shows each tab once: the first showing, which fills the long lists, is the slowest.
    if (run === 0) tabs = await showEveryTab(page, quick ? 1 : 2);
    await page.close();
  }

  const sdk = new Client(url);
  const control = await sdk.joinById(created.id, { token: created.facilitatorToken, name: "Control (bench)" });
  const mate = await sdk.joinById(created.id, { code, name: "Team-mate" });
  const sender = await sdk.joinById(created.id, { code, name: "Sender" });
  const replies = new Map<string, (r: { ok: boolean; message?: string }) => void>();
  for (const room of [control, mate, sender]) {
    for (const type of ["welcome", "ping", "viewChanged", "joinCodes"]) room.onMessage(type, () => {});
    room.onMessage("result", (r: { id: string; ok: boolean }) => replies.get(r.id)?.(r));
  }
  let n = 0;
  const send = (room: typeof control, command: unknown) =>
    new Promise<{ ok: boolean; message?: string; [k: string]: unknown }>((resolve) => {
      const id = `m${++n}`;
      replies.set(id, (r) => (replies.delete(id), resolve(r)));
      room.send("command", { id, command });
    });
  const started = await send(control, { type: "startExercise" });
  if (!started.ok) throw new Error(`map bench: start refused: ${started.message}`);

  // A participant: joins with the nation's code once (the seat is kept in the browser), then
  // every measured load is a reload of the exercise's address, as a person coming back.
  const context = await browser.newContext({ viewport: VIEWPORT });
  const participantFigures: PageFigures = { loadMs: [], frames: [], busyMs: [] };
  let joinMs = 0;
  let stateBytes = 0;
  try {
    const first = await context.newPage();
    await first.goto(url);
    await first.getByLabel("Join code").fill(code);
    await first.getByLabel("Your name").fill("Bench participant");
    const clicked = Date.now();
    await first.getByRole("button", { name: "Join exercise" }).click();
    await drawn(first, regions);
    joinMs = Date.now() - clicked;
    await first.close();
    for (let run = 0; run < runs; run++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const stateFrames: number[] = [];
      cdp.on("Network.webSocketFrameReceived", ({ response }) => {
        // Binary frames come base64-encoded (opcode 2); the first byte is Colyseus' message code.
        if (response.opcode !== 2) return;
        const bytes = Buffer.from(response.payloadData, "base64");
        if (bytes[0] === ROOM_STATE) stateFrames.push(bytes.length);
      });
      const t0 = Date.now();
      await page.goto(`${url}/#exercise=${created.id}`);
      await drawn(page, regions);
      participantFigures.loadMs.push(Date.now() - t0);
      if (!stateFrames.length) throw new Error("map bench: no full state frame seen on the participant's socket");
      stateBytes = Math.max(stateBytes, stateFrames[0]!);
      await panAndZoom(page, frameMs, participantFigures);
      // The last run's page stays open while the team-mate's patches are measured: it is a seat too.
      if (run < runs - 1) await page.close();
    }

    // The bytes the team-mate's socket receives for each action: exercise control's single-entity
    // actions, then a draft order and its withdrawal in turn.
    const nextChange = () => new Promise<void>((resolve) => mate.onStateChange.once(() => resolve()));
    const actionBytes: number[] = [];
    for (let i = 0; i < (quick ? 7 : 25); i++) {
      for (const action of controlActions(i)) {
        const before = received.get(mate) ?? 0;
        const changed = nextChange();
        const reply = await send(control, action);
        if (!reply.ok) throw new Error(`map bench: ${JSON.stringify(action)} refused: ${reply.message}`);
        await Promise.race([changed, new Promise((r) => setTimeout(r, 300))]);
        actionBytes.push((received.get(mate) ?? 0) - before);
      }
    }
    const draftBytes: number[] = [];
    const withdrawBytes: number[] = [];
    for (let i = 0; i < (quick ? 13 : 50); i++) {
      for (const withdraw of [false, true]) {
        const before = received.get(mate) ?? 0;
        const changed = nextChange();
        let reply;
        if (!withdraw) reply = await send(sender, { type: "draftOrder", order });
        else {
          // Drafts travel as schema objects (shared/view/draft-wire.ts), in the order they were added.
          const drafts = [...(sender.state as any).perspectives.get(nation).drafts.values()] as { id: string }[];
          reply = await send(sender, { type: "withdrawDraft", draft: drafts.at(-1)!.id });
        }
        if (!reply.ok) throw new Error(`map bench: ${withdraw ? "withdrawal" : "draft"} refused: ${reply.message}`);
        await Promise.race([changed, new Promise((r) => setTimeout(r, 300))]);
        (withdraw ? withdrawBytes : draftBytes).push((received.get(mate) ?? 0) - before);
      }
    }
    return { console: consoleFigures, tabs, participant: participantFigures, joinMs, stateBytes, actionBytes, draftBytes, withdrawBytes };
  } finally {
    await context.close();
    await Promise.all([control, mate, sender].map((room) => room.leave().catch(() => undefined)));
  }
}

export async function runMapBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  // CONCORD_BENCH_CLIENT_DIR serves another build (an older one to compare, or an unminified one to profile).
  const clientDir = process.env.CONCORD_BENCH_CLIENT_DIR ?? join(ROOT, "dist");
  if (!process.env.CONCORD_BENCH_CLIENT_DIR && clientBuildIsStale(clientDir)) buildClient();
  const dir = mkdtempSync(join(tmpdir(), "concord-map-"));
  copyFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), join(dir, "01-northern-flank.json"));
  const half = scaleScenario(HALF_SCALE) as unknown as Scenario;
  const full = scaleScenario(FULL_SCALE) as unknown as Scenario;
  writeFileSync(join(dir, "half.json"), JSON.stringify(half));
  writeFileSync(join(dir, "full.json"), JSON.stringify(full));
  const baseline = JSON.parse(readFileSync(join(dir, "01-northern-flank.json"), "utf8")) as Scenario;
  const server = await startConcord(PORT, { SCENARIOS_DIR: dir, CLIENT_DIR: clientDir, CONCORD_LOG_LEVEL: "warn" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // As bench/client.bench.ts: no GPU, so the map's Canvas renderer (renderer-choice.ts).
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
    const url = `http://127.0.0.1:${PORT}`;
    const sizes: Size[] = [
      {
        label: "northern_flank",
        scenario: baseline,
        what: `${baseline.nations.length} nations, ${baseline.regions.length} regions, ${baseline.assets.length} assets`,
      },
      { label: "half", scenario: half, what: `${HALF_SCALE.nations} nations, ${HALF_SCALE.regions} regions, ${HALF_SCALE.assets} assets` },
      { label: "full", scenario: full, what: `${FULL_SCALE.nations} nations, ${FULL_SCALE.regions} regions, ${FULL_SCALE.assets} assets` },
    ];
    const measured = new Map<string, Measured>();
    for (const size of sizes) {
      const m = await measure(browser, url, size, quick);
      measured.set(size.label, m);
      const p = (values: number[], q: number) => percentile(values, q).toFixed(1);
      process.stdout.write(
        `  map ${size.label}: console drawn ${p(m.console.loadMs, 50)} ms, frames p50 ${p(m.console.frames, 50)} p99 ${p(m.console.frames, 99)} ms (busy ${p(m.console.busyMs, 50)} ms a frame), tabs shown p50 ${p(tabTimes(m), 50)} ms, slowest ${slowestTabs(m.tabs)}; participant drawn ${p(m.participant.loadMs, 50)} ms (join ${m.joinMs} ms), frames p50 ${p(m.participant.frames, 50)} p99 ${p(m.participant.frames, 99)} ms (busy ${p(m.participant.busyMs, 50)} ms a frame); first state ${m.stateBytes} B; per action ${p(m.actionBytes, 50)} B, draft ${p(m.draftBytes, 50)} B, withdrawal ${p(m.withdrawBytes, 50)} B at a team-mate\n`,
      );
    }
    const base = measured.get("northern_flank")!;
    const out: BenchResult[] = [];
    for (const size of sizes.slice(1)) {
      const m = measured.get(size.label)!;
      const on = `${size.what}; headless Chromium (software, the Canvas renderer), ${VIEWPORT.width} × ${VIEWPORT.height}, loopback; baseline: the Northern Flank in the same run`;
      const name = (what: string) => `scale.map_${size.label}_${what}`;
      out.push(
        result(
          name("console_drawn_ms"),
          percentile(m.console.loadMs, 50),
          percentile(base.console.loadMs, 50),
          "ms",
          "<= 3000",
          "value",
          `facilitator link → the console's map reports every region drawn and its tokens painted (white cell: every asset), median of ${m.console.loadMs.length}; ${on}`,
        ),
        result(
          name("participant_drawn_ms"),
          percentile(m.participant.loadMs, 50),
          percentile(base.participant.loadMs, 50),
          "ms",
          "<= 3000",
          "value",
          `a participant's reload (seat kept in the browser) → the map drawn, median of ${m.participant.loadMs.length}; the first join with the code: ${m.joinMs} ms; ${on}`,
        ),
        result(
          name("console_frame_p50_ms"),
          percentile(m.console.frames, 50),
          percentile(base.console.frames, 50),
          "ms",
          "<= 17",
          "value",
          `requestAnimationFrame deltas while dragging and wheeling the console's map (${m.console.frames.length} frames)`,
        ),
        result(name("console_frame_p99_ms"), percentile(m.console.frames, 99), percentile(base.console.frames, 99), "ms", "<= 33", "value"),
        result(
          name("console_tab_shown_p50_ms"),
          percentile(tabTimes(m), 50),
          percentile(tabTimes(base), 50),
          "ms",
          "<= 100",
          "value",
          `each of the console's ${new Set(m.tabs.map((s) => s.tab)).size} tabs clicked in turn → the first frame painted with its panel shown, ${m.tabs.length} showings (our target, not the issue's: a response within 100 ms); slowest ${slowestTabs(m.tabs)} (Northern Flank: ${slowestTabs(base.tabs)})`,
        ),
        result(name("console_tab_shown_max_ms"), Math.max(...tabTimes(m)), Math.max(...tabTimes(base)), "ms", "<= 250", "value", "the slowest tab shown"),
        result(
          name("participant_frame_p50_ms"),
          percentile(m.participant.frames, 50),
          percentile(base.participant.frames, 50),
          "ms",
          "<= 17",
          "value",
          `the same on a participant's map (${m.participant.frames.length} frames)`,
        ),
        result(name("participant_frame_p99_ms"), percentile(m.participant.frames, 99), percentile(base.participant.frames, 99), "ms", "<= 33", "value"),
        result(
          name("participant_first_state_bytes"),
          m.stateBytes,
          base.stateBytes,
          "bytes",
          "<= 1000000",
          "value",
          "the participant's first full state frame (ROOM_STATE) on its WebSocket, read with Chromium's DevTools protocol",
        ),
        result(
          name("patch_bytes_per_action_median"),
          percentile(m.actionBytes, 50),
          percentile(base.actionBytes, 50),
          "bytes",
          "<= 32",
          "value",
          `bytes a participant's socket receives per single-entity action of exercise control (a region's stability, the turn timer, its nation's readiness and trust, as wire.bytes_per_single_entity_action_median), median of ${m.actionBytes.length}; a team-mate's draft order ${percentile(m.draftBytes, 50)} B and its withdrawal ${percentile(m.withdrawBytes, 50)} B (Northern Flank ${percentile(base.draftBytes, 50)} and ${percentile(base.withdrawBytes, 50)} B), medians of ${m.draftBytes.length}`,
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
