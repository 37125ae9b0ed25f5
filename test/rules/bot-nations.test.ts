import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Game, as, control, system } from "./game.ts";
import { ROOT } from "../../server/config.ts";
import { BotDriver } from "../../server/rooms/bot-driver.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp } from "../../shared/engine/evolve.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { controlOf } from "../../shared/engine/nation-control.ts";
import { planAnswers, botWorld } from "../../shared/bots/bot.ts";
import { PERSONAS } from "../../shared/bots/personas.ts";
import { botDice } from "../../shared/bots/bot-dice.ts";
import { feedItemFor } from "../../shared/view/feed.ts";
import { translate } from "../../shared/i18n/format.ts";
import { namesIn } from "../../shared/view/feed.ts";
import { silentLogger } from "../../server/log.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";

const bot = (nation: string, persona = "cautious"): Actor => ({ role: "participant", nation, name: `${persona} bot`, simulated: "bot" });
const northernFlank = () => new Game(JSON.parse(readFileSync(join(ROOT, "scenarios/01-northern-flank.json"), "utf8")), 5);

/**
 * The driver against a room made of decide alone: every command it sends is recorded, timers
 * run when the test says. It sees the state only through `exercise()`, as in the real room.
 */
function drive(start: ExerciseState) {
  let state = start;
  const sent: { command: Command; actor: Actor | { role: "system" } }[] = [];
  const timers: (() => void)[] = [];
  let chain = Promise.resolve();
  let now = 2_000_000;
  const driver = new BotDriver(
    {
      roomId: "ex-rules",
      exercise: () => state,
      enqueue: (_lane, work) => (chain = chain.then(work)),
      async apply(command, actor) {
        sent.push({ command, actor });
        const decision = decide(state, command, actor, ++now);
        if ("rejected" in decision) return decision;
        const events = stamp(state, decision.events, now);
        state = decision.state;
        driver.observe(events);
        return { seq: state.seq };
      },
      later: (work) => {
        timers.push(work);
        return { clear: () => {} };
      },
      log: silentLogger,
    },
    0,
  );
  return {
    driver,
    sent,
    state: () => state,
    /** A command from someone else (a person, exercise control), as the room would take it. */
    other(command: Command, actor: Actor) {
      const decision = decide(state, command, actor, ++now);
      if ("rejected" in decision) throw new Error(decision.rejected.message);
      const events = stamp(state, decision.events, now);
      state = decision.state;
      driver.observe(events);
    },
    async settle() {
      driver.observe([]);
      while (timers.length) {
        timers.shift()!();
        await chain;
      }
    },
  };
}

