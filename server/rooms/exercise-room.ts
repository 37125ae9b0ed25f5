import { Room, matchMaker, type AuthContext } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { RejectionCode, refuse } from "../../shared/protocol/rejections.ts";
import { publicScenarioJson } from "../../shared/view/public-scenario.ts";
import { actingAs } from "../../shared/engine/act-as.ts";
import { serverContext } from "../context.ts";
import { StatusRecorder } from "../exercises/exercise-status.ts";
import type { SeatDetails } from "../store/event-store.ts";
import { ExerciseRoomState } from "./room-state.ts";
import { parseCommand, parseSeatCommand, actorFor, idOf, type CommandReply } from "./command-pipeline.ts";
import { LogWriter } from "./log-writer.ts";
import { CommandBatch } from "./command-batch.ts";
import { RoomViews, VIEW_SWITCH_COST } from "./room-views.ts";
import { MessageGate } from "./message-gate.ts";
import { TurnTimer } from "./turn-timer.ts";
import { SeatDesk, type Admission, type SeatedClient } from "./seat-desk.ts";
import { authorizeJoin, isJoinRefusal, SeatJoins } from "./seat-joins.ts";
import { guardFrames } from "./frame-guard.ts";
import { IdleUnload } from "./idle-unload.ts";
import { BotDriver } from "./bot-driver.ts";
import { keepViewsWhole } from "./view-headroom.ts";
import { keepRefTablesSparse } from "./ref-tables.ts";
import { encodeLongStringsNatively } from "./native-strings.ts";
import { dropViewChangesAfterFullState } from "./full-state-once.ts";

// Scenario JSON and per-nation perspectives exceed the 8 KB default on the first full state.
// A perspective larger than this (the white cell's 5,000 assets or 2,000 injects, one map of
// 1.2 MB each) is kept whole by the room's own headroom (view-headroom.ts).
Encoder.BUFFER_SIZE = 512 * 1024;
encodeLongStringsNatively();

/** Close code of seats whose exercise was archived (the client says so instead of reconnecting). */
const ARCHIVED = 4410;

/**
 * One exercise. A thin adapter of Colyseus's lifecycle and messages onto the room's parts:
 * validate (MessageGate, command-pipeline.ts) → authorize → decide → append (durable) → evolve
 * (LogWriter) → project (RoomViews) → broadcastPatch → reply (CommandBatch). No game rule lives here.
 */
export class ExerciseRoom extends Room<{ state: InstanceType<typeof ExerciseRoomState> }> {
  override state = new ExerciseRoomState();
  override autoDispose = false;
  // Seats are limited by team size and per seat (admitSeat); reservations are made only for
  // valid credentials. This is a backstop, high enough that reconnection holds never lock out.
  override maxClients = 2000;

  private log!: LogWriter;
  private batch!: CommandBatch;
  private seats!: SeatDesk;
  private views!: RoomViews;
  private gate!: MessageGate;
  private timer!: TurnTimer;
  private status!: StatusRecorder;
  private idle!: IdleUnload;
  private bots!: BotDriver;
  private joins!: SeatJoins;

  /** The state the log folds to (tests read it too). */
  private get exercise(): ExerciseState {
    return this.log.state;
  }

