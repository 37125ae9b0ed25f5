import { describe, it, expect } from "vitest";
import { Game, as, control, tinyInput } from "./game.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import { validateScenario } from "../../shared/scenario/validate.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { planPlaybook } from "../../shared/playbook/plan-playbook.ts";

/** Red (no team plays it) gets this playbook in the tiny scenario. */
function withPlaybook(playbook: unknown): (s: ScenarioInput) => void {
  return (s) => {
    const red = s.nations.find((n) => n.id === "red")!;
    (red as { playbook?: unknown }).playbook = playbook;
    s.turns = 10;
  };
}

const statement = (text: string) => ({ type: "makeStatement", stance: "firm", text });
const TWO_LEVELS = {
  speaker: "Red spokesperson",
  levels: [
    {
      id: "calm",
      name: "Calm",
      escalateWhen: { kind: "tension", op: ">=", value: 60 },
      rules: [
        { id: "line", name: "Routine line", then: [statement("All is routine.")] },
        {
          id: "patrol",
          name: "Patrol the sea",
          once: true,
          then: [{ type: "draftOrder", order: { kind: "deployAsset", asset: "r-frigate", destination: "s-sea", mission: "patrol" } }],
        },
      ],
    },
    {
      id: "angry",
      name: "Angry",
      deescalateWhen: { kind: "tension", op: "<", value: 40 },
      rules: [{ id: "warn", name: "Warn", cooldown: 1, then: [statement("Stop provoking us.")] }],
    },
  ],
};

const playbookEvents = (g: Game) => g.events.filter((e) => e.type.startsWith("playbook") || (e.type === "actedFor" && e.as === "playbook"));
const statements = (g: Game) => g.events.filter((e) => e.type === "statementMade").map((e) => (e as { text: string }).text);
/** Exercise control sets tension (a logged adjudication), as it might in play. */
const setTension = (g: Game, value: number) => g.do({ type: "adjustState", effects: [{ kind: "tension", delta: value - g.state.tension }], rationale: "test" });