describe("a bot in a live room plays from its nation's view only", () => {
  const sarniaToBot = (g: Game) => g.do({ type: "setNationControl", nation: "sarnia", by: "bot", persona: "cooperative" });

  it("sends the same moves when what Sarnia cannot see changes, and other moves when what it sees does", async () => {
    const g = northernFlank().start();
    sarniaToBot(g);
    const moves = async (state: ExerciseState) => {
      const run = drive(state);
      await run.settle();
      return run.sent.map((s) => s.command);
    };
    const before = await moves(g.state);
    expect(before.length).toBeGreaterThan(1);
    expect(before.at(-1)).toEqual({ type: "commitTurn", turn: 1 });
    // Hidden from Sarnia: Nordvik's books, a Varkhan unit Sarnia has not seen, an inject not yet released.
    const hidden = structuredClone(g.state);
    hidden.nations.nordvik!.budget = 1;
    const unseen = Object.values(hidden.assets).find((a) => a.owner === "varkhan" && !hidden.detections.sarnia?.[a.id])!;
    hidden.assets[unseen.id] = { ...unseen, region: unseen.region === "port-zarya" ? "marches" : "port-zarya" };
    const planned = Object.values(hidden.injects).find((i) => i.status === "planned")!;
    hidden.injects[planned.id] = { ...planned, spec: { ...planned.spec, title: "changed" } };
    expect(viewFor(hidden, { kind: "nation", nation: "sarnia" })).toEqual(viewFor(g.state, { kind: "nation", nation: "sarnia" }));
    expect(await moves(hidden)).toEqual(before);
    // A crisis in its own territory is something it sees.
    const seen = structuredClone(g.state);
    seen.regions.tarvo = { ...seen.regions.tarvo!, crisis: { kind: "humanitarian", severity: 90, since: 1 } };
    expect(await moves(seen)).not.toEqual(before);
  });

  it("acts as '<persona> bot', simulated, and plays the same way for the same seed", async () => {
    const g = northernFlank().start();
    sarniaToBot(g);
    const a = drive(g.state);
    await a.settle();
    const b = drive(g.state);
    await b.settle();
    expect(a.sent).toEqual(b.sent);
    expect(
      a.sent.every((s) => JSON.stringify(s.actor) === JSON.stringify({ role: "participant", nation: "sarnia", name: "cooperative bot", simulated: "bot" })),
    ).toBe(true);
    expect(a.state().nations.sarnia!.committed).toBe(true);
    // Only Sarnia: the nations played by their people are left alone.
    expect(
      Object.values(a.state().nations)
        .filter((n) => n.committed)
        .map((n) => n.id),
    ).toEqual(["sarnia"]);
  });

  it("answers a request the moment it arrives, after its turn is committed", async () => {
    const g = new Game().start();
    g.do({ type: "setNationControl", nation: "south", by: "bot", persona: "cooperative" });
    const run = drive(g.state);
    await run.settle();
    expect(run.state().nations.south!.committed).toBe(true);
    const before = run.sent.length;
    // North asks South for consent to enter the island, between South's commit and the turn's end.
    run.other({ type: "requestConsent", host: "south", region: "island", note: "relief" }, as("north"));
    await run.settle();
    expect(run.sent.slice(before).map((s) => s.command.type)).toEqual(["answerConsent"]);
    expect(Object.values(run.state().consentRequests)[0]!.status).not.toBe("pending");
  });

  it("does nothing while the exercise is paused, and plays on resume", async () => {
    const g = new Game().start();
    g.do({ type: "setNationControl", nation: "south", by: "bot" });
    g.do({ type: "pauseExercise" });
    const run = drive(g.state);
    await run.settle();
    expect(run.sent).toEqual([]);
    run.other({ type: "resumeExercise" }, control);
    await run.settle();
    expect(run.sent.at(-1)?.command).toEqual({ type: "commitTurn", turn: 1 });
  });
});

describe("an answer's dice are the request's own", () => {
  it("gives the same answers whatever else is waiting", () => {
    const g = new Game().start();
    g.do({ type: "requestInfo", to: "south", question: "Where is your medical unit?" }, as("north"));
    g.do({ type: "requestInfo", to: "south", question: "And your ships?" }, as("north"));
    const view = viewFor(g.state, { kind: "nation", nation: "south" });
    const world = botWorld(g.state.scenario);
    const persona = { ...PERSONAS.cautious, answers: 0.5 };
    const both = planAnswers({ view, world, persona, randomFor: (id) => botDice(7, "south", id) });
    const [first, second] = Object.keys(view.infoRequests).sort();
    const onlySecond = { ...view, infoRequests: { [second!]: view.infoRequests[second!]! } };
    const alone = planAnswers({ view: onlySecond, world, persona, randomFor: (id) => botDice(7, "south", id) });
    expect(alone).toEqual(both.filter((c) => c.type === "answerInfo" && c.request === second));
    expect(first).toBeDefined();
  });
});

