import type { Client, Deferred } from "@colyseus/core";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { RejectionCode } from "../../shared/protocol/rejections.ts";
import { msg, type Msg } from "../../shared/i18n/message.ts";
import { translate } from "../../shared/i18n/format.ts";
import { SEAT_REMOVED } from "../../shared/protocol/seat-commands.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/version.ts";
import type { SeatRecord } from "../store/event-store.ts";
import { serverContext } from "../context.ts";
import { JoinRefused, seatPublicId, OBSERVERS, slotKey } from "../exercises/seat-service.ts";
import type { RosterSeat } from "./projection.ts";
import { newReference } from "./command-pipeline.ts";
import type { SeatBudgets } from "./seat-budget.ts";
import { ControlDesk, isControlSeat } from "./control-desk.ts";

/** Connections one seat may have at once (a participant with a laptop and a tablet, a reload in flight). */
export const CONNECTIONS_PER_SEAT = 4;
/** How long an admitted join may take to connect (Colyseus's seat reservation lasts 15 s). */
const ADMISSION_MS = 20_000;
const REMOVED_MSG = msg("server.join.removed");
const REMOVED = `removed: ${translate("en", REMOVED_MSG)}`;

export type SeatedClient = Client<{ auth: SeatRecord; userData: { perspective: string; seatId: string; cutOff: boolean } }>;

/** `message` is `msg` in English: the join's ServerError says `code: message` (docs/PROTOCOL.md §2). */
export type Admission = { ok: true; seat: SeatRecord } | { ok: false; code: string; message: string; msg: Msg };

function refusedJoin(code: string, message: Msg): Admission {
  return { ok: false, code, message: translate("en", message), msg: message };
}

/**
 * A page built for another protocol than this process speaks (a tab left open across an upgrade)
 * would misread the state or send commands the server no longer knows: it is refused with
 * `protocol_mismatch`, and the page offers to reload. Checked by the process that holds the room,
 * since that is the one the client will talk to. A join that names no version (scripts, the
 * SDK used directly, pages from before the version was sent) is not refused for it.
 */
export function protocolRefusal(sent: unknown): Admission | null {
  if (sent === undefined || String(sent) === String(PROTOCOL_VERSION)) return null;
  return refusedJoin("protocol_mismatch", msg("serving.protocolMismatch", { client: String(sent), server: PROTOCOL_VERSION }));
}

/** What the desk needs of its room. */
export interface SeatDeskRoom {
  readonly roomId: string;
  readonly clients: readonly Client[];
  exercise(): ExerciseState;
  budgets(): SeatBudgets;
  /** The roster changed: `now` when the change must reach clients at once (a seat came or went). */
  rosterChanged(now: boolean): void;
}

export type RosterEntry = RosterSeat & { sessions: number; token: string; slot?: string };

/**
 * The room's seats: who may join (credentials, team size, connections per seat), who is on the
 * roster and online. Exercise control's seat commands and join codes are its `control` desk
 * (control-desk.ts). The room adapts Colyseus's callbacks onto it.
 */
export class SeatDesk {
  /** Seats seen in this room, by public id; the token stays on the server (it is the seat's key). */
  private roster = new Map<string, RosterEntry>();
  /** Seats exercise control removed: their last connections closing must not bring them back. */
  private removedSeats = new Set<string>();
  /** Seats admitted at matchmaking whose connection has not arrived yet. */
  private admitted: { id: string; until: number }[] = [];
  /** Dropped connections waiting for their reconnection, by seat. */
  private reconnectionHolds = new Map<string, Set<Deferred>>();
  /** Bumped on every roster change, so projections know when to rewrite it. */
  version = 0;

  private readonly room: SeatDeskRoom;
  /** Exercise control's seat commands and join codes. */
  readonly control: ControlDesk;

  constructor(room: SeatDeskRoom) {
    this.room = room;
    this.control = new ControlDesk(room, this);
  }