describe("adversary playbook: rules fire on their conditions, through decide", () => {
  it("at the start of the exercise red's level-0 rules make its moves as red, under its speaker's name", () => {
    const g = new Game(tinyInput(), 7, withPlaybook(TWO_LEVELS)).start();
    const acted = g.events.filter((e) => e.type === "actedFor");
    expect(acted.map((e) => [e.nation, e.as, e.command])).toEqual([
      ["red", "playbook", "makeStatement"],
      ["red", "playbook", "draftOrder"],
    ]);
    expect(statements(g)).toEqual(["All is routine."]);
    const message = Object.values(viewFor(g.state, { kind: "nation", nation: "north" }).messages).find((m) => m.text === "All is routine.");
    expect(message).toMatchObject({ channel: "public", fromNation: "red", author: "Red spokesperson" });
    expect(Object.values(g.state.drafts).map((d) => [d.nation, d.order.kind])).toEqual([["red", "deployAsset"]]);
    // The order executes at the resolution like a team's.
    g.endTurn();
    expect(g.state.assets["r-frigate"]!.region).toBe("s-sea");
  });

  it("once fires once; a level's rules apply only at that level; levels rise and fall on their conditions", () => {
    const g = new Game(tinyInput(), 7, withPlaybook(TWO_LEVELS)).start();
    g.endTurn();
    expect(g.events.filter((e) => e.type === "playbookRuleFired" && e.rule === "patrol")).toHaveLength(1);
    setTension(g, 70);
    g.endTurn();
    expect(g.state.playbook?.levels.red).toBe("angry");
    expect(g.events.some((e) => e.type === "playbookLevelChanged" && e.from === "calm" && e.level === "angry")).toBe(true);
    expect(statements(g).at(-1)).toBe("Stop provoking us.");
    const lines = statements(g).length;
    setTension(g, 70);
    g.endTurn();
    // cooldown 1: not the very next turn.
    expect(statements(g).length).toBe(lines);
    setTension(g, 10);
    g.endTurn();
    expect(g.state.playbook?.levels.red).toBe("calm");
    expect(statements(g).at(-1)).toBe("All is routine.");
  });

  it("a chance is rolled on the exercise's seeded dice: the same seed plays the same, and the log replays without rolling", () => {
    const chancy = { levels: [{ id: "only", name: "Only", rules: [{ id: "maybe", name: "Maybe", chance: 0.5, then: [statement("Perhaps.")] }] }] };
    const play = (seed: number) => {
      const g = new Game(tinyInput(), seed, withPlaybook(chancy)).start();
      for (let i = 0; i < 6; i++) g.endTurn();
      return g;
    };
    const counts = [1, 2, 3, 4, 5, 6].map((seed) => statements(play(seed)).length);
    expect(counts).toEqual([1, 2, 3, 4, 5, 6].map((seed) => statements(play(seed)).length));
    expect(new Set(counts).size).toBeGreaterThan(1);
    expect(Math.max(...counts)).toBeLessThan(7);
    const g = play(3);
    expect(foldEvents(g.initial, g.events)).toEqual(g.state);
  });

  it("the rules bound the playbook like any nation: a move they refuse is logged as refused, with the reason", () => {
    const bad = {
      levels: [
        {
          id: "only",
          name: "Only",
          rules: [
            {
              id: "land",
              name: "Sail onto land",
              then: [
                { type: "draftOrder", order: { kind: "deployAsset", asset: "r-frigate", destination: "island", mission: "patrol" } },
                statement("We sail."),
              ],
            },
          ],
        },
      ],
    };
    const g = new Game(tinyInput(), 7, withPlaybook(bad)).start();
    const refused = g.events.find((e) => e.type === "playbookMoveRefused")!;
    // The island is South's: Red needs its consent, as any nation would.
    expect(refused).toMatchObject({ nation: "red", rule: "land", command: "draftOrder", code: "needs_consent" });
    expect((refused as { reason: string }).reason).toMatch(/consent/i);
    expect(Object.keys(g.state.drafts)).toEqual([]);
    expect(statements(g)).toEqual(["We sail."]);
  });

  it("answers the requests addressed to it", () => {
    const answering = {
      levels: [{ id: "only", name: "Only", rules: [{ id: "no-entry", name: "Refuse entry", then: [{ type: "answerConsent", grant: false }] }] }],
    };
    const g = new Game(tinyInput(), 7, withPlaybook(answering)).start();
    expect(g.events.some((e) => e.type === "playbookRuleFired")).toBe(false);
    g.do({ type: "requestConsent", host: "red", region: "r-sea", note: "transit" }, as("north"));
    g.endTurn();
    expect(Object.values(g.state.consentRequests).map((c) => c.status)).toEqual(["denied"]);
  });

  it("plans purely: the same state and dice give the same plan; a rule that fired this turn waits for the next", () => {
    const g = new Game(tinyInput(), 7, withPlaybook(TWO_LEVELS));
    const a = planPlaybook(g.state, "red", () => 0.3);
    expect(planPlaybook(g.state, "red", () => 0.3)).toEqual(a);
    expect(a!.fired.map((f) => f.rule.id)).toEqual(["line", "patrol"]);
    expect(planPlaybook(g.state, "north", () => 0.3)).toBeNull();
    g.start();
    expect(planPlaybook(g.state, "red", () => 0.3)!.fired).toEqual([]);
  });
});

describe("adversary playbook: approve each, or off", () => {
  const approving = () => {
    const g = new Game(tinyInput(), 7, withPlaybook(TWO_LEVELS)).start();
    g.do({ type: "setNationControl", nation: "red", by: "control", playbook: "approve" });
    g.endTurn();
    return g;
  };

  it("queues the planned moves instead of making them; approving makes the move, as red", () => {
    const g = approving();
    const queue = Object.values(g.state.playbookQueue ?? {});
    expect(queue.map((m) => [m.nation, m.level, m.rule, m.command.type])).toEqual([["red", "calm", "line", "makeStatement"]]);
    expect(statements(g)).toEqual(["All is routine."]);
    g.do({ type: "approvePlaybookMove", move: queue[0]!.id, reason: "fits the story" });
    expect(g.state.playbookQueue).toEqual({});
    expect(statements(g)).toEqual(["All is routine.", "All is routine."]);
    const approved = g.events.find((e) => e.type === "playbookMoveApproved")!;
    expect(approved).toMatchObject({ by: "Control", reason: "fits the story", edited: false });
    expect(g.events.at(-3)).toMatchObject({ type: "actedFor", nation: "red", as: "playbook" });
  });

  it("edits a move's fields, never its kind; refuses a move the rules refuse and keeps it queued", () => {
    const g = approving();
    const id = Object.keys(g.state.playbookQueue!)[0]!;
    g.refuse({ type: "approvePlaybookMove", move: id, command: { type: "sendMessage", channel: "public", text: "x" } }, control, "invalid_target");
    g.do({ type: "approvePlaybookMove", move: id, command: { type: "makeStatement", stance: "assertive", text: "Edited line." }, reason: "sharper" });
    expect(statements(g).at(-1)).toBe("Edited line.");
    expect(g.events.find((e) => e.type === "playbookMoveApproved")).toMatchObject({ edited: true });
    g.refuse({ type: "approvePlaybookMove", move: id }, control, "unknown_request");
  });

  it("drops a move with its reason; a move not answered in its turn lapses; off plans nothing", () => {
    const g = approving();
    const id = Object.keys(g.state.playbookQueue!)[0]!;
    g.do({ type: "dropPlaybookMove", move: id, reason: "too early in the story" });
    expect(g.events.find((e) => e.type === "playbookMoveDropped")).toMatchObject({ move: id, by: "Control", reason: "too early in the story" });
    g.endTurn();
    const next = Object.keys(g.state.playbookQueue!);
    expect(next).toHaveLength(1);
    g.endTurn();
    expect(g.events.some((e) => e.type === "playbookMoveDropped" && e.move === next[0] && e.expired)).toBe(true);
    g.do({ type: "setNationControl", nation: "red", by: "control", playbook: "off" });
    const before = playbookEvents(g).length;
    g.endTurn();
    const after = playbookEvents(g).slice(before);
    expect(after.every((e) => e.type === "playbookMoveDropped")).toBe(true);
    expect(g.state.playbookQueue).toEqual({});
  });

  it("only exercise control approves or drops", () => {
    const g = approving();
    const id = Object.keys(g.state.playbookQueue!)[0]!;
    g.refuse({ type: "approvePlaybookMove", move: id }, as("north"), "not_facilitator");
    g.refuse(
      { type: "dropPlaybookMove", move: id, reason: "no" },
      { role: "participant", nation: "red", name: "Ana", simulated: "roleplayer" },
      "not_facilitator",
    );
  });
});

