import { describe, it, expect } from "vitest";
import { FairQueue } from "../../server/rooms/fair-queue.ts";

describe("FairQueue: one piece of work at a time, seats in turn", () => {
  it("a burst from one lane does not hold back another lane's work", async () => {
    const queue = new FairQueue();
    const order: string[] = [];
    const work = (name: string) => () => new Promise<void>((resolve) => setTimeout(() => (order.push(name), resolve()), 1));
    const all: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) all.push(queue.push("flooder", work(`f${i}`)));
    all.push(queue.push("honest", work("h0")));
    all.push(queue.push("honest", work("h1")));
    await Promise.all(all);
    // f0 started at once, alone; from then on the lanes alternate.
    expect(order).toEqual(["f0", "f1", "h0", "f2", "h1", "f3", "f4"]);
  });

  it("never runs two pieces at once and keeps each lane's order", async () => {
    const queue = new FairQueue();
    let running = 0;
    let most = 0;
    const seen: Record<string, number[]> = {};
    const all: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      const lane = `seat${i % 3}`;
      all.push(
        queue.push(lane, async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 0));
          (seen[lane] ??= []).push(i);
          running--;
        }),
      );
    }
    await Promise.all(all);
    expect(most).toBe(1);
    for (const list of Object.values(seen)) expect(list).toEqual([...list].sort((a, b) => a - b));
    expect(queue.size).toBe(0);
  });

  it("a failing piece rejects its own promise only; the queue goes on", async () => {
    const queue = new FairQueue();
    const failed = queue.push("a", async () => {
      throw new Error("boom");
    });
    const after = queue.push("a", async () => undefined);
    await expect(failed).rejects.toThrow("boom");
    await expect(after).resolves.toBeUndefined();
  });
});
