import { describe, it, expect } from "vitest";
import { ChatHistory, type EarlierPage } from "../../client/src/panels/chat-history.ts";
import { LIVE_MESSAGES_PER_CHANNEL } from "../../shared/view/chat-window.ts";
import type { Message } from "../../shared/state/schema.ts";

const message = (n: number, channel = "team:north"): Message => ({
  id: `m${n}`,
  channel,
  fromNation: "north",
  author: "Alice",
  text: `Line ${n}`,
  turn: 1,
  at: 1_000 + n,
});

describe("ChatHistory: what a page shows of a channel", () => {
  it("keeps what slid out of the live window and pages back to the first message", async () => {
    const history = new ChatHistory();
    const all = Array.from({ length: LIVE_MESSAGES_PER_CHANNEL + 150 }, (_, i) => message(i));
    // The live window at two moments: what slid out in between stays.
    history.absorb("north", all.slice(100, 100 + LIVE_MESSAGES_PER_CHANNEL));
    history.absorb("north", all.slice(150));
    expect(history.messages("north", "team:north").map((m) => m.id)).toEqual(all.slice(100).map((m) => m.id));
    expect(history.mayHaveEarlier("north", "team:north")).toBe(true);
    const server = (before: string, limit: number): EarlierPage => {
      const end = all.findIndex((m) => m.id === before);
      return { messages: all.slice(Math.max(0, end - limit), end), more: end - limit > 0 };
    };
    expect(await history.loadEarlier("north", "team:north", async (before) => server(before, 60))).toBe(60);
    expect(history.mayHaveEarlier("north", "team:north")).toBe(true);
    expect(await history.loadEarlier("north", "team:north", async (before) => server(before, 60))).toBe(40);
    expect(history.mayHaveEarlier("north", "team:north")).toBe(false);
    expect(history.messages("north", "team:north")).toEqual(all);
  });

  it("keeps channels and perspectives apart, and offers nothing earlier while the window is not full", () => {
    const history = new ChatHistory();
    history.absorb("white", [message(1), message(2, "alliance")]);
    expect(history.messages("white", "alliance").map((m) => m.id)).toEqual(["m2"]);
    expect(history.messages("north", "team:north")).toEqual([]);
    expect(history.mayHaveEarlier("white", "team:north")).toBe(false);
  });
});

describe("ChatHistory: the earlier page asked for ahead", () => {
  it("shows the page fetched ahead without asking again, and asks again when the oldest changed or the prefetch failed", async () => {
    const history = new ChatHistory();
    const all = Array.from({ length: LIVE_MESSAGES_PER_CHANNEL + 30 }, (_, i) => message(i));
    history.absorb("north", all.slice(30));
    const asked: string[] = [];
    const server = async (before: string): Promise<EarlierPage> => {
      asked.push(before);
      const end = all.findIndex((m) => m.id === before);
      return { messages: all.slice(Math.max(0, end - 10), end), more: end - 10 > 0 };
    };
    history.prefetch("north", "team:north", server);
    history.prefetch("north", "team:north", server);
    expect(asked).toEqual(["m30"]);
    expect(await history.loadEarlier("north", "team:north", server)).toBe(10);
    expect(asked).toEqual(["m30"]);
    // A failed prefetch is not what the click shows: it asks again.
    history.prefetch("north", "team:north", async () => Promise.reject(new Error("offline")));
    await new Promise((r) => setTimeout(r, 0));
    expect(await history.loadEarlier("north", "team:north", server)).toBe(10);
    expect(asked).toEqual(["m30", "m20"]);
    expect(history.messages("north", "team:north")).toEqual(all.slice(10));
  });
});
