/**
 * Runs one piece of work at a time (so sequence numbers follow the order of acceptance), taking
 * the lanes in turn: a seat's burst of commands delays another seat's command by at most one of
 * its own, instead of the whole burst.
 */
export class FairQueue {
  /** Lanes with waiting work, in round-robin order (a Map iterates in insertion order). */
  private readonly lanes = new Map<string, (() => Promise<void>)[]>();
  private draining = false;

  push(lane: string, work: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const task = () => work().then(resolve, reject);
      const waiting = this.lanes.get(lane);
      if (waiting) waiting.push(task);
      else this.lanes.set(lane, [task]);
      if (!this.draining) void this.drain();
    });
  }

  /** Pieces of work waiting, over all lanes. */
  get size(): number {
    let size = 0;
    for (const waiting of this.lanes.values()) size += waiting.length;
    return size;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.lanes.size > 0) {
        // Lanes that empty are dropped and come back at the end when they have work again.
        for (const [lane, waiting] of this.lanes) {
          const task = waiting.shift()!;
          if (waiting.length === 0) this.lanes.delete(lane);
          await task();
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
