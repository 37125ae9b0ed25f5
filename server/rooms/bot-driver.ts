import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Actor, Command, ParticipantCommand } from "../../shared/protocol/commands.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { Rejection } from "../../shared/protocol/rejections.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { controlOf, botNations } from "../../shared/engine/nation-control.ts";
import { planTurn, planAnswers, botWorld, type BotWorld } from "../../shared/bots/bot.ts";
import { PERSONAS, isPersonaId, type Persona } from "../../shared/bots/personas.ts";
import { botDice } from "../../shared/bots/bot-dice.ts";
import type { Logger } from "../log.ts";

/** What the driver needs of its room: the state, the room's own command pipeline, its clock and log. */
export interface BotDriverRoom {
  readonly roomId: string;
  exercise(): ExerciseState;
  /** Queues work behind the commands already waiting (the room's FairQueue), in a lane of its own. */
  enqueue(lane: string, work: () => Promise<void>): Promise<void>;
  /** A command through the normal pipeline: decide, append, broadcast. Only inside enqueued work. */
  apply(command: Command, actor: Actor | { role: "system" }): Promise<{ seq: number } | { rejected: Rejection }>;
  later(work: () => void, ms: number): { clear(): void };
  readonly log: Logger;
}

/** Answers are planned by planAnswers with dice of their own; planTurn's copies are left out. */
const ANSWERS = new Set<string>(["answerInfo", "answerConsent", "answerAgreement"]);
/** Events that put a question to a nation: a bot answers it when it arrives, between turns too. */
const QUESTIONS = new Set<string>(["infoRequested", "consentRequested", "agreementProposed"]);

/**
 * Plays the nations exercise control gave to a bot (controlOf(...).by === "bot") in a live
 * room. A bot plans from `viewFor` of its nation only — what a person at that table would see —
 * and the standing rules of the briefing pack (botWorld), never from the room's state; its
 * commands go through the room's normal pipeline as a participant `"<persona> bot"` with
 * `simulated: "bot"`, so `decide` judges them like a team's and the log says they were a bot's.
 *
 * When: a moment (`delayMs`) after its turn starts (or it is handed the nation, or the exercise
 * resumes) it answers what waits on it, drafts, shares and commits; a request or agreement put
 * to it later is answered a moment after it arrives. Deterministic: a turn's dice are seeded by
 * the exercise's seed, the nation and the turn; an answer's by the seed, the nation and the
 * request, so when a request arrives does not change the answer.
 *
 * A refused move is logged and the bot carries on, as a team would; a bot that fails is logged
 * and never takes the room down.
 */
export class BotDriver {
  private readonly room: BotDriverRoom;
  private readonly delayMs: number;
  private world: BotWorld | null = null;
  /** `${nation}@${turn}` whose turn is planned or waiting to be. */
  private turns = new Set<string>();
  private answering: { clear(): void } | null = null;
  private timers = new Set<{ clear(): void }>();

  constructor(room: BotDriverRoom, delayMs: number) {
    this.room = room;
    this.delayMs = delayMs;
  }

  /** After the room's state changed (or when it opens, with no events): schedule what the bots owe. */
  observe(events: readonly ExerciseEvent[]): void {
    const state = this.room.exercise();
    if (state.phase !== "running") return;
    // A nation taken back from its bot is planned afresh if it is given to one again.
    for (const e of events) if (e.type === "nationControlSet" && e.control.by !== "bot") this.turns.delete(`${e.nation}@${state.turn}`);
    const bots = botNations(state);
    if (bots.length === 0) return;
    for (const { nation } of bots) {
      const key = `${nation}@${state.turn}`;
      if (this.turns.has(key) || state.nations[nation]?.committed) continue;
      this.turns.add(key);
      this.after(() => this.playTurn(nation, state.turn));
    }
    if (events.some((e) => QUESTIONS.has(e.type)) && !this.answering) {
      const timer = this.after(() => {
        this.answering = null;
        return this.answerAll();
      });
      this.answering = timer;
    }
  }

