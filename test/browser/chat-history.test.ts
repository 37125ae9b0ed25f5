import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { Client } from "@colyseus/sdk";
import { browserSuite, browserAndServer, person, screenshot, seeText, openTab, panel, joinFromStartPage } from "./support/browser.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";
import { LIVE_MESSAGES_PER_CHANNEL } from "../../shared/view/chat-window.ts";

/**
 * A long exercise's chat: the live state carries only the last messages of each channel, and a
 * participant reads older ones with "Show earlier messages", in order, back to the first.
 */
browserSuite("browser: chat older than the live window", () => {
  let server: RunningServer;
  let browser: Browser;

  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("pages back through a team channel longer than the live window", async () => {
    const ex = await server.createExercise("triad");
    const code = ex.joinCodes.find((c) => c.nation === "north")!.code;
    const sdk = new Client(server.url);
    const control = await sdk.joinById(ex.id, { token: ex.facilitatorToken, name: "Control" });
    await new Promise<void>((resolve) => {
      control.onMessage("result", () => resolve());
      control.send("command", { id: "start", command: { type: "startExercise" } });
    });
    // The history, written by four team-mates (each seat has its own budget of 20 messages a second).
    const total = LIVE_MESSAGES_PER_CHANNEL + 40;
    const writers = await Promise.all([0, 1, 2, 3].map((k) => sdk.joinById(ex.id, { code, name: `Writer ${k}` })));
    for (const w of writers) for (const type of ["welcome", "ping", "viewChanged"]) w.onMessage(type, () => {});
    let next = 0;
    await Promise.all(
      writers.map(async (w) => {
        const answered = new Map<string, () => void>();
        w.onMessage("result", (r: { id: string; ok: boolean; message?: string }) => {
          if (!r.ok) throw new Error(r.message);
          answered.get(r.id)?.();
        });
        while (next < total) {
          const n = next++;
          await new Promise<void>((resolve) => {
            answered.set(`m${n}`, resolve);
            w.send("command", { id: `m${n}`, command: { type: "sendMessage", channel: "team:north", text: `History line ${n}` } });
          });
          await new Promise((r) => setTimeout(r, 60));
        }
      }),
    );

    // The log's order is the truth the page must show (writers race, so not the numbering).
    const logged = await (
      await fetch(`${server.url}/api/exercises/${ex.id}/messages?channel=team:north&limit=500`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
    ).json();
    const inLogOrder = (logged.messages as { text: string }[]).map((m) => m.text);
    expect(inLogOrder).toHaveLength(total);
    const [first] = inLogOrder;

    const alice = await person(browser);
    await joinFromStartPage(alice.page, server.url, code, "Alice");
    await seeText(alice.page, "Alice · Nordmark");
    await openTab(alice.page, /Channels/);
    const log = panel(alice.page).getByRole("log");
    // The channel opens at its newest line, and stays there while older ones are put above.
    const atBottom = () => log.getByRole("list").evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    await seeText(alice.page, inLogOrder.at(-1)!);
    await expect.poll(atBottom).toBeLessThan(2);
    expect(await log.getByRole("listitem").count()).toBe(LIVE_MESSAGES_PER_CHANNEL);
    expect(await log.getByText(first!, { exact: true }).count()).toBe(0);

    const earlier = panel(alice.page).getByRole("button", { name: "Show earlier messages" });
    await earlier.click();
    await log.getByText(first!, { exact: true }).waitFor();
    expect(await log.getByRole("listitem").count()).toBe(total);
    const texts = await log.locator("[role=listitem] p").allTextContents();
    expect(texts).toEqual(inLogOrder);
    expect(await atBottom()).toBeLessThan(2);
    await earlier.waitFor({ state: "hidden" });
    await screenshot(alice.page, "chat-earlier-messages");

    // Opened again, the channel shows its newest page, and what was read further back comes back
    // from memory with "Show earlier", without asking the server again.
    const asked: string[] = [];
    alice.page.on("request", (r) => void (r.url().includes("/messages?") && asked.push(r.url())));
    const channels = panel(alice.page).locator("button.channel");
    await channels.nth(1).click();
    await channels.first().click();
    await expect.poll(() => log.getByRole("listitem").count()).toBe(LIVE_MESSAGES_PER_CHANNEL);
    await seeText(alice.page, inLogOrder.at(-1)!);
    expect(await log.getByText(first!, { exact: true }).count()).toBe(0);
    await earlier.click();
    await log.getByText(first!, { exact: true }).waitFor();
    expect(await log.locator("[role=listitem] p").allTextContents()).toEqual(inLogOrder);
    await earlier.waitFor({ state: "hidden" });
    expect(asked).toEqual([]);

    // Lines sent now go last, after all that was read back, in blocks of at most 100 items.
    for (const n of [1, 2]) writers[n]!.send("command", { id: `live${n}`, command: { type: "sendMessage", channel: "team:north", text: `Live line ${n}` } });
    await seeText(alice.page, "Live line 1");
    await seeText(alice.page, "Live line 2");
    const after = await log.locator("[role=listitem] p").allTextContents();
    expect(after.slice(0, total)).toEqual(inLogOrder);
    expect(after.slice(total).sort()).toEqual(["Live line 1", "Live line 2"]);
    const blocks = await log.locator(".block").evaluateAll((all) => all.map((b) => b.childElementCount));
    expect(blocks.reduce((a, b) => a + b, 0)).toBe(total + 2);
    expect(Math.max(...blocks)).toBeLessThanOrEqual(100);
    expect(alice.errors).toEqual([]);
    for (const room of [control, ...writers]) await room.leave().catch(() => undefined);
  }, 60_000);
});