describe("simulated commits and drafts", () => {
  it("a bot's draft is marked as a bot's, its commit counts for the nation, and the log says so", () => {
    const g = new Game().start();
    const drafted = g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, bot("south"));
    expect(drafted.map((e) => e.type)).toEqual(["actedFor", "orderDrafted"]);
    expect(Object.values(g.state.drafts)[0]).toMatchObject({ nation: "south", author: "cautious bot", as: "bot" });
    g.do({ type: "commitTurn", turn: 1 }, bot("south"));
    expect(g.state.nations.south!.committed).toBe(true);
    g.do({ type: "commitTurn", turn: 1 }, as("north"));
    expect(g.state.turn).toBe(2);
  });

  it("a team's own draft carries no mark", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "s-med", destination: "island", mission: "medical" } }, as("south"));
    expect(Object.values(g.state.drafts)[0]!.as).toBeUndefined();
  });

  it("exercise control commits for an empty team as a simulated move", () => {
    const g = new Game().start();
    const events = g.do({ type: "commitTurn", turn: 1 }, { role: "participant", nation: "south", name: "Control", simulated: "control" });
    expect(events[0]).toMatchObject({ type: "actedFor", nation: "south", as: "control", by: "Control" });
    expect(g.state.nations.south).toMatchObject({ committed: true, committedBy: "Control" });
  });
});

describe("the server hands a bot's nation back to its people", () => {
  it("may set a bot-played nation back to its people, and nothing else", () => {
    const g = new Game().start();
    g.refuse({ type: "setNationControl", nation: "south", by: "people" }, system, "invalid_target");
    g.refuse({ type: "setNationControl", nation: "south", by: "bot" }, system, "not_facilitator");
    g.do({ type: "setNationControl", nation: "south", by: "bot", persona: "hawk" });
    const events = g.do({ type: "setNationControl", nation: "south", by: "people" }, system);
    expect(events[0]).toMatchObject({ type: "nationControlSet", nation: "south", control: { by: "people" }, by: "server" });
    expect(events[1]).toMatchObject({ type: "ruleApplied", nations: ["south"], msg: { key: "botNations.explain.handedBack" } });
    expect(controlOf(g.state, "south")).toEqual({ by: "people" });
    g.do({ type: "setNationControl", nation: "south", by: "control" }, control);
    g.refuse({ type: "setNationControl", nation: "south", by: "people" }, system, "invalid_target");
  });
});

describe("the feeds mark simulated moves", () => {
  it("exercise control reads who and for whom; the nation's team that it was not theirs; others nothing", () => {
    const g = new Game().start();
    g.do({ type: "setNationControl", nation: "south", by: "bot", persona: "free-rider" });
    const [actedFor] = g.do({ type: "commitTurn", turn: 1 }, bot("south", "free-rider"));
    const line = (viewer: Parameters<typeof feedItemFor>[2], lang: "en" | "fr" = "en") => {
      const item = feedItemFor(actedFor!, g.state, viewer);
      return item ? translate(lang, item.msg, namesIn(g.state, lang)) : null;
    };
    expect(line({ kind: "white" })).toBe(`bot (free-rider) for ${g.state.nations.south!.name}: committed the turn`);
    expect(line({ kind: "white" }, "fr")).toBe(`robot (passager clandestin) pour ${g.state.nations.south!.name} : a validé le tour`);
    expect(line({ kind: "nation", nation: "south" })).toBe("Not your team: bot (free-rider) for your nation: committed the turn");
    expect(line({ kind: "nation", nation: "north" })).toBeNull();
  });
});

describe("a bot that fails", () => {
  it("is logged and takes nothing down", async () => {
    const g = new Game().start();
    g.do({ type: "setNationControl", nation: "south", by: "bot" });
    const errors: string[] = [];
    const timers: (() => void)[] = [];
    let chain = Promise.resolve();
    const driver = new BotDriver(
      {
        roomId: "ex-rules",
        exercise: () => g.state,
        enqueue: (_lane, work) => (chain = chain.then(work)),
        apply: async () => {
          throw new Error("disk on fire");
        },
        later: (work) => (timers.push(work), { clear: () => {} }),
        log: { ...silentLogger, error: (message) => void errors.push(message) },
      },
      0,
    );
    driver.observe([]);
    timers.shift()!();
    await chain;
    expect(errors).toEqual(["bot failed"]);
  });
});
