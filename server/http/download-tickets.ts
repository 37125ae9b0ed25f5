import { randomBytes } from "node:crypto";

/**
 * Download tickets: a browser cannot add an `Authorization` header to a link it navigates to, so
 * instead of putting the facilitator token or the observer code in the URL (where it stays in
 * history, proxy logs and Referer headers), the client trades its credential for a ticket right
 * before it opens the link. A ticket is 128 random bits, names one exercise and the role its
 * credential had, is good for TICKET_SECONDS and for one download.
 *
 * Tickets live in Colyseus's presence: in memory on one process, in Redis with REDIS_URL, so a
 * ticket issued by one process is honoured by any other behind the same proxy.
 */
export const TICKET_SECONDS = 60;

export type TicketRole = "facilitator" | "observer";
type Ticket = { exerciseId: string; role: TicketRole; expiresAt: number };

/** Where tickets are kept: the subset of Colyseus's Presence that tickets need. */
export type TicketStore = {
  setex(key: string, value: string, seconds: number): unknown;
  get(key: string): unknown;
  del(key: string): unknown;
};

/** Tickets in this process's memory, with a clock of its own (tests). */
export function memoryTicketStore(now: () => number = Date.now): TicketStore & { readonly size: number } {
  const entries = new Map<string, { value: string; until: number }>();
  return {
    setex(key, value, seconds) {
      for (const [k, e] of entries) if (e.until <= now()) entries.delete(k); // tickets never used do not pile up
      entries.set(key, { value, until: now() + seconds * 1000 });
    },
    get(key) {
      const entry = entries.get(key);
      return entry && entry.until > now() ? entry.value : null;
    },
    del(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

export class DownloadTickets {
  private readonly store: TicketStore;
  private readonly now: () => number;

  constructor(store: TicketStore = memoryTicketStore(), now: () => number = Date.now) {
    this.store = store;
    this.now = now;
  }

  async issue(exerciseId: string, role: TicketRole): Promise<{ ticket: string; expiresAt: string }> {
    const ticket = randomBytes(16).toString("base64url");
    const expiresAt = this.now() + TICKET_SECONDS * 1000;
    const record: Ticket = { exerciseId, role, expiresAt };
    await this.store.setex(keyOf(ticket), JSON.stringify(record), TICKET_SECONDS);
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The role a ticket grants on this exercise, once; null when unknown, used, expired or for another exercise. */
  async redeem(ticket: string, exerciseId: string): Promise<TicketRole | null> {
    if (!/^[A-Za-z0-9_-]{22}$/.test(ticket)) return null;
    const raw = await this.store.get(keyOf(ticket));
    if (typeof raw !== "string") return null;
    const found = JSON.parse(raw) as Ticket;
    if (found.exerciseId !== exerciseId) return null;
    await this.store.del(keyOf(ticket));
    return found.expiresAt > this.now() ? found.role : null;
  }
}

const keyOf = (ticket: string) => `concord:ticket:${ticket}`;
