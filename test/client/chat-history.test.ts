import { describe, it, expect } from "vitest";
import { ChatHistory, type EarlierPage } from "../../client/src/panels/chat-history.ts";
import { LIVE_MESSAGES_PER_CHANNEL } from "../../shared/view/chat-window.ts";
import type { Message } from "../../shared/state/schema.ts";

const message = (n: number, channel = "team:north"): Message => ({ id: `m${n}`, channel, fromNation: "north", author: "Alice", text: `Line ${n}`, turn: 1, at: 1_000 + n });

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
