import type { Client } from "@colyseus/core";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { serverContext } from "../context.ts";
import type { CommandReply } from "./command-pipeline.ts";
import { FairQueue } from "./fair-queue.ts";
import { FanoutTick } from "./fanout-tick.ts";
import { WHITE } from "./room-feeds.ts";
import type { SeatedClient } from "./seat-desk.ts";

/** A burst shares one broadcast for at most this many commands or this long. */
const BATCH_COMMANDS = 32;
const BATCH_MS = 5;
/**
 * From this many connected clients, a bystander's frames wait at most FANOUT_TICK_MS and leave
 * with whatever else it is owed by then, in one socket write (fanout-tick.ts); the seats that
 * sent the commands are written at once.
 */
const FANOUT_SEATS = 64;
const FANOUT_TICK_MS = 25;
const FANOUT_CHUNK = 24;

/** What the batch needs of its room. */
export interface CommandBatchRoom {
  readonly roomId: string;
  clients(): readonly Client[];
  /** Writes the changed state into the room's schema state (RoomViews.project). */
  project(): void;
  broadcastPatch(): void;
  /** After each piece of work, whatever it did (the idle countdown looks again). */
  settled(): void;
}

/** What the room owes its clients once the state they reflect has been broadcast. */
type Outbox = { dirty: boolean; pings: ExerciseEvent[]; replies: { client: Client; reply: CommandReply }[]; commands: number; since: number };
function emptyOutbox(): Outbox {
  return { dirty: false, pings: [], replies: [], commands: 0, since: 0 };
}

/**
 * The room's commands, one at a time and seats in turn (FairQueue), and what they owe the
 * clients: the state changed, the pings, the replies. A lone command is broadcast and answered
 * at once; under a burst, the commands already waiting share one projection and one patch.
 */
export class CommandBatch {
  private readonly queue = new FairQueue();
  private outbox = emptyOutbox();
  private readonly fanout: FanoutTick;
  private readonly room: CommandBatchRoom;

  constructor(room: CommandBatchRoom) {
    this.room = room;
    this.fanout = new FanoutTick({ clients: () => room.clients(), seats: FANOUT_SEATS, tickMs: FANOUT_TICK_MS, chunk: FANOUT_CHUNK });
  }

  /** Pieces of work waiting. */
  get size(): number {
    return this.queue.size;
  }

  /** Commands are handled one at a time, seats in turn (FairQueue); `lane` is the seat. */
  enqueue(lane: string, work: () => Promise<void>): Promise<void> {
    const task = async () => {
      try {
        await work();
      } finally {
        this.afterCommand();
        this.room.settled();
      }
    };
    return this.queue
      .push(lane, task)
      .catch((error) => serverContext().log.error("command pipeline failed", { exerciseId: this.room.roomId, error: String(error?.stack ?? error) }));
  }

  /** The state changed: the next flush projects and broadcasts it. */
  changed(): void {
    this.outbox.dirty = true;
  }

  /** Events were folded into the state: it is broadcast, and their pings sent, at the next flush. */
  accepted(events: readonly ExerciseEvent[]): void {
    this.outbox.dirty = true;
    this.outbox.pings.push(...events);
  }

  /** A command's answer, sent after the patch that reflects it. */
  reply(client: Client, reply: CommandReply): void {
    this.outbox.replies.push({ client, reply });
  }

  /** Every held socket written now (the room is going). */
  dispose(): void {
    this.fanout.dispose();
  }

  /**
   * A lone command is broadcast and answered at once. Under a burst, the commands already
   * waiting share one projection and one patch (bounded in count and time), which is what lets
   * the room keep up: a patch costs a send per client however much it carries.
   */
  private afterCommand() {
    const outbox = this.outbox;
    if (outbox.commands++ === 0) outbox.since = performance.now();
    if (this.queue.size > 0 && outbox.commands < BATCH_COMMANDS && performance.now() - outbox.since < BATCH_MS) return;
    this.flush();
  }

  /** The patch first, then the replies: a client's state reflects its command before the result arrives. */
  private flush() {
    const { dirty, pings, replies } = this.outbox;
    this.outbox = emptyOutbox();
    if (dirty) this.room.project();
    const repliers = replies.map((r) => r.client);
    this.fanout.send(
      repliers,
      () => {
        if (dirty) {
          this.room.broadcastPatch();
          this.sendPings(pings);
        }
        for (const { client, reply } of replies) client.send("result", reply);
      },
      this.matesOf(repliers),
    );
  }

  /** The other seats looking through a replier's eyes: the team sees its own command first. */
  private matesOf(repliers: readonly Client[]): Client[] {
    if (repliers.length === 0) return [];
    const replying = new Set<Client>(repliers);
    const perspectives = new Set<string>();
    for (const client of repliers as SeatedClient[]) if (client.userData?.perspective) perspectives.add(client.userData.perspective);
    const mates: Client[] = [];
    for (const client of this.room.clients() as SeatedClient[]) {
      const perspective = client.userData?.perspective;
      if (perspective && perspectives.has(perspective) && !replying.has(client)) mates.push(client);
    }
    return mates;
  }

  private sendPings(events: readonly ExerciseEvent[]) {
    for (const event of events) {
      if (event.type !== "regionPinged") continue;
      for (const client of this.room.clients() as SeatedClient[]) {
        const p = client.userData?.perspective;
        if (p === event.nation || p === WHITE) client.send("ping", { region: event.region, by: event.by, nation: event.nation });
      }
    }
  }
}