  /** Seats taken before a restart are on the roster too, offline until they come back, so exercise control sees (and can clear) stale ones. */
  async load(): Promise<void> {
    for (const seat of await serverContext().service.store.listSeats(this.room.roomId)) {
      const id = seatPublicId(seat.token);
      this.roster.set(id, this.entryOf(seat));
    }
  }

  private get seated(): SeatedClient[] {
    return this.room.clients as SeatedClient[];
  }

  /**
   * Whether a join may have a seat, and which: the credential is checked under the guessing
   * limits, the team's size and the seat's connections are counted. Never throws: its answer
   * travels back to the matchmaking process.
   */
  async admit(options: Record<string, unknown>, address: string): Promise<Admission> {
    // Before any credential is compared: a stale page is no guess, and costs the guessing count nothing.
    const stale = protocolRefusal(options?.protocolVersion);
    if (stale) return stale;
    // A seat cut off for flooding that keeps rejoining with its token is turned away before the
    // store is asked anything (only a seat token can be cooling down: a code makes a new seat).
    const token = options?.seat;
    const wait = typeof token === "string" ? this.room.budgets().coolingDown(seatPublicId(token)) : 0;
    if (wait > 0) return refusedJoin("flooding", msg("server.join.flooding", { seconds: Math.ceil(wait / 1000) }));
    const { service, log } = serverContext();
    try {
      // Read once for both: the record holds the scenario, and cloning it twice cost a big exercise's join ~45 ms.
      const record = await service.store.getExercise(this.room.roomId);
      await service.seats.checkJoin(this.room.roomId, options, address, record);
      const seat = await service.seats.seatFor(this.room.roomId, options, (nation) => this.onlineSeatsOf(nation), record);
      const id = seatPublicId(seat.token);
      if (this.removedSeats.has(id)) return refusedJoin("removed", REMOVED_MSG);
      // Back with its seat token on a new connection (a reload): the connections it dropped are
      // not coming back, so their reconnection holds are let go instead of counted.
      if (typeof options.seat === "string") this.releaseHolds(id);
      if (this.connectionsOf(id) >= CONNECTIONS_PER_SEAT) {
        return refusedJoin("too_many_connections", msg("server.join.too_many_connections", { count: CONNECTIONS_PER_SEAT }));
      }
      this.admitted.push({ id, until: Date.now() + ADMISSION_MS });
      return { ok: true, seat };
    } catch (error) {
      if (error instanceof JoinRefused) return refusedJoin(error.code, error.msg);
      const reference = newReference();
      log.error("join failed", { exerciseId: this.room.roomId, reference, error: String((error as Error)?.stack ?? error) });
      return refusedJoin(RejectionCode.Internal, msg("server.join.internal_error", { reference }));
    }
  }

  /** An admitted connection arrived: it no longer counts as on its way. */
  arrived(seatId: string): void {
    const admission = this.admitted.findIndex((a) => a.id === seatId);
    if (admission >= 0) this.admitted.splice(admission, 1);
  }

  isRemoved(seatId: string): boolean {
    return this.removedSeats.has(seatId);
  }

  /**
   * Keeps a dropped connection's place while it may reconnect. A seat keeps at most a few
   * connections, dropped ones included: a script that opens and drops connections with one
   * token cannot pile up reconnection holds.
   */
  async holdReconnection(seatId: string, allow: () => Deferred): Promise<void> {
    if (this.connectionsOf(seatId) >= CONNECTIONS_PER_SEAT) return;
    const hold = allow();
    const holds = this.reconnectionHolds.get(seatId) ?? new Set();
    holds.add(hold);
    this.reconnectionHolds.set(seatId, holds);
    try {
      await hold;
    } catch {
      // Reconnection window passed (or the seat came back on a new connection): the seat stays
      // valid; the browser rejoins with its seat token.
    } finally {
      holds.delete(hold);
      if (holds.size === 0 && this.reconnectionHolds.get(seatId) === holds) this.reconnectionHolds.delete(seatId);
    }
  }

