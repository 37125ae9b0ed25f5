import {
  Room,
  CloseCode,
  ServerError,
  matchMaker,
  ClientState,
  Protocol,
  ResponseStatus,
  getMessageBytes,
  type Client,
  type AuthContext,
} from "@colyseus/core";
import { ROOM_HEADER } from "../security/client-address.ts";
import { StateView, Encoder } from "@colyseus/schema";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { RejectionCode, refuse, type Rejection } from "../../shared/protocol/rejections.ts";
import { msg } from "../../shared/i18n/message.ts";
import { translate } from "../../shared/i18n/format.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import { openFold, SnapshotWriter, SNAPSHOT_EVERY } from "./fold-snapshot.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { RoomFeeds, viewerKeys, viewerOf, WHITE } from "./room-feeds.ts";
import { publicScenario } from "../../shared/view/public-scenario.ts";
import { SequenceConflict } from "../store/event-store.ts";
import { serverContext } from "../context.ts";
import { seatPublicId } from "../exercises/exercise-service.ts";
import { ExerciseRoomState, PerspectiveSchema } from "./room-state.ts";
import { PublicProjection, PerspectiveProjection } from "./projection.ts";
import { commandTimer } from "../metrics.ts";
import { parseCommand, parseSeatCommand, actorFor, idOf, newReference, type CommandReply } from "./command-pipeline.ts";
import type { ControlAlert } from "../../shared/protocol/control-alerts.ts";
import { SeatBudgets } from "./seat-budget.ts";
import { FairQueue } from "./fair-queue.ts";
import { skipEmptyPatches } from "./empty-patches.ts";
import { FanoutTick } from "./fanout-tick.ts";
import { guardFrames, type FrameRefusal } from "./frame-guard.ts";
import { SeatDesk, isControlSeat, type Admission, type SeatedClient } from "./seat-desk.ts";
import { IdleUnload } from "./idle-unload.ts";
import { statusOf, sameStatus } from "../exercises/exercise-status.ts";
import type { ExerciseStatus, SeatDetails, SeatRecord } from "../store/event-store.ts";
import { BotDriver } from "./bot-driver.ts";
import { actingAs } from "../../shared/engine/act-as.ts";
import { keepViewsWhole } from "./view-headroom.ts";
import { encodeLongStringsNatively } from "./native-strings.ts";
import { dropViewChangesAfterFullState } from "./full-state-once.ts";

// Scenario JSON and per-nation perspectives exceed the 8 KB default on the first full state.
// A perspective larger than this (the white cell's 5,000 assets or 2,000 injects, one map of
// 1.2 MB each) is kept whole by the room's own headroom (view-headroom.ts).
Encoder.BUFFER_SIZE = 512 * 1024;
encodeLongStringsNatively();

/** Commands whose handling may resolve the turn. */
const RESOLVING_COMMANDS = new Set<string>(["commitTurn", "forceResolve", "timerExpired"]);
/** How long a seat cut off for flooding must wait before it may rejoin. */
const FLOOD_COOL_DOWN_MS = 10_000;
const FLOODING = 4429;
/** WebSocket's own "invalid frame payload data": a room message that is not msgpack at all. */
const UNDECODABLE_FRAME = 1007;
/** HTTP statuses of join refusals (matchmaking answers over HTTP; the sentence leads with the stable code). */
const JOIN_REFUSED = 403;
const JOIN_THROTTLED = 429;
/**
 * Switching views sends the client a whole perspective: it weighs as much as five ordinary
 * messages, so a console clicking through the nations is fine and a script cannot drown the room.
 */
const VIEW_SWITCH_COST = 5;
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

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
/**
 * The join options a seat is decided by, and only as strings: the rest of what a client puts in
 * the (public) matchmaking request never travels on. Remote room calls serialise their
 * arguments as JSON, which a body nested 10,000 deep overflowed (logged as an unreachable room).
 */
