import { randomBytes } from "node:crypto";

/**
 * Download tickets: a browser cannot add an `Authorization` header to a link it navigates to, so
 * instead of putting the facilitator token or the observer code in the URL (where it stays in
 * history, proxy logs and Referer headers), the client trades its credential for a ticket right
 * before it opens the link. A ticket is 128 random bits, names one exercise and the role its
 * credential had, is good for TICKET_SECONDS and for one download.
 *
 * Tickets live in this process's memory. With several processes (REDIS_URL), a ticket is honoured
 * only by the process that issued it. The client asks for the ticket and downloads with it right
 * away, from the same origin; a proxy that spreads those two requests over different processes
 * makes the download fail with `ticket_invalid` (docs/OPERATIONS.md says how to route them).
 */
export const TICKET_SECONDS = 60;

export type TicketRole = "facilitator" | "observer";
type Ticket = { exerciseId: string; role: TicketRole; expiresAt: number };

export class DownloadTickets {
  private readonly tickets = new Map<string, Ticket>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  issue(exerciseId: string, role: TicketRole): { ticket: string; expiresAt: string } {
    this.sweep();
    const ticket = randomBytes(16).toString("base64url");
    const expiresAt = this.now() + TICKET_SECONDS * 1000;
    this.tickets.set(ticket, { exerciseId, role, expiresAt });
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The role a ticket grants on this exercise, once; null when unknown, used, expired or for another exercise. */
  redeem(ticket: string, exerciseId: string): TicketRole | null {
    const found = this.tickets.get(ticket);
    if (!found || found.exerciseId !== exerciseId) return null;
    this.tickets.delete(ticket);
    return found.expiresAt > this.now() ? found.role : null;
  }

  get size(): number {
    return this.tickets.size;
  }

  /** Forgets expired tickets, so that tickets asked for and never used do not pile up. */
  private sweep(): void {
    const now = this.now();
    for (const [ticket, { expiresAt }] of this.tickets) if (expiresAt <= now) this.tickets.delete(ticket);
  }
}