  /**
   * One of a nation's people joined: a nation a bot plays goes back to its team. The server says
   * so in the log (`nationControlSet` by "server", and why); the bot's drafts stay as drafts.
   */
  peopleJoined(nation: string): void {
    if (controlOf(this.room.exercise(), nation).by !== "bot") return;
    void this.room.enqueue(`bot:${nation}`, async () => {
      if (controlOf(this.room.exercise(), nation).by !== "bot") return;
      const result = await this.room.apply({ type: "setNationControl", nation, by: "people" }, { role: "system" });
      if ("rejected" in result) this.room.log.warn("nation not handed back to its team", { exerciseId: this.room.roomId, nation, code: result.rejected.code });
    });
  }

  dispose(): void {
    for (const timer of this.timers) timer.clear();
    this.timers.clear();
  }

  private after(work: () => Promise<void>): { clear(): void } {
    const timer = this.room.later(() => {
      this.timers.delete(timer);
      void this.room.enqueue("bots", () => this.guarded(work));
    }, this.delayMs);
    this.timers.add(timer);
    return timer;
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.room.log.error("bot failed", { exerciseId: this.room.roomId, error: String((error as Error)?.stack ?? error) });
    }
  }

  /** The nation's turn: its answers, then its drafts, shares, proposals and the commit. */
  private async playTurn(nation: string, turn: number): Promise<void> {
    const state = this.room.exercise();
    const persona = this.botOf(state, nation);
    // Paused before it acted: it plays when the exercise resumes (observe schedules it again).
    if (state.phase === "paused") this.turns.delete(`${nation}@${turn}`);
    if (!persona || state.phase !== "running" || state.turn !== turn || state.nations[nation]?.committed) return;
    const view = viewFor(state, { kind: "nation", nation });
    const world = this.worldOf(state);
    const answers = planAnswers({ view, world, persona, randomFor: (id) => botDice(state.seed, nation, id) });
    const plan = planTurn({ view, world, persona, random: botDice(state.seed, nation, turn) }).filter((c) => !ANSWERS.has(c.type));
    await this.submit(nation, turn, persona, [...answers, ...plan]);
  }

  /** Whatever waits on any bot nation now (a request that arrived between turns). */
  private async answerAll(): Promise<void> {
    const state = this.room.exercise();
    if (state.phase !== "running") return;
    for (const { nation } of botNations(state)) {
      const now = this.room.exercise();
      const persona = this.botOf(now, nation);
      if (!persona || now.phase !== "running") continue;
      const answers = planAnswers({
        view: viewFor(now, { kind: "nation", nation }),
        world: this.worldOf(now),
        persona,
        randomFor: (id) => botDice(now.seed, nation, id),
      });
      await this.submit(nation, now.turn, persona, answers);
    }
  }

  private async submit(nation: string, turn: number, persona: Persona, commands: readonly ParticipantCommand[]): Promise<void> {
    const actor: Actor = { role: "participant", nation, name: `${persona.id} bot`, simulated: "bot" };
    for (const command of commands) {
      const now = this.room.exercise();
      // The turn may resolve (its commit was the last one awaited) or exercise control may take the nation back.
      if (now.phase !== "running" || now.turn !== turn || !this.botOf(now, nation)) return;
      const result = await this.room.apply(command, actor);
      if ("rejected" in result)
        this.room.log.info("bot move refused", { exerciseId: this.room.roomId, nation, command: command.type, code: result.rejected.code });
    }
  }

  private botOf(state: ExerciseState, nation: string): Persona | null {
    const control = controlOf(state, nation);
    if (control.by !== "bot") return null;
    return PERSONAS[control.persona && isPersonaId(control.persona) ? control.persona : "cooperative"];
  }

  private worldOf(state: ExerciseState): BotWorld {
    this.world ??= botWorld(state.scenario);
    return this.world;
  }
}
