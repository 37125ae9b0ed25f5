import type { ControlAlert } from "../../../shared/protocol/control-alerts.ts";
import { Client, type Room } from "@colyseus/sdk";
import { readState } from "../state/read-state.ts";
import type { ClientState, Welcome } from "../state/client-state.ts";
import { gameServerUrl } from "./server-url.ts";
import { saveSeat, forgetSeat } from "./seat-store.ts";
import { installStringDecoding } from "./string-decoding.ts";
import type { JoinCodes } from "../../../shared/protocol/seat-commands.ts";
import { SEAT_REMOVED } from "../../../shared/protocol/close-codes.ts";
import { PROTOCOL_VERSION } from "../../../shared/protocol/version.ts";
import type { Msg } from "../../../shared/i18n/message.ts";
import { t, tm } from "../i18n.ts";
import { JoinError, joinError, type JoinKind } from "./join-error.ts";

export { JoinError, type JoinKind };

export type ConnectionStatus = "online" | "reconnecting" | "offline";
/** A command's one reply; a refusal's `message` is already in the seat's language (panels show it as it is). */
export type CommandResult =
  | { ok: true; seq: number }
  | {
      ok: false;
      code: string;
      message: string /** The MSEL editor's faults, by field, in the seat's language. */;
      problems?: { field: string; message: string }[];
    };
export type Ping = { region: string; by: string; nation: string };

/** A refusal from the server in the seat's language: its message when it has one, else its English sentence (an older server). */
function refusalText(reply: { message?: string; msg?: Msg }): string {
  if (reply.msg && typeof reply.msg.key === "string") return tm(reply.msg);
  return reply.message ?? t("server.net.refused");
}

let commandCounter = 0;
const COMMAND_TIMEOUT_MS = 10_000;

/**
 * One seat in one exercise: the room connection, the decoded state as plain data, commands
 * with their one reply each, and the connection status. When the SDK's own reconnection gives
 * up (or the server restarted), it rejoins with the seat token on its own.
 */
export class Session {
  readonly exerciseId: string;
  readonly client: Client;
  welcome: Welcome;
  state: ClientState | null = null;
  status: ConnectionStatus = "online";
  /** Exercise control only: the join codes to hand out, as the server last sent them. */
  joinCodes: JoinCodes | null = null;
  /** Exercise control only: the nation it plays in person now ("Act as"), or null. Commands then carry `actAs`. */
  actAs: string | null = null;
  private room!: Room;
  private title: string;
  private pending = new Map<string, (r: CommandResult) => void>();
  private listeners = {
    state: new Set<(s: ClientState) => void>(),
    status: new Set<(s: ConnectionStatus, detail: string) => void>(),
    ping: new Set<(p: Ping) => void>(),
    notice: new Set<(m: string) => void>(),
    ended: new Set<(m: string) => void>(),
    outdated: new Set<(m: string) => void>(),
  };
  private closed = false;
  private renderQueued = false;

  private constructor(client: Client, room: Room, welcome: Welcome, title: string) {
    this.client = client;
    this.exerciseId = welcome.exerciseId;
    this.welcome = welcome;
    this.title = title;
    this.attach(room);
  }

  /** Joins with a code and name, the facilitator token, or a stored seat token. */
  static async join(exerciseId: string, options: Record<string, unknown>, title = ""): Promise<Session> {
    installStringDecoding();
    const client = new Client(gameServerUrl());
    let room: Room;
    try {
      room = await client.joinById(exerciseId, withProtocol(options));
    } catch (error) {
      throw joinError(error);
    }
    const welcome = await waitForWelcome(room);
    const session = new Session(client, room, welcome, title);
    session.remember();
    return session;
  }

  private remember() {
    saveSeat({
      seat: this.welcome.seat,
      exerciseId: this.exerciseId,
      role: this.welcome.role,
      nation: this.welcome.nation,
      name: this.welcome.name,
      title: this.state?.title || this.title,
      savedAt: Date.now(),
    });
  }

  private attach(room: Room) {
    this.room = room;
    room.onStateChange((decoded) => {
      this.state = readState(decoded as never, this.welcome.perspective, this.state);
      if (this.state.title && this.state.title !== this.title) {
        this.title = this.state.title;
        this.remember();
      }
      this.queueRender();
    });
    room.onMessage(
      "result",
      (r: {
        id: string | null;
        ok: boolean;
        seq?: number;
        code?: string;
        message?: string;
        msg?: Msg;
        problems?: { field: string; message?: string; msg?: Msg }[];
      }) => {
        const done = r.id ? this.pending.get(r.id) : undefined;
        if (done) {
          this.pending.delete(r.id!);
          done(
            r.ok
              ? { ok: true, seq: r.seq ?? 0 }
              : {
                  ok: false,
                  code: r.code ?? "error",
                  message: refusalText(r),
                  ...(Array.isArray(r.problems) ? { problems: r.problems.map((p) => ({ field: String(p.field), message: refusalText(p) })) } : {}),
                },
          );
        } else if (!r.ok) this.emit("notice", refusalText(r));
      },
    );
    room.onMessage("welcome", (w: Welcome) => {
      this.welcome = w;
      this.queueRender();
    });
    room.onMessage("viewChanged", (v: { perspective: string }) => {
      this.welcome = { ...this.welcome, perspective: v.perspective };
      if (room.state) this.state = readState(room.state as never, v.perspective, this.state);
      this.queueRender();
    });
    room.onMessage("ping", (p: Ping) => this.emit("ping", p));
    // Exercise control only: something stopped the exercise and needs a person.
    room.onMessage("controlAlert", (alert: ControlAlert) => this.emit("notice", refusalText(alert)));
    room.onMessage("joinCodes", (codes: JoinCodes) => {
      this.joinCodes = codes;
      this.queueRender();
    });
    room.onDrop(() => this.setStatus("reconnecting", t("server.net.lost")));
    room.onReconnect(() => this.setStatus("online", ""));
    room.onLeave((code) => {
      if (this.closed) return;
      if (code === SEAT_REMOVED) {
        // The seat is gone for good: nothing to rejoin.
        this.closed = true;
        forgetSeat(this.exerciseId);
        this.emit("ended", t("server.join.removed"));
        return;
      }
      if (code === 4429) this.emit("notice", t("server.net.flooded"));
      this.setStatus("offline", t("server.net.offline"));
      void this.rejoinLoop();
    });
    if (room.state) {
      this.state = readState(room.state as never, this.welcome.perspective, this.state);
      this.queueRender();
    }
  }

