import type { Client } from "@colyseus/core";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { RejectionCode, refuse, type Rejection } from "../../shared/protocol/rejections.ts";
import type { ControlAlert } from "../../shared/protocol/control-alerts.ts";
import { msg } from "../../shared/i18n/message.ts";
import { translate } from "../../shared/i18n/format.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { SequenceConflict, type ExerciseRecord } from "../store/event-store.ts";
import { serverContext } from "../context.ts";
import { commandTimer } from "../metrics.ts";
import { newReference } from "./command-pipeline.ts";
import { openFold, SnapshotWriter, SNAPSHOT_EVERY, type Opened } from "./fold-snapshot.ts";
import { readFeeds, type FeedReading, type RoomFeeds } from "./room-feeds.ts";

/** Commands whose handling may resolve the turn. */
const RESOLVING_COMMANDS = new Set<string>(["commitTurn", "forceResolve", "timerExpired"]);

/** The feeds read each event's state as decide folds it (builder.ts). */
const READ_FEEDS = { read: readFeeds };

/** What the writer needs of its room. */
export interface LogWriterRoom {
  readonly roomId: string;
  /** Exercise control's connections: told when a resolution fails in the rules. */
  controlClients(): readonly Client[];
  /** Events were appended and folded: `state` is already the state after them. */
  accepted(events: readonly ExerciseEvent[]): void;
  /** The state was folded from the whole log again. */
  reloaded(): void;
}

/**
 * The room is its exercise's single writer: a command is decided against the state, its events
 * appended to the log (durable) and folded in, with the feeds and the cached fold
 * (fold-snapshot.ts) kept beside it.
 */
export class LogWriter {
  private current: ExerciseState;
  readonly feeds: RoomFeeds;
  private readonly snapshots: SnapshotWriter;
  private readonly room: LogWriterRoom;

  private constructor(room: LogWriterRoom, state: ExerciseState, feeds: RoomFeeds, snapshots: SnapshotWriter) {
    this.room = room;
    this.current = state;
    this.feeds = feeds;
    this.snapshots = snapshots;
  }

  /** The newest snapshot of the fold and the events after it, or the whole log (fold-snapshot.ts). */
  static async open(room: LogWriterRoom, record: ExerciseRecord): Promise<{ writer: LogWriter; opened: Opened }> {
    const { service, log } = serverContext();
    const opened = await openFold(service.store, record, log);
    const snapshots = new SnapshotWriter(service.store, record, opened.fromSnapshot ?? 0, log);
    // A long fold is cached at once, so that the next opening does not do it again.
    if (opened.folded >= SNAPSHOT_EVERY) void snapshots.after(opened.state, opened.feeds, opened.last, true);
    return { writer: new LogWriter(room, opened.state, opened.feeds, snapshots), opened };
  }

  get state(): ExerciseState {
    return this.current;
  }

  /** The pipeline shared by client commands and the server's own timer (timed and counted for /metrics). */
  async apply(command: Command, actor: Actor): Promise<{ seq: number } | { rejected: Rejection }> {
    return commandTimer(command.type)(await this.decideAndAppend(command, actor));
  }

  private async decideAndAppend(command: Command, actor: Actor) {
    const now = Date.now();
    let decision: ReturnType<typeof decide>;
    try {
      decision = decide(this.current, command, actor, now, READ_FEEDS);
    } catch (error) {
      return this.commandFailed(command, actor, error);
    }
    if ("rejected" in decision) return decision;
    const roomId = this.room.roomId;
    const events = stamp(this.current, decision.events, now);
    try {
      await serverContext().service.store.append(roomId, events);
    } catch (error) {
      serverContext().log.error("append failed", { exerciseId: roomId, error: String(error) });
      if (error instanceof SequenceConflict) await this.reload();
      return { rejected: refuse(RejectionCode.Internal, "server.room.saveFailed") };
    }
    // decide folded the events already and read each event's state for the feeds: no second fold.
    events.forEach((event, i) => this.feeds.apply(event, decision.readings[i] as FeedReading));
    this.current = decision.state;
    this.room.accepted(events);
    void this.snapshots.after(this.current, this.feeds, events.at(-1));
    serverContext().log.info("command accepted", {
      exerciseId: roomId,
      command: command.type,
      actor: actor.role,
      events: events.length,
      seq: this.current.seq,
    });
    return { seq: this.current.seq };
  }

  /**
   * A rule threw: a bug, or a state an older build let in. Nothing is appended, the sender is
   * told with a reference the log also holds, and when it was a resolution, exercise control
   * learns why the turn did not advance (it can withdraw the order at fault and force the turn).
   */
  private commandFailed(command: Command, actor: Actor, error: unknown): { rejected: Rejection } {
    const reference = newReference();
    serverContext().log.error("command failed in the rules", {
      exerciseId: this.room.roomId,
      reference,
      command: command.type,
      actor: actor.role,
      error: String((error as Error)?.stack ?? error),
    });
    if (RESOLVING_COMMANDS.has(command.type)) {
      const said = msg("server.room.resolutionFailed", { turn: this.current.turn, reference });
      const alert: ControlAlert = { code: "resolution_failed", reference, turn: this.current.turn, message: translate("en", said), msg: said };
      for (const client of this.room.controlClients()) client.send("controlAlert", alert);
    }
    return { rejected: { ...refuse(RejectionCode.Internal, "server.room.internal", { reference }), reference } };
  }

  /** Another writer got ahead of us (it should not happen): take the log as the truth again. */
  async reload(): Promise<void> {
    const { service } = serverContext();
    const roomId = this.room.roomId;
    const record = (await service.store.getExercise(roomId))!;
    const events = await service.store.readEvents(roomId);
    this.current = foldEvents(initialState(record.scenario, record.id, record.seed), events);
    this.room.reloaded();
  }
}
