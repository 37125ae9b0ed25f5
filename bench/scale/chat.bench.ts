import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import type { Browser } from "playwright-core";
import { ROOT } from "../../server/config.ts";
import { clientBuildIsStale, buildClient } from "../../server/client-build.ts";
import { SqliteFile } from "../../server/store/sqlite-file.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { LIVE_MESSAGES_PER_CHANNEL } from "../../shared/view/chat-window.ts";
import { startConcord } from "../processes.ts";
import { percentile, slowest, result, type BenchResult } from "../stats.ts";
import { scaleScenario } from "./scale-scenario.ts";
import { LENGTH_SIZE } from "./long-log.ts";
import { makeChatLog } from "./chat-log.ts";
import { arm, done, launchChromium, settle } from "./paint-timing.ts";

const PORT = 2664;
/** The page the client asks for with "Show earlier messages" (channels-panel.ts). */
const PAGE = 100;

async function stop(server: ChildProcess): Promise<void> {
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

type Measured = { openMs: number[]; earlierMs: number[]; openAllMs: number[]; pages: number; loaded: number; joinMs: number };

/** The log's truth of what the one channel shows, oldest first, when `loaded` of its messages are on the page. */
const firstShown = (texts: string[], loaded: number) => texts[texts.length - loaded]!;

/**
 * `total` messages in one exercise, `inOne` on the participant's team channel, stored in
 * SQLite as a server keeps them; the server is started on that file, a participant joins in
 * headless Chromium, and: clicking the team channel (from the alliance's) until its last page
 * is shown; "Show earlier messages" until the earlier page is shown, `pages` times (all the way
 * back in the full run); the channel opened again with all of it loaded.
 */
async function measure(browser: Browser, total: number, inOne: number, pages: number, opens: number): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), "concord-chat-"));
  const scenario = scaleScenario(LENGTH_SIZE);
  writeFileSync(join(dir, "scale.json"), JSON.stringify(scenario));
  const env = { SCENARIOS_DIR: dir, DATA_DIR: join(dir, "data"), CONCORD_STORE: "sqlite", CLIENT_DIR: join(ROOT, "dist"), CONCORD_LOG_LEVEL: "warn" };
  const url = `http://127.0.0.1:${PORT}`;
  let server = await startConcord(PORT, env);
  try {
    const created = await (
      await fetch(`${url}/api/exercises`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: (scenario as { id: string }).id }),
      })
    ).json();
    if (!created.id) throw new Error(`chat bench: exercise not created: ${JSON.stringify(created)}`);
    await stop(server);
    // The history, written into the server's own file while it is stopped.
    const store = new SqliteFile(join(dir, "data", "concord.db"));
    const record = (await store.getExercise(created.id))!;
    const state = foldEvents(initialState(record.scenario, record.id, record.seed), await store.readEvents(created.id));
    const { events, channel, texts } = makeChatLog(state, total, inOne);
    for (let i = 0; i < events.length; i += 5000) await store.append(created.id, events.slice(i, i + 5000));
    await store.close();
    server = await startConcord(PORT, env);

    const nation = channel.split(":")[1]!;
    const code = (created.joinCodes as { nation: string; code: string }[]).find((c) => c.nation === nation)!.code;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.stack ?? String(e)));
    const joined = Date.now();
    await page.goto(url);
    await page.getByLabel("Join code").fill(code);
    await page.getByLabel("Your name").fill("Bench reader");
    await page.getByRole("button", { name: "Join exercise" }).click();
    await page.locator("#tab-channels").waitFor({ timeout: 120_000 });
    const joinMs = Date.now() - joined;
    await page.locator("#tab-channels").click();
    const panel = page.locator("#panel-channels");
    const button = (label: string) => panel.locator("button.channel", { hasText: new RegExp(`^${label}`) });
    await panel.locator("div.messages [role=listitem]").first().waitFor({ timeout: 60_000 });
    await settle(page);

    // The team channel is shown, its last message last and `loaded` of them in all.
    const shows = (loaded: number) => `(() => {
      const items = document.querySelectorAll("#panel-channels div.messages [role=listitem]");
      const last = items[items.length - 1];
      return document.querySelector("#channel-heading")?.textContent === "Team" && items.length === ${loaded} && last?.querySelector("p")?.textContent === ${JSON.stringify(texts.at(-1))} && items[0].querySelector("p")?.textContent === ${JSON.stringify(firstShown(texts, loaded))};
    })()`;
    const open = async (loaded: number): Promise<number> => {
      await button("Alliance").click();
      await panel.locator("#channel-heading", { hasText: "Alliance" }).waitFor();
      await settle(page, 200);
      await arm(page, ["pointerdown"], shows(loaded));
      await button("Team").click();
      return done(page);
    };
    const openMs: number[] = [];
    for (let i = 0; i < opens; i++) openMs.push(await open(LIVE_MESSAGES_PER_CHANNEL));

    const earlier = panel.getByRole("button", { name: "Show earlier messages" });
    const earlierMs: number[] = [];
    let loaded = LIVE_MESSAGES_PER_CHANNEL;
    for (let p = 0; p < pages && loaded < texts.length; p++) {
      const next = Math.min(texts.length, loaded + PAGE);
      await arm(page, ["pointerdown"], `${shows(next)} && !document.querySelector("#panel-channels button.earlier").disabled`);
      await earlier.click();
      earlierMs.push(await done(page));
      loaded = next;
      await settle(page, 100);
    }
    const openAllMs: number[] = [];
    // Opened again after all of that was read, the channel shows its newest page (the rest comes
    // back from memory with "Show earlier", channels-panel.ts).
    for (let i = 0; i < opens; i++) openAllMs.push(await open(Math.min(loaded, LIVE_MESSAGES_PER_CHANNEL)));
    if (errors.length) throw new Error(`chat bench: the page failed: ${errors.join("; ")}`);
    await page.close();
    return { openMs, earlierMs, openAllMs, pages: earlierMs.length, loaded, joinMs };
  } finally {
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Chat at scale (issue #23, "Chat"): 50,000 messages in one exercise, 10,000 in one channel
 * (half: 25,000 and 5,000). Opening the channel ≤ 200 ms, "Show earlier" ≤ 200 ms a page, as a
 * participant sees it in headless Chromium. The quick run pages back 8 times; the full run all the way.
 */
export async function runChatBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  if (clientBuildIsStale(join(ROOT, "dist"))) buildClient();
  const out: BenchResult[] = [];
  // One browser for the three exercises (a page each); the quick run pages back 8 times and opens each channel twice.
  const browser = await launchChromium();
  try {
    const opens = quick ? 2 : 5;
    // The baseline, in the same run: a short exercise (1,000 messages, 400 on the channel) the same way.
    const base = await measure(browser, 1_000, 400, 2, quick ? 2 : 3);
    process.stdout.write(
      `  chat baseline 1k: open ${base.openMs.map((v) => v.toFixed(0)).join("/")} ms, show earlier ${base.earlierMs.map((v) => v.toFixed(0)).join("/")} ms\n`,
    );
    for (const [label, total, inOne] of [
      ["25k", 25_000, 5_000],
      ["50k", 50_000, 10_000],
    ] as const) {
      const m = await measure(browser, total, inOne, quick ? 8 : Number.MAX_SAFE_INTEGER, opens);
      const where = `${total.toLocaleString("en")} messages in one exercise, ${inOne.toLocaleString("en")} on the participant's team channel (SQLite, ${LENGTH_SIZE.nations} nations); joined in ${m.joinMs} ms; baseline: 1,000 messages, 400 on the channel, the same way in the same run`;
      process.stdout.write(
        `  chat ${label}: open ${m.openMs.map((v) => v.toFixed(0)).join("/")} ms, show earlier p50 ${percentile(m.earlierMs, 50).toFixed(0)} p99 ${percentile(m.earlierMs, 99).toFixed(0)} ms over ${m.pages} pages, open with ${m.loaded} loaded ${m.openAllMs.map((v) => v.toFixed(0)).join("/")} ms\n`,
      );
      out.push(
        result(
          `scale.chat_${label}_open_channel_ms`,
          percentile(m.openMs, 50),
          percentile(base.openMs, 50),
          "ms",
          "<= 200",
          "value",
          `${where}; click on the channel → its last ${LIVE_MESSAGES_PER_CHANNEL} messages painted; median of ${m.openMs.length}: ${m.openMs.map((v) => v.toFixed(0)).join(", ")} ms`,
        ),
      );
      out.push(
        result(
          `scale.chat_${label}_show_earlier_p50_ms`,
          percentile(m.earlierMs, 50),
          percentile(base.earlierMs, 50),
          "ms",
          "<= 200",
          "value",
          `click on "Show earlier messages" → the ${PAGE} earlier messages painted above, ${m.pages} pages (${m.loaded.toLocaleString("en")} of the channel's messages loaded at the end)`,
        ),
      );
      out.push(
        result(
          `scale.chat_${label}_show_earlier_p99_ms`,
          percentile(m.earlierMs, 99),
          percentile(base.earlierMs, 99),
          "ms",
          "<= 200",
          "value",
          `the slowest pages: ${slowest(m.earlierMs)} ms`,
        ),
      );
      out.push(
        result(
          `scale.chat_${label}_open_channel_loaded_ms`,
          percentile(m.openAllMs, 50),
          percentile(base.openAllMs, 50),
          "ms",
          "<= 200",
          "value",
          `the channel opened again after ${m.loaded.toLocaleString("en")} of its messages were read back to the first, to its newest ${LIVE_MESSAGES_PER_CHANNEL} shown; median of ${m.openAllMs.length}`,
        ),
      );
    }
    return out;
  } finally {
    await browser.close();
  }
}