  private releaseHolds(seatId: string) {
    for (const hold of this.reconnectionHolds.get(seatId) ?? []) hold.reject(new Error("the seat came back on a new connection"));
    this.reconnectionHolds.delete(seatId);
  }

  /** Connections a seat has, is about to open (admitted, not yet connected) or may get back (dropped). */
  private connectionsOf(seatId: string): number {
    const now = Date.now();
    this.admitted = this.admitted.filter((a) => a.until > now);
    let count = this.admitted.filter((a) => a.id === seatId).length + (this.reconnectionHolds.get(seatId)?.size ?? 0);
    for (const client of this.seated) if (client.userData?.seatId === seatId) count++;
    return count;
  }

  private entryOf(seat: SeatRecord): RosterEntry {
    const entry: RosterEntry = {
      id: seatPublicId(seat.token),
      name: seat.name,
      nation: seat.nation,
      role: seat.role,
      online: false,
      sessions: 0,
      token: seat.token,
    };
    if (seat.details?.slot) entry.slot = seat.details.slot;
    return entry;
  }

  markOnline(seat: SeatRecord, delta: number): void {
    const id = seatPublicId(seat.token);
    if (this.removedSeats.has(id)) return;
    const entry = this.roster.get(id) ?? this.entryOf(seat);
    entry.sessions = Math.max(0, entry.sessions + delta);
    entry.online = entry.sessions > 0;
    this.roster.set(id, entry);
    this.version++;
    this.room.rosterChanged(true);
  }

  /**
   * A nation's seats connected now. Two people joining in the same few milliseconds may both be
   * let in when one seat is left: the limit is there to keep a team to its size, not a lock.
   */
  onlineSeatsOf(nation: string): number {
    let online = 0;
    const observers = nation === OBSERVERS;
    for (const seat of this.roster.values()) {
      if (!seat.online) continue;
      if (seat.slot !== undefined && slotKey(seat.slot) === nation) online++;
      else if (observers ? seat.role === "observer" : seat.role === "participant" && seat.nation === nation) online++;
    }
    return online;
  }

  /** People online per nation, for the public state. */
  onlineByNation(): Record<string, number> {
    const online: Record<string, number> = {};
    for (const seat of this.roster.values()) if (seat.nation && seat.online) online[seat.nation] = (online[seat.nation] ?? 0) + 1;
    return online;
  }

  /** The roster a perspective shows: every seat to exercise control, a team's own to a team. */
  rosterFor(perspective: string, white: string): RosterSeat[] {
    return [...this.roster.values()].filter((s) => perspective === white || s.nation === perspective);
  }

  /** The seat on the roster with this public id. */
  seat(id: string): RosterEntry | undefined {
    return this.roster.get(id);
  }

  /** Seats not online now, of one nation or of all (null), the lead controller's excepted. */
  staleSeats(nation: string | null): RosterEntry[] {
    return [...this.roster.values()].filter((s) => !s.online && s.role !== "facilitator" && (nation === null || s.nation === nation));
  }

  /** Deletes a seat's token from the store and closes its connections for good. */
  async forgetSeat(entry: RosterEntry) {
    await serverContext().service.store.removeSeat(entry.token);
    this.removedSeats.add(entry.id);
    this.roster.delete(entry.id);
    this.version++;
    this.room.rosterChanged(false);
    for (const other of this.seated) {
      if (other.userData?.seatId !== entry.id) continue;
      other.userData.cutOff = true; // no reconnection window: the seat is gone
      other.leave(SEAT_REMOVED, REMOVED);
    }
  }

  /** Closes a connection whose seat was removed while it was away. */
  turnAway(client: SeatedClient): void {
    client.userData!.cutOff = true;
    client.leave(SEAT_REMOVED, REMOVED);
  }

  /** Connections of exercise control: the lead and the named controllers. */
  controlClients(): SeatedClient[] {
    return this.seated.filter((c) => isControlSeat(c.auth));
  }
}