describe("adversary playbook: the validator names each fault by its path", () => {
  const faults = (playbook: unknown, nation = "red") => {
    const input = tinyInput();
    (input.nations.find((n) => n.id === nation) as { playbook?: unknown }).playbook = playbook;
    const result = validateScenario(input);
    return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
  };
  const rule = (then: unknown[], extra: object = {}) => ({ levels: [{ id: "l0", name: "L0", rules: [{ id: "r", name: "R", then, ...extra }] }] });

  it("accepts a sound playbook", () => {
    expect(faults(TWO_LEVELS)).toEqual([]);
    // Nothing new in the state until a playbook moves: old logs fold as before.
    expect(new Game(tinyInput(), 7, withPlaybook(TWO_LEVELS)).state.playbook).toBeUndefined();
  });

  it("refuses a playbook on a playable nation, ids that name nothing, another nation's asset, a probability above 1, levels out of order", () => {
    expect(faults(rule([statement("x")]), "north")).toEqual([expect.stringMatching(/^nations\[0\]\.playbook: only a nation no team plays/)]);
    expect(faults(rule([{ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "nowhere", mission: "patrol" } }]))).toEqual([
      expect.stringMatching(/^nations\[2\]\.playbook\.levels\[0\]\.rules\[0\]\.then\[0\]\.order\.asset: asset "n-frigate" belongs to "north"/),
      expect.stringMatching(/^nations\[2\]\.playbook\.levels\[0\]\.rules\[0\]\.then\[0\]\.order\.destination: unknown region "nowhere"/),
    ]);
    expect(faults(rule([statement("x")], { chance: 1.5 }))).toEqual([expect.stringMatching(/^nations\[2\]\.playbook\.levels\[0\]\.rules\[0\]\.chance/)]);
    expect(faults(rule([{ type: "sendMessage", to: "alliance", text: "x" }]))).toEqual([expect.stringMatching(/then\[0\]\.to: "red" is not in the alliance/)]);
    const disordered = {
      start: "missing",
      levels: [
        { id: "a", name: "A", deescalateWhen: { kind: "tension", op: "<", value: 10 } },
        { id: "b", name: "B", escalateWhen: { kind: "regionStability", region: "atlantis", op: "<", value: 10 } },
      ],
    };
    expect(faults(disordered)).toEqual([
      expect.stringMatching(/^nations\[2\]\.playbook\.levels\[0\]\.deescalateWhen: level "a" is the first/),
      expect.stringMatching(/^nations\[2\]\.playbook\.levels\[1\]\.escalateWhen: level "b" is the last/),
      expect.stringMatching(/^nations\[2\]\.playbook\.levels\[1\]\.escalateWhen\.region: unknown region "atlantis"/),
      expect.stringMatching(/^nations\[2\]\.playbook\.start: unknown level "missing"/),
    ]);
  });
});