const JOIN_FIELDS = ["seat", "token", "code", "name", "persona"] as const;
function joinFields(options: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!isPlainObject(options)) return fields;
  for (const key of JOIN_FIELDS) if (Object.hasOwn(options, key) && typeof options[key] === "string") fields[key] = options[key];
  // The client's protocol version (seat-desk.ts checks it), as a short string whatever was sent.
  if (Object.hasOwn(options, "protocolVersion")) fields.protocolVersion = Number.isSafeInteger(options.protocolVersion) ? String(options.protocolVersion) : "?";
  return fields;
}

/**
 * One exercise. A thin adapter: validate → authorize → decide → append (durable) → evolve →
 * project → broadcastPatch → reply. No game rule lives here.
 */
export class ExerciseRoom extends Room<{ state: InstanceType<typeof ExerciseRoomState> }> {
  override state = new ExerciseRoomState();
  override autoDispose = false;
  // Seats are limited by team size and per seat (admitSeat); reservations are made only for
  // valid credentials. This is a backstop, high enough that reconnection holds never lock out.
  override maxClients = 2000;

  private exercise!: ExerciseState;
  private queue = new FairQueue();
  private outbox = emptyOutbox();
  private feeds = new RoomFeeds();
  private snapshots!: SnapshotWriter;
  private seats!: SeatDesk;
  private publicProjection!: PublicProjection;
  private projections = new Map<string, PerspectiveProjection>();
  private sharedViews = new Map<string, StateView>();
  private timer: { clear(): void } | null = null;
  private timerKey: string | null = null;
  private budgets!: SeatBudgets;
  private idle!: IdleUnload;
  /** Where the exercise stood when last written beside its log (ExerciseStatus). */
  private status: ExerciseStatus | null = null;
  private bots!: BotDriver;
  private fanout = new FanoutTick({ clients: () => this.clients, seats: FANOUT_SEATS, tickMs: FANOUT_TICK_MS, chunk: FANOUT_CHUNK });

