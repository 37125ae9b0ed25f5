import type { Client } from "@colyseus/core";

type Corkable = { cork(): void; uncork(): void; readonly writableLength?: number };

/** The ws transport's net.Socket under a Colyseus client, or null for a transport without one. */
function socketOf(client: Client): Corkable | null {
  const socket = (client.ref as { _socket?: Partial<Corkable> } | undefined)?._socket;
  return typeof socket?.cork === "function" && typeof socket.uncork === "function" ? (socket as Corkable) : null;
}

export type FanoutOptions = {
  /** Every client of the room (whoever a flush may write to). */
  clients: () => readonly Client[];
  /** From how many connected clients on the frames to bystanders wait for the tick. */
  seats: number;
  /** How long at most a bystander's frames wait. */
  tickMs: number;
  /** Sockets written per turn of the event loop when the tick lets them go. */
  chunk: number;
};

/**
 * What one flush owes its clients (a patch, pings, the replies) leaves in one socket write per
 * client. In a big exercise a bystander's share waits for the next tick, with whatever later
 * flushes owe it, so a seat of exercise control that sees every team's chat gets a write per
 * tick instead of one per command.
 *
 * Why: on loopback and on a busy machine, a socket write costs 50–300 µs (the system call does
 * the receiving side's TCP work too); at 300 seats the writes were most of the server's time and
 * one public change (300 writes in a row) held the event loop for tens of milliseconds (#23,
 * Seats). The seats that sent the commands are written at once, patch first and then their
 * reply, so a command's round trip does not wait for the tick. Under `seats` connected clients
 * every socket is written at once, as before. Order on each socket is kept: frames wait in the
 * socket's own (corked) buffer, and the tick releases sockets `chunk` at a time, yielding to
 * the event loop between chunks so that arriving commands are not held behind 300 writes.
 *
 * A held socket carries exactly one extra cork (`held`), taken at the flush that first wrote to
 * it and given back at the tick, or at once when its seat sends a command.
 */
export class FanoutTick {
  private held = new Set<Corkable>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private releasing: Corkable[] | null = null;

  private readonly options: FanoutOptions;

  constructor(options: FanoutOptions) {
    this.options = options;
  }

  /**
   * Runs `send` with the sockets corked; the `repliers`' leave now, a bystander's at the tick
   * (big exercises) or now. Those written now are written in this order: the repliers, then
   * their `mates` (who look through the same eyes), then everyone else: each socket write costs
   * 15–50 µs here, and the seats that wait on the command should not wait behind the others'.
   */
  send(repliers: readonly Client[], send: () => void, mates: readonly Client[] = []): void {
    const clients = this.options.clients();
    const hold = clients.length >= this.options.seats;
    // In insertion order, which is the order they are uncorked (written) in below.
    const sockets = new Set<Corkable>();
    const now = new Set<Corkable>();
    for (const client of repliers) {
      const socket = socketOf(client);
      if (socket) now.add(socket), sockets.add(socket);
    }
    for (const group of [mates, clients]) {
      for (const client of group) {
        const socket = socketOf(client);
        if (socket) sockets.add(socket);
      }
    }
    for (const socket of sockets) socket.cork();
    try {
      send();
    } finally {
      for (const socket of sockets) {
        if (now.has(socket) || !hold) {
          // Written now: its held frames (from earlier flushes) first, then this flush's.
          if (this.held.delete(socket)) socket.uncork();
          socket.uncork();
        } else if (this.held.has(socket) || !((socket.writableLength ?? 1) > 0)) socket.uncork();
        else this.held.add(socket); // keeps the cork just taken, until the tick
      }
      if (this.held.size > 0) this.schedule();
    }
  }

  /** Every held socket written now (the room is going). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const socket of this.held) socket.uncork();
    this.held.clear();
  }

  private schedule(): void {
    if (this.timer || this.releasing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.release([...this.held]);
    }, this.options.tickMs);
  }

  private release(sockets: Corkable[]): void {
    this.releasing = sockets;
    for (const socket of sockets.splice(0, this.options.chunk)) if (this.held.delete(socket)) socket.uncork();
    if (sockets.length > 0) return void setImmediate(() => this.release(sockets));
    this.releasing = null;
    // Held again while this tick was being let go: they wait for the next one.
    if (this.held.size > 0) this.schedule();
  }
}
