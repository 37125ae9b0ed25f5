/**
 * Rooms on demand: a room nobody is in unloads after `idleMs` (CONCORD_ROOM_IDLE_SECONDS) and is
 * loaded from its log again on the next join (server/app.ts, openOnDemand). The countdown starts
 * when the room becomes unloadable (empty, nothing queued, no turn timer running) and stops when
 * it no longer is, so a room is unloaded only after a whole quiet period. A seat reserved but not
 * yet connected (a join in flight, a dropped seat's reconnection wait) postpones the unload by a
 * short while instead of cancelling it: those reservations expire without telling the room.
 */
export type IdleRoom = {
  /** Nobody in it, nothing queued, no live deadline: it could unload now. */
  unloadable(): boolean;
  /** Seats reserved that have not connected (yet). */
  reserved(): boolean;
  unload(): void;
};

type Clock = { setTimeout(fn: () => void, ms: number): { clear(): void } };

const RESERVATION_RETRY_MS = 5_000;

export class IdleUnload {
  private timer: { clear(): void } | null = null;
  private readonly clock: Clock;
  private readonly idleMs: number;
  private readonly room: IdleRoom;

  constructor(clock: Clock, idleMs: number, room: IdleRoom) {
    this.clock = clock;
    this.idleMs = idleMs;
    this.room = room;
  }

  /** Call whenever what `unloadable` reads may have changed (a join, a leave, a new deadline). */
  check(): void {
    if (this.idleMs <= 0) return;
    if (!this.room.unloadable()) return void this.stop();
    if (!this.timer) this.arm(this.idleMs);
  }

  stop(): void {
    this.timer?.clear();
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      if (!this.room.unloadable()) return;
      if (this.room.reserved()) return this.arm(Math.min(RESERVATION_RETRY_MS, this.idleMs));
      this.room.unload();
    }, ms);
  }
}
