/** What a seat's next message earns: handled, refused with rate_limited, or the connection cut. */
export type Verdict = "ok" | "refuse" | "disconnect";

/** One seat's budget of messages: bursts are fine, a flood is refused and then cut off. */
export class MessageBudget {
  private tokens: number;
  private last: number;
  private refused = 0;
  private refusingSince = 0;
  private readonly perSecond: number;

  constructor(perSecond: number, now = Date.now()) {
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.last = now;
  }

  /** `cost`: how many ordinary messages this one weighs. */
  take(now = Date.now(), cost = 1): Verdict {
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= cost) {
      this.tokens -= cost;
      this.refused = 0;
      return "ok";
    }
    if (this.refused++ === 0) this.refusingSince = now;
    // A burst is refused; a flood that goes on for seconds, or three times the budget within a
    // second (no person clicks that fast), costs the connection: answering every message of a
    // flood would itself be the load.
    const sustained = now - this.refusingSince > 3000 && this.refused > this.perSecond * 3;
    const torrent = now - this.refusingSince <= 1000 && this.refused > this.perSecond * 2;
    return sustained || torrent ? "disconnect" : "refuse";
  }
}

/**
 * The budgets of a room's seats, keyed by seat rather than by connection: every message type
 * draws on the same budget, and a seat cut off for flooding cannot rejoin with its seat token
 * to start afresh until its cool-down has passed.
 */
export class SeatBudgets {
  private readonly budgets = new Map<string, MessageBudget>();
  private readonly cutOffUntil = new Map<string, number>();
  private readonly perSecond: number;
  private readonly coolDownMs: number;

  constructor(perSecond: number, coolDownMs: number) {
    this.perSecond = perSecond;
    this.coolDownMs = coolDownMs;
  }

  take(seat: string, cost = 1, now = Date.now()): Verdict {
    let budget = this.budgets.get(seat);
    if (!budget) {
      budget = new MessageBudget(this.perSecond, now);
      this.budgets.set(seat, budget);
    }
    const verdict = budget.take(now, cost);
    if (verdict === "disconnect") this.cutOffUntil.set(seat, now + this.coolDownMs);
    return verdict;
  }

  /** Milliseconds until a seat cut off for flooding may come back; 0 when it may now. */
  coolingDown(seat: string, now = Date.now()): number {
    const until = this.cutOffUntil.get(seat);
    if (until === undefined) return 0;
    if (until <= now) {
      this.cutOffUntil.delete(seat);
      this.budgets.delete(seat);
      return 0;
    }
    return until - now;
  }
}