  override async onCreate(options: { exerciseId: string }) {
    const { service, log } = serverContext();
    const record = await service.store.getExercise(options.exerciseId);
    if (!record) throw new Error(`unknown exercise ${options.exerciseId}`);
    // Archived exercises are read-only: replayed and reported from the log, never played.
    if (record.archivedAt) throw new Error(`exercise ${record.id} is archived`);
    // One room per exercise: a second one would be a second writer of the log.
    if (matchMaker.getLocalRoomById(record.id)) throw new Error(`exercise ${record.id} already has a room on this process`);
    this.roomId = record.id;
    const serializer = (this as unknown as { _serializer: unknown })._serializer;
    keepViewsWhole(serializer);
    keepRefTablesSparse(serializer);
    dropViewChangesAfterFullState(this);
    this.batch = new CommandBatch({
      roomId: record.id,
      clients: () => this.clients,
      project: () => this.views.project(),
      broadcastPatch: () => this.broadcastPatch(),
      settled: () => this.idle.check(),
    });
    const { writer, opened } = await LogWriter.open(
      { roomId: record.id, controlClients: () => this.seats.controlClients(), accepted: (events) => this.accepted(events), reloaded: () => this.reloaded() },
      record,
    );
    this.log = writer;
    const room = this;
    this.seats = new SeatDesk({
      roomId: record.id,
      get clients() {
        return room.clients;
      },
      exercise: () => this.exercise,
      budgets: () => this.gate.budgets,
      rosterChanged: (now) => (now ? this.views.project() : this.batch.changed()),
    });
    await this.seats.load();
    this.state.exerciseId = record.id;
    this.state.title = record.title;
    this.state.scenario = publicScenarioJson(record.scenario);
    this.views = new RoomViews({
      state: () => this.state,
      clients: () => this.clients,
      exercise: () => this.exercise,
      feeds: () => this.log.feeds,
      seats: () => this.seats,
      broadcastPatch: () => this.broadcastPatch(),
    });
    this.views.project();
    this.timer = new TurnTimer(this.clock, (turn) => this.turnTimeUp(turn));
    this.timer.schedule(this.exercise);
    this.bots = this.botDriver();
    this.joins = new SeatJoins({
      roomId: record.id,
      seats: this.seats,
      views: this.views,
      bots: this.bots,
      broadcastPatch: () => this.broadcastPatch(),
      allowReconnection: (client) => this.allowReconnection(client, serverContext().reconnectSeconds),
      settled: () => this.idle.check(),
    });
    this.setMetadata({ exerciseId: record.id, title: record.title });
    this.status = new StatusRecorder(record.id);
    this.status.record(this.exercise);
    this.idle = new IdleUnload(this.clock, (serverContext().roomIdleSeconds ?? 0) * 1000, {
      unloadable: () => this.clients.length === 0 && this.batch.size === 0 && !this.timer.set,
      // Colyseus keeps reservations (joins in flight, reconnection waits) in a field it does not type as public.
      reserved: () => Object.keys((this as unknown as { _reservedSeats: object })._reservedSeats).length > 0,
      unload: () => this.unload("idle"),
    });
    this.idle.check();

    this.gate = new MessageGate(record.id, serverContext().commandsPerSecond);
    // Frames msgpackr cannot decode (nested too deep for the stack, or not msgpack) are refused
    // before Colyseus decodes them: one log line, no stack trace (frame-guard.ts).
    guardFrames(this, (client, refusal) => this.gate.refuseFrame(client as SeatedClient, refusal));
    // Every message is weighed against its seat's budget as it arrives, before it is queued.
    this.onMessage("command", (client: SeatedClient, message: unknown) => {
      if (this.gate.admit(client, message)) void this.batch.enqueue(client.userData!.seatId, () => this.handleCommand(client, message));
    });
    // The welcome (and exercise control's join codes) sent on join can race the client's
    // handler registration; it may ask again.
    this.onMessage("whoami", (client: SeatedClient, message: unknown) => {
      if (this.gate.admit(client, message)) this.joins.welcome(client);
    });
    this.onMessage("viewAs", (client: SeatedClient, message: unknown) => {
      if (this.gate.admit(client, message, VIEW_SWITCH_COST)) this.views.switchView(client, message);
    });
    // A client may itself send the type "*": then Colyseus hands this handler the payload as
    // the type, so the type is only quoted when it is a string or a number.
    this.onMessage("*", (client: SeatedClient, _type: unknown, message: unknown) => {
      if (!this.gate.admit(client, message)) return;
      client.send("result", { id: idOf(message), ok: false, ...refuse(RejectionCode.UnknownCommand, "server.room.unknownMessage") });
    });
    log.info("exercise room ready", {
      exerciseId: record.id,
      events: this.exercise.seq,
      folded: opened.folded,
      fromSnapshot: opened.fromSnapshot,
      phase: this.exercise.phase,
    });
  }

  /** The turn's time is up: played as a command of the server's own, behind those already queued. */
  private turnTimeUp(turn: number) {
    void this.batch.enqueue("timer", async () => {
      if (this.exercise.turn === turn && this.exercise.phase === "running") await this.apply({ type: "timerExpired", turn }, { role: "system" });
    });
  }

  /** The nations bots play (bot-driver.ts), through this room's queue and pipeline. */
  private botDriver(): BotDriver {
    const room = this;
    const driver = new BotDriver(
      {
        get roomId() {
          return room.roomId;
        },
        exercise: () => room.exercise,
        enqueue: (lane, work) => room.batch.enqueue(lane, work),
        apply: (command, actor) => room.apply(command, actor),
        later: (work, ms) => room.clock.setTimeout(work, ms),
        log: serverContext().log,
      },
      serverContext().botDelayMs ?? 1500,
    );
    // Reopened mid-turn (a restart): the bots finish what they owe.
    driver.observe([]);
    return driver;
  }

  /** Checked at matchmaking time, before Colyseus reserves a seat (seat-joins.ts). */
  static override async onAuth(_token: string | undefined, options: Record<string, unknown>, context: AuthContext) {
    return authorizeJoin(options, context);
  }

  /**
   * Whether a join may have a seat, and which: the credential is checked under the guessing
   * limits, the team's size and the seat's connections are counted. Never throws: its answer
   * travels back to the matchmaking process.
   */
  async admitSeat(options: Record<string, unknown>, address: string): Promise<Admission> {
    return this.seats.admit(options, address);
  }