  override async onCreate(options: { exerciseId: string }) {
    const { service, log } = serverContext();
    const record = await service.store.getExercise(options.exerciseId);
    if (!record) throw new Error(`unknown exercise ${options.exerciseId}`);
    // Archived exercises are read-only: replayed and reported from the log, never played.
    if (record.archivedAt) throw new Error(`exercise ${record.id} is archived`);
    // One room per exercise: a second one would be a second writer of the log.
    if (matchMaker.getLocalRoomById(record.id)) throw new Error(`exercise ${record.id} already has a room on this process`);
    this.roomId = record.id;
    keepViewsWhole((this as unknown as { _serializer: unknown })._serializer);
    dropViewChangesAfterFullState(this);
    // The newest snapshot of the fold and the events after it, or the whole log (fold-snapshot.ts).
    const opened = await openFold(service.store, record, log);
    this.exercise = opened.state;
    this.feeds = opened.feeds;
    this.snapshots = new SnapshotWriter(service.store, record, opened.fromSnapshot ?? 0, log);
    // A long fold is cached at once, so that the next opening does not do it again.
    if (opened.folded >= SNAPSHOT_EVERY) void this.snapshots.after(this.exercise, this.feeds, opened.last, true);
    const room = this;
    this.seats = new SeatDesk({
      roomId: record.id,
      get clients() {
        return room.clients;
      },
      exercise: () => this.exercise,
      budgets: () => this.budgets,
      rosterChanged: (now) => (now ? this.project() : void (this.outbox.dirty = true)),
    });
    await this.seats.load();
    this.state.exerciseId = record.id;
    this.state.title = record.title;
    this.state.scenario = JSON.stringify(publicScenario(record.scenario));
    this.publicProjection = new PublicProjection(this.state);
    for (const key of viewerKeys(this.exercise)) {
      const perspective = Object.assign(new PerspectiveSchema(), { viewer: key });
      this.state.perspectives.set(key, perspective);
      this.projections.set(key, new PerspectiveProjection(perspective, viewerOf(key)));
    }
    this.project();
    this.scheduleTimer();
    this.bots = this.botDriver();
    this.setMetadata({ exerciseId: record.id, title: record.title });
    this.recordStatus();
    this.idle = new IdleUnload(this.clock, (serverContext().roomIdleSeconds ?? 0) * 1000, {
      unloadable: () => this.clients.length === 0 && this.queue.size === 0 && this.timer === null,
      // Colyseus keeps reservations (joins in flight, reconnection waits) in a field it does not type as public.
      reserved: () => Object.keys((this as unknown as { _reservedSeats: object })._reservedSeats).length > 0,
      unload: () => this.unload("idle"),
    });
    this.idle.check();

    this.budgets = new SeatBudgets(serverContext().commandsPerSecond, FLOOD_COOL_DOWN_MS);
    // Frames msgpackr cannot decode (nested too deep for the stack, or not msgpack) are refused
    // before Colyseus decodes them: one log line, no stack trace (frame-guard.ts).
    guardFrames(this, (client, refusal) => this.refuseFrame(client as SeatedClient, refusal));
    // Every message is weighed against its seat's budget as it arrives, before it is queued.
    this.onMessage("command", (client: SeatedClient, message: unknown) => {
      if (this.admit(client, message)) void this.enqueue(client.userData!.seatId, () => this.handleCommand(client, message));
    });
    // The welcome (and exercise control's join codes) sent on join can race the client's
    // handler registration; it may ask again.
    this.onMessage("whoami", (client: SeatedClient, message: unknown) => {
      if (!this.admit(client, message)) return;
      this.sendWelcome(client);
      if (isControlSeat(client.auth)) void this.seats.sendJoinCodes([client]);
    });
    this.onMessage("viewAs", (client: SeatedClient, message: unknown) => {
      if (this.admit(client, message, VIEW_SWITCH_COST)) this.switchView(client, message);
    });
    // A client may itself send the type "*": then Colyseus hands this handler the payload as
    // the type, so the type is only quoted when it is a string or a number.
    this.onMessage("*", (client: SeatedClient, _type: unknown, message: unknown) => {
      if (!this.admit(client, message)) return;
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

  /** The nations bots play (bot-driver.ts), through this room's queue and pipeline. */
  private botDriver(): BotDriver {
    const room = this;
    const driver = new BotDriver(
      {
        get roomId() {
          return room.roomId;
        },
        exercise: () => room.exercise,
        enqueue: (lane, work) => room.enqueue(lane, work),
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

  /**
   * Every join is checked at matchmaking time, before Colyseus reserves a seat: a request with
   * no valid credential holds nothing, so a flood of them cannot fill the room. The room that
   * holds the exercise (on whichever process) decides, in admitSeat.
   */
  static override async onAuth(_token: string | undefined, options: Record<string, unknown>, context: AuthContext) {
    const exerciseId = context.headers.get(ROOM_HEADER);
    if (!exerciseId) throw new ServerError(JOIN_REFUSED, `invalid_join: ${translate("en", msg("server.join.invalid_join"))}`);
    let admission: Admission;
    try {
      admission = await matchMaker.remoteRoomCall(exerciseId, "admitSeat", [joinFields(options), context.ip ?? "unknown"]);
    } catch (error) {
      // The room is gone or its process does not answer: no internal detail reaches the client.
      const reference = newReference();
      serverContext().log.error("join could not reach the exercise's room", { exerciseId, reference, error: String((error as Error)?.message ?? error) });
      throw new ServerError(503, `internal_error: ${translate("en", msg("server.join.unreachable", { reference }))}`);
    }
    if (!admission.ok)
      throw new ServerError(
        admission.code === "flooding" || admission.code === "rate_limited" ? JOIN_THROTTLED : JOIN_REFUSED,
        `${admission.code}: ${admission.message}`,
      );
    return admission.seat;
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
    const seat = client.auth!;
    const perspective = perspectiveOf(seat);
    client.userData = { perspective, seatId: seatPublicId(seat.token), cutOff: false };
    skipEmptyPatches(client);
    this.seats.arrived(client.userData.seatId);
    this.projectPerspectiveOf(perspective);
    // Seats that may switch views get a StateView of their own.
    client.view = mayViewAs(seat) ? this.ownView(perspective) : this.sharedView(perspective);
    this.seats.markOnline(seat, +1);
    this.sendWelcome(client);
    if (isControlSeat(seat)) void this.seats.sendJoinCodes([client]);
    // One of a bot-played nation's people is here: the nation goes back to its team.
    if (seat.role === "participant" && seat.nation) this.bots.peopleJoined(seat.nation);
    this.patchBeforeFullState();
    serverContext().log.info("seat joined", { exerciseId: this.roomId, role: seat.role, nation: seat.nation, name: seat.name });
    this.idle.check();
  }

  /**
   * What the projection wrote for a new seat goes out now to the seats already in, while the
   * new one is still joining (Colyseus patches joined clients only): its full state, encoded
   * from the state itself, carries it, and the next patch no longer carries the new seat's
   * whole perspective a second time (a megabyte at 100,000 events, encoded and decoded again
   * while the next seat joins; issue #23, Length).
   */
  private patchBeforeFullState(): void {
    this.broadcastPatch();
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
    await this.enqueue("archive", async () => undefined);
    this.unload("archived");
    return true;
  }

  /**
   * Everybody looking through one perspective shares one StateView, so Colyseus encodes each
   * patch once per perspective instead of once per client. Exercise control gets its own view,
   * since it switches perspectives ("View as").
   */
  private sharedView(perspective: string): StateView {
    let view = this.sharedViews.get(perspective);
    if (!view) {
      view = this.ownView(perspective);
      this.sharedViews.set(perspective, view);
    }
    return view;
  }

  private ownView(perspective: string): StateView {
    const view = new StateView();
    view.add(this.state.perspectives.get(perspective)!);
    return view;
  }

  private sendWelcome(client: SeatedClient) {
    const seat = client.auth!;
    client.send("welcome", {
      seat: seat.token,
      seatId: seatPublicId(seat.token),
      role: seat.role,
      nation: seat.nation,
      name: seat.name,
      exerciseId: this.roomId,
      perspective: client.userData!.perspective,
      ...welcomeDetails(seat),
    });
  }

  override async onDrop(client: SeatedClient) {
    this.seats.markOnline(client.auth!, -1);
    // Cut off for flooding: no reconnection token either; the seat may rejoin after its cool-down.
    if (client.userData?.cutOff) return;
    await this.seats.holdReconnection(client.userData!.seatId, () => this.allowReconnection(client, serverContext().reconnectSeconds));
    this.idle.check();
  }

  override onReconnect(client: SeatedClient) {
    // Removed while its connection was down: the reconnection does not bring the seat back.
    if (this.seats.isRemoved(client.userData!.seatId)) return this.seats.turnAway(client);
    skipEmptyPatches(client);
    // Its perspective may not have been watched while it was away.
    this.projectPerspectiveOf(client.userData!.perspective);
    this.seats.markOnline(client.auth!, +1);
    // A code may have been replaced while it was away.
    if (isControlSeat(client.auth)) void this.seats.sendJoinCodes([client]);
  }

  override onLeave(client: SeatedClient, code?: number) {
    if (code === CloseCode.CONSENTED) this.seats.markOnline(client.auth!, -1);
    this.idle.check();
  }

  override onDispose() {
    this.timer?.clear();
    this.idle?.stop();
    this.bots?.dispose();
    this.fanout.dispose();
  }

  /** A handler that throws is logged; it must not take the process, and every room on it, down. */
  override onUncaughtException(error: Error & { cause?: { code?: unknown } }, methodName: string) {
    // Join refusals are thrown on purpose and reach the client; they are not failures.
    if (methodName === "onAuth" && (error.cause?.code === JOIN_REFUSED || error.cause?.code === JOIN_THROTTLED)) return;
    serverContext().log.error("room handler failed", { exerciseId: this.roomId, method: methodName, error: String(error?.stack ?? error) });
  }

  /** Commands are handled one at a time, seats in turn (FairQueue); `lane` is the seat. */
  private enqueue(lane: string, work: () => Promise<void>): Promise<void> {
    const task = async () => {
      try {
        await work();
      } finally {
        this.afterCommand();
        this.idle.check();
      }
    };
    return this.queue
      .push(lane, task)
      .catch((error) => serverContext().log.error("command pipeline failed", { exerciseId: this.roomId, error: String(error?.stack ?? error) }));
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
    if (dirty) this.project();
    this.fanout.send(
      replies.map((r) => r.client),
      () => {
        if (dirty) {
          this.broadcastPatch();
          this.sendPings(pings);
        }
        for (const { client, reply } of replies) client.send("result", reply);
      },
    );
  }

  /**
   * Whether a message may be handled. A refused message is answered with rate_limited; a flood
   * costs the connection, and what the flooder still has in flight is dropped unanswered.
   */
  private admit(client: SeatedClient, message: unknown, cost = 1): boolean {
    const me = client.userData;
    if (!me || me.cutOff) return false;
    const verdict = this.budgets.take(me.seatId, cost);
    if (verdict === "ok") return true;
    client.send("result", { id: idOf(message), ok: false, ...refuse(RejectionCode.RateLimited, "server.room.rateLimited") });
    if (verdict === "disconnect") {
      me.cutOff = true;
      // What the flooder still has in flight is not even decoded (Colyseus does the same when
      // it closes a client itself).
      client.ref.removeAllListeners("message");
      client.leave(FLOODING, "Disconnected for flooding the exercise with messages.");
      serverContext().log.warn("seat cut off for flooding", { exerciseId: this.roomId, seat: me.seatId, nation: client.auth?.nation ?? null });
    }
    return false;
  }

  /**
   * A frame the guard refused. Nested too deep: answered with a result invalid_payload (id null:
   * the id is inside what could not be decoded; a room.request() also gets its response), and
   * the connection serves on. Not msgpack at all: the connection is closed with 1007
   * (UNDECODABLE_FRAME), as Colyseus itself would have dropped it (4002), but with one log line
   * and no stack trace. Either way the frame counts against the seat's message budget.
   */
  private refuseFrame(client: SeatedClient, refusal: FrameRefusal) {
    if (client.state === ClientState.LEAVING || !this.admit(client, undefined)) return;
    serverContext().log.warn("room message refused", {
      exerciseId: this.roomId,
      seat: client.userData?.seatId ?? null,
      kind: refusal.kind,
      type: refusal.type,
      bytes: refusal.bytes,
      detail: refusal.detail,
    });
    if (refusal.kind === "undecodable") {
      client.leave(UNDECODABLE_FRAME, "That message is not valid msgpack.");
      return;
    }
    const refused = refuse(RejectionCode.InvalidPayload, "server.payload.tooDeepToDecode");
    if (refusal.requestId !== null)
      client.enqueueRaw(
        getMessageBytes[Protocol.ROOM_RESPONSE](refusal.requestId, ResponseStatus.ERROR, {
          name: RejectionCode.InvalidPayload,
          message: refused.message,
          code: RejectionCode.InvalidPayload,
          msg: refused.msg,
        }),
      );
    client.send("result", { id: null, ok: false, ...refused });
  }

  private async handleCommand(client: SeatedClient, message: unknown) {
    // A seat cut off for flooding loses what it still had waiting: it can no longer be told.
    if (client.userData!.cutOff) return;
    const reply = (r: CommandReply) => void this.outbox.replies.push({ client, reply: r });
    const seatCommand = parseSeatCommand(message);
    if (seatCommand) {
      const refused = "rejected" in seatCommand ? seatCommand.rejected : await this.seats.manage(client, seatCommand.command);
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
    await this.enqueue(`http:${seat.name}`, async () => {
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

  /** The pipeline shared by client commands and the server's own timer (timed and counted for /metrics). */
  private async apply(command: Command, actor: Actor) {
    return commandTimer(command.type)(await this.decideAndAppend(command, actor));
  }

  private async decideAndAppend(command: Command, actor: Actor) {
    const now = Date.now();
    let decision: ReturnType<typeof decide>;
    try {
      decision = decide(this.exercise, command, actor, now);
    } catch (error) {
      return this.commandFailed(command, actor, error);
    }
    if ("rejected" in decision) return decision;
    const events = stamp(this.exercise, decision.events, now);
    try {
      await serverContext().service.store.append(this.roomId, events);
    } catch (error) {
      serverContext().log.error("append failed", { exerciseId: this.roomId, error: String(error) });
      if (error instanceof SequenceConflict) await this.reloadFromStore();
      return { rejected: refuse(RejectionCode.Internal, "server.room.saveFailed") };
    }
    // decide computed the state after each event already (Decision.states): no second fold.
    events.forEach((event, i) => this.feeds.record(event, decision.states[i]!));
    this.exercise = decision.states.at(-1) ?? this.exercise;
    this.outbox.dirty = true;
    this.outbox.pings.push(...events);
    this.scheduleTimer();
    this.recordStatus();
    this.bots.observe(events);
    void this.snapshots.after(this.exercise, this.feeds, events.at(-1));
    serverContext().log.info("command accepted", {
      exerciseId: this.roomId,
      command: command.type,
      actor: actor.role,
      events: events.length,
      seq: this.exercise.seq,
    });
    return { seq: this.exercise.seq };
  }

  /**
   * A rule threw: a bug, or a state an older build let in. Nothing is appended, the sender is
   * told with a reference the log also holds, and when it was a resolution, exercise control
   * learns why the turn did not advance (it can withdraw the order at fault and force the turn).
   */
  private commandFailed(command: Command, actor: Actor, error: unknown): { rejected: Rejection } {
    const reference = newReference();
    serverContext().log.error("command failed in the rules", {
      exerciseId: this.roomId,
      reference,
      command: command.type,
      actor: actor.role,
      error: String((error as Error)?.stack ?? error),
    });
    if (RESOLVING_COMMANDS.has(command.type)) {
      const said = msg("server.room.resolutionFailed", { turn: this.exercise.turn, reference });
      const alert: ControlAlert = { code: "resolution_failed", reference, turn: this.exercise.turn, message: translate("en", said), msg: said };
      for (const client of this.seats.controlClients()) client.send("controlAlert", alert);
    }
    return { rejected: { ...refuse(RejectionCode.Internal, "server.room.internal", { reference }), reference } };
  }

  /** Another writer got ahead of us (it should not happen): take the log as the truth again. */
  private async reloadFromStore() {
    const { service } = serverContext();
    const record = (await service.store.getExercise(this.roomId))!;
    const events = await service.store.readEvents(this.roomId);
    this.exercise = foldEvents(initialState(record.scenario, record.id, record.seed), events);
    for (const projection of this.projections.values()) projection.forget();
    this.project();
    this.broadcastPatch();
    this.scheduleTimer();
    this.bots.observe([]);
  }

  /**
   * Writes the public state and the perspectives somebody is looking through. A perspective
   * nobody watches is brought up to date when a client starts looking through it.
   */
  private project() {
    this.publicProjection.update(this.exercise, { version: this.seats.version, value: () => this.seats.onlineByNation() });
    // A loop, not map/filter: `clients` is an Array subclass, and each array V8 derives from one
    // is built through its species constructor (~5 µs a command, #23 round trip).
    const watched = new Set<string>();
    for (const client of this.clients as SeatedClient[]) {
      const perspective = client.userData?.perspective;
      if (perspective) watched.add(perspective);
    }
    for (const key of viewerKeys(this.exercise)) if (watched.has(key)) this.projectPerspectiveOf(key);
  }

  private projectPerspectiveOf(key: string) {
    this.projections
      .get(key)!
      .update(this.exercise, this.feeds.of(key), { version: this.seats.version, value: () => this.seats.rosterFor(key, WHITE) }, this.feeds.turnsOf(key));
  }

  /**
   * Exercise control may look through any nation's eyes: exactly that nation's perspective; an
   * evaluator through the white cell's and any nation's, or only the nations it was assigned.
   */
  private switchView(client: SeatedClient, message: unknown) {
    const seat = client.auth!;
    const target = typeof (message as { nation?: unknown })?.nation === "string" ? (message as { nation: string }).nation : WHITE;
    if (!mayViewAs(seat)) return client.send("result", { id: null, ok: false, ...refuse(RejectionCode.NotFacilitator, "server.view.facilitatorOnly") });
    const assigned = seat.role === "evaluator" ? seat.details?.nations : null;
    if (assigned && !assigned.includes(target))
      return client.send("result", { id: null, ok: false, ...refuse(RejectionCode.OutOfScope, "seats.view.notAssigned") });
    const perspective = this.state.perspectives.get(target);
    if (!perspective) return client.send("result", { id: null, ok: false, ...refuse(RejectionCode.UnknownNation, "server.seats.unknownNation") });
    client.view!.remove(this.state.perspectives.get(client.userData!.perspective)!);
    client.userData!.perspective = target;
    this.projectPerspectiveOf(target);
    // What that projection wrote goes to the seats already watching it; this seat gets the
    // perspective once, whole, from the view's changes in the next patch (not twice).
    this.broadcastPatch();
    client.view!.add(perspective);
    client.send("viewChanged", { perspective: target });
  }

  private sendPings(events: readonly ExerciseEvent[]) {
    for (const event of events) {
      if (event.type !== "regionPinged") continue;
      for (const client of this.clients as SeatedClient[]) {
        const p = client.userData?.perspective;
        if (p === event.nation || p === WHITE) client.send("ping", { region: event.region, by: event.by, nation: event.nation });
      }
    }
  }

  /**
   * Writes where the exercise stands beside its log when its phase, turn or deadline changed
   * (a few times a turn, not per command): the library lists it and a restart finds the
   * exercises whose timer must run without folding every log. Not awaited: the log is the
   * truth, and a status write that fails is corrected by the next one or the next load.
   */
  private recordStatus() {
    const status = statusOf(this.exercise);
    if (this.status && sameStatus(this.status, status)) return;
    this.status = status;
    serverContext()
      .service.store.setStatus(this.roomId, status)
      .catch((error) => serverContext().log.warn("could not record the exercise's status", { exerciseId: this.roomId, error: String(error) }));
  }

  /** The turn timer runs on the room's clock; its expiry is a command like any other, so it is logged. */
  private scheduleTimer() {
    const { phase, deadline, turn } = this.exercise;
    const key = phase === "running" && deadline !== null ? `${turn}@${deadline}` : null;
    // Most commands leave the deadline alone: keep the pending timer rather than piling up
    // cleared ones (the clock keeps a cleared timer until its time would have come).
    if (key === this.timerKey) return;
    this.timerKey = key;
    this.timer?.clear();
    this.timer = null;
    if (key === null || deadline === null) return;
    this.timer = this.clock.setTimeout(
      () => {
        void this.enqueue("timer", async () => {
          if (this.exercise.turn === turn && this.exercise.phase === "running") await this.apply({ type: "timerExpired", turn }, { role: "system" });
        });
      },
      Math.max(0, deadline - Date.now()) + 5,
    );
  }
}

/** Close code of seats whose exercise was archived (the client says so instead of reconnecting). */
const ARCHIVED = 4410;
/** Whose eyes a seat looks through when it joins: its nation's, an assigned evaluator's first nation's, or the white cell's. */
function perspectiveOf(seat: SeatRecord): string {
  if ((seat.role === "participant" || seat.role === "roleplayer") && seat.nation) return seat.nation;
  const assigned = seat.role === "evaluator" ? seat.details?.nations : null;
  return assigned?.[0] ?? WHITE;
}

/** Exercise control and evaluators may switch whose eyes they look through. */
function mayViewAs(seat: SeatRecord): boolean {
  return isControlSeat(seat) || seat.role === "evaluator";
}

/** What the console and the game screen need to know of a newer role's seat. */
function welcomeDetails(seat: SeatRecord): Record<string, unknown> {
  const d = seat.details;
  if (!d) return {};
  return { ...(d.persona ? { persona: d.persona } : {}), ...(d.nations !== undefined ? { nations: d.nations } : {}), ...(d.lead ? { lead: true } : {}) };
}

/** What the room owes its clients once the state they reflect has been broadcast. */
type Outbox = { dirty: boolean; pings: ExerciseEvent[]; replies: { client: Client; reply: CommandReply }[]; commands: number; since: number };
function emptyOutbox(): Outbox {
  return { dirty: false, pings: [], replies: [], commands: 0, since: 0 };
}