  /** After the SDK gives up: rejoin with the seat token, backing off up to 10 s between tries. */
  private async rejoinLoop() {
    let delay = 1000;
    while (!this.closed) {
      await sleep(delay);
      if (this.closed) return;
      this.setStatus("reconnecting", t("server.net.reconnecting"));
      try {
        const room = await this.client.joinById(this.exerciseId, withProtocol({ seat: this.welcome.seat }));
        this.welcome = await waitForWelcome(room);
        this.attach(room);
        this.setStatus("online", "");
        return;
      } catch (error) {
        const refused = joinError(error);
        if (refused.kind === "protocol_mismatch") {
          // The server was upgraded under this page: only a reload brings the matching client.
          this.closed = true;
          this.emit("outdated", refused.message);
          return;
        }
        if (refused.kind === "unknown_seat") {
          forgetSeat(this.exerciseId);
          this.closed = true;
          this.emit("ended", refused.message);
          return;
        }
        delay = Math.min(10_000, delay * 2);
        this.setStatus("offline", t("server.net.retrying", { seconds: Math.round(delay / 1000), reason: refused.message }));
      }
    }
  }

  private setStatus(status: ConnectionStatus, detail: string) {
    this.status = status;
    for (const l of this.listeners.status) l(status, detail);
  }

  private queueRender() {
    if (this.renderQueued) return;
    this.renderQueued = true;
    setTimeout(() => {
      this.renderQueued = false;
      if (this.state) this.emit("state", this.state);
    }, 0);
  }

  private emit(kind: keyof Session["listeners"], value: unknown) {
    for (const l of this.listeners[kind] as Set<(v: unknown) => void>) l(value);
  }

  onState(listener: (s: ClientState) => void): () => void {
    this.listeners.state.add(listener);
    if (this.state) listener(this.state);
    return () => this.listeners.state.delete(listener);
  }
  onStatus(listener: (s: ConnectionStatus, detail: string) => void): () => void {
    this.listeners.status.add(listener);
    listener(this.status, "");
    return () => this.listeners.status.delete(listener);
  }
  onPing(listener: (p: Ping) => void): () => void {
    this.listeners.ping.add(listener);
    return () => this.listeners.ping.delete(listener);
  }
  /** Refusals that belong to no form (e.g. a failed view switch). */
  onNotice(listener: (message: string) => void): () => void {
    this.listeners.notice.add(listener);
    return () => this.listeners.notice.delete(listener);
  }
  /** The seat is gone for good (for instance the exercise was deleted). */
  onEnded(listener: (message: string) => void): () => void {
    this.listeners.ended.add(listener);
    return () => this.listeners.ended.delete(listener);
  }

  /** The server speaks another protocol than this page (it was upgraded): the page must be reloaded. */
  onOutdated(listener: (message: string) => void): () => void {
    this.listeners.outdated.add(listener);
    return () => this.listeners.outdated.delete(listener);
  }

  /**
   * Sends a command and resolves with its one reply (or a timeout sentence). `actAs` (exercise
   * control only): the nation the command is made for, e.g. committing for an empty team.
   */
  send(command: { type: string } & Record<string, unknown>, actAs?: string): Promise<CommandResult> {
    const id = `c${Date.now().toString(36)}-${++commandCounter}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, code: "timeout", message: t("server.net.noAnswer") });
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      try {
        const playing = actAs ?? this.actAs;
        this.room.send("command", playing ? { id, command, actAs: playing } : { id, command });
      } catch {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve({ ok: false, code: "offline", message: t("server.net.notConnected") });
      }
    });
  }

  /** Exercise control (and evaluators): look through one nation's eyes (null = the white cell). Acting as another nation stops. */
  viewAs(nation: string | null): void {
    if (this.actAs !== nation) this.actAs = null;
    this.room.send("viewAs", nation ? { nation } : {});
  }

  /** Exercise control plays `nation` in person (null: stops), looking through its eyes while it does. */
  actAsNation(nation: string | null): void {
    if (nation) this.viewAs(nation);
    this.actAs = nation;
    this.queueRender();
  }

  async leave(): Promise<void> {
    this.closed = true;
    await this.room.leave(true).catch(() => undefined);
  }
}

/** Every join says which protocol this page speaks (docs/PROTOCOL.md §2): a mismatch is refused with protocol_mismatch. */
function withProtocol(options: Record<string, unknown>): Record<string, unknown> {
  return { ...options, protocolVersion: PROTOCOL_VERSION };
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

function waitForWelcome(room: Room): Promise<Welcome> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new JoinError("other", t("server.net.noGreeting"))), 8000);
    const off = room.onMessage("welcome", (w: Welcome) => {
      clearTimeout(timer);
      off();
      resolve(w);
    });
    // The welcome sent on join may arrive before this handler exists: ask again.
    room.send("whoami");
  });
}