  override onJoin(client: SeatedClient) {
    this.joins.joined(client);
  }

  /**
   * Unloads the room: nobody was in it for CONCORD_ROOM_IDLE_SECONDS, or it was archived (its
   * seats are told why and disconnected). The next join loads it from its log again.
   */
  unload(reason: "idle" | "archived"): void {
    this.idle.stop();
    serverContext().log.info("exercise room unloaded", { exerciseId: this.roomId, reason, seq: this.exercise.seq });
    void this.disconnect(reason === "archived" ? ARCHIVED : undefined);
  }

  /** For the archive endpoint, from whichever process: the room goes, with its seats. */
  async archiveNow(): Promise<boolean> {
    // Commands already queued are written first: nothing acknowledged is lost.
    await this.batch.enqueue("archive", async () => undefined);
    this.unload("archived");
    return true;
  }

  override async onDrop(client: SeatedClient) {
    await this.joins.dropped(client);
  }

  override onReconnect(client: SeatedClient) {
    this.joins.reconnected(client);
  }

  override onLeave(client: SeatedClient, code?: number) {
    this.joins.left(client, code);
  }

  override onDispose() {
    this.timer?.dispose();
    this.idle?.stop();
    this.bots?.dispose();
    this.batch?.dispose();
  }

  /** A handler that throws is logged; it must not take the process, and every room on it, down. */
  override onUncaughtException(error: Error & { cause?: { code?: unknown } }, methodName: string) {
    // Join refusals are thrown on purpose and reach the client; they are not failures.
    if (methodName === "onAuth" && isJoinRefusal(error)) return;
    serverContext().log.error("room handler failed", { exerciseId: this.roomId, method: methodName, error: String(error?.stack ?? error) });
  }

  private async handleCommand(client: SeatedClient, message: unknown) {
    // A seat cut off for flooding loses what it still had waiting: it can no longer be told.
    if (client.userData!.cutOff) return;
    const reply = (r: CommandReply) => this.batch.reply(client, r);
    const seatCommand = parseSeatCommand(message);
    if (seatCommand) {
      const refused = "rejected" in seatCommand ? seatCommand.rejected : await this.seats.control.manage(client, seatCommand.command);
      return reply(refused ? { id: seatCommand.id, ok: false, ...refused } : { id: seatCommand.id, ok: true, seq: this.exercise.seq });
    }
    const parsed = parseCommand(message);
    if ("rejected" in parsed) return reply({ id: parsed.id, ok: false, ...parsed.rejected });
    // "Act as <nation>": exercise control plays the command as that nation, in person.
    const actor = parsed.actAs === undefined ? actorFor(client.auth!) : actingAs(this.exercise, actorFor(client.auth!), parsed.actAs);
    if ("rejected" in actor) return reply({ id: parsed.id, ok: false, ...actor.rejected });
    const result = await this.apply(parsed.command, actor);
    if ("rejected" in result) return reply({ id: parsed.id, ok: false, ...result.rejected });
    reply({ id: parsed.id, ok: true, seq: result.seq });
  }

  /**
   * For HTTP endpoints that change an exercise (the improvement plan): they run through the room,
   * the log's single writer, from any process (Colyseus remoteRoomCall).
   */
  async applyExternal(message: unknown, seat: { role: string; nation: string | null; name: string; details?: SeatDetails }): Promise<CommandReply> {
    let reply: CommandReply = { id: null, ok: false, ...refuse(RejectionCode.Internal, "server.room.notHandled") };
    await this.batch.enqueue(`http:${seat.name}`, async () => {
      const parsed = parseCommand(message);
      if ("rejected" in parsed) {
        reply = { id: parsed.id, ok: false, ...parsed.rejected };
        return;
      }
      const result = await this.apply(parsed.command, actorFor(seat));
      reply = "rejected" in result ? { id: parsed.id, ok: false, ...result.rejected } : { id: parsed.id, ok: true, seq: result.seq };
    });
    return reply;
  }

  private apply(command: Command, actor: Actor) {
    return this.log.apply(command, actor);
  }

  /** What follows a command whose events were appended and folded in (LogWriter). */
  private accepted(events: readonly ExerciseEvent[]) {
    this.batch.accepted(events);
    this.timer.schedule(this.exercise);
    this.status.record(this.exercise);
    this.bots.observe(events);
  }

  /** Another writer got ahead of us (it should not happen): take the log as the truth again. */
  reloadFromStore(): Promise<void> {
    return this.log.reload();
  }

  private reloaded() {
    this.views.forget();
    this.views.project();
    this.broadcastPatch();
    this.timer.schedule(this.exercise);
    this.bots.observe([]);
  }
}
