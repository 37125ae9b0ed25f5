import { describe, it, expect } from "vitest";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { PerspectiveSchema } from "../../server/rooms/room-state.ts";
import { PerspectiveProjection, type Versioned } from "../../server/rooms/projection.ts";
import type { FeedItem } from "../../shared/view/feed.ts";
import { tinyInput } from "../rules/game.ts";

/**
 * The feed is synced at its tail (new lines added, dropped lines deleted) instead of as a whole
 * per command (#23). As lines come one or several at a time and the oldest fall out of the
 * window, the perspective's feed must hold exactly the room's lines, in order.
 */
const nobody: Versioned<never[]> = { version: 0, value: () => [] };

describe("feed synced at its tail", () => {
  it("holds exactly the room's last lines as they come and the oldest are dropped", () => {
    const state = initialState(ScenarioSpec.parse(tinyInput()), "ex-feed", 1);
    const perspective = Object.assign(new PerspectiveSchema(), { viewer: "white" });
    const projection = new PerspectiveProjection(perspective, { kind: "white" });
    const items: FeedItem[] = [];
    let version = 0;
    const feed: Versioned<readonly FeedItem[]> = {
      get version() {
        return version;
      },
      value: () => items,
    };
    let seq = 0;
    for (let round = 0; round < 60; round++) {
      // One to seven lines at a time, within a window of 100 (room-feeds.ts FEED_LENGTH).
      for (let i = 0; i < 1 + (round % 7); i++)
        items.push({ seq: ++seq, turn: 1, kind: "order", msg: { key: "feed.byNation", params: { n: seq } } as unknown as FeedItem["msg"] });
      if (items.length > 100) items.splice(0, items.length - 100);
      version++;
      projection.update(state, feed, nobody);
      expect([...perspective.feed.keys()], `round ${round}`).toEqual(items.map((item) => String(item.seq)));
      expect(JSON.parse(perspective.feed.get(String(seq))!)).toEqual(items.at(-1));
    }
    expect(seq).toBeGreaterThan(200);
  });
});
