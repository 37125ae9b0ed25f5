import { describe, it, expect } from "vitest";
import { Game, as, control, observer } from "./game.ts";
import type { Actor } from "../../shared/protocol/commands.ts";
import { actingAs } from "../../shared/engine/act-as.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { feedItemFor, feedText } from "../../shared/view/feed.ts";
import { recentMessages } from "../../shared/state/schema.ts";
import { FACILITATOR_COMMANDS } from "../../shared/protocol/commands.ts";
import { FACILITATOR_ACTIONS, signedAction } from "../../shared/engine/control-actions.ts";

const southController: Actor = { role: "controller", name: "Bo", nations: ["south"] };
const anyController: Actor = { role: "controller", name: "Ana", nations: null };
const evaluator: Actor = { role: "evaluator", name: "Eve" };
const rolePlayer: Actor = { role: "participant", nation: "red", name: "Ana", simulated: "roleplayer", persona: "Redonia MFA spokesperson" };

describe("named controllers: scope both ways, every action signed", () => {
  it("a controller of south cannot release an inject addressed to north, and the refusal names north", () => {
    const g = new Game().start();
    const sentence = g.refuse({ type: "releaseInject", inject: "red-sighting" }, southController, "out_of_scope");
    expect(sentence).toBe("Nordmark is not among the nations you control (Sudland).");
    // An unlimited controller may, and the release is signed with its name in the log and the white cell's news.
    const events = g.do({ type: "releaseInject", inject: "red-sighting" }, anyController);
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(["controlActed", "injectReleased"]);
    expect(events[0]).toMatchObject({ by: "Ana", command: "releaseInject" });
    expect(feedText(feedItemFor(events[0]!, g.state, { kind: "white" })!, g.state, "en")).toBe("Controller Ana: release an inject");
    expect(feedItemFor(events[0]!, g.state, { kind: "nation", nation: "north" })).toBeNull();
    // The lead's own actions are as before: the facilitator link is the lead's signature.
    expect(g.do({ type: "pauseExercise" }, control)[0]!.type).toBe("exercisePaused");
  });

  it("the refusal and the news name exercise control's actions from one list; the news signs only those whose own lines do not", () => {
    expect(Object.keys(FACILITATOR_ACTIONS).sort()).toEqual([...FACILITATOR_COMMANDS].sort());
    const signed = FACILITATOR_COMMANDS.filter((c) => signedAction(c) !== null);
    expect(signed.sort()).toEqual(
      [
        "startBriefing",
        "startExercise",
        "pauseExercise",
        "resumeExercise",
        "setTurnTimer",
        "forceResolve",
        "releaseInject",
        "skipInject",
        "delayInject",
        "fireInject",
        "grantIntel",
        "removeImprovement",
        "designateCommander",
      ].sort(),
    );
    for (const c of signed) expect(signedAction(c)).toBe(FACILITATOR_ACTIONS[c]);
    // A participant's command, an evaluation command: no signing words.
    expect(signedAction("withdrawDraft")).toBeNull();
    expect(signedAction("recordObservation")).toBeNull();
    const g = new Game();
    expect(g.refuse({ type: "startBriefing" }, as("north"), "not_facilitator")).toBe("Only exercise control can start the briefing.");
  });

  it("fires an inject to its own nations only", () => {
    const g = new Game().start();
    const inject = { number: "X1", type: "event", from: "Sudland coast guard", title: "Flooding", body: "The island floods." };
    g.refuse({ type: "fireInject", inject: { ...inject, to: "all" } }, southController, "out_of_scope");
    g.refuse(
      { type: "fireInject", inject: { ...inject, to: ["south"], effects: [{ kind: "assetStrength", asset: "n-frigate", delta: -10 }] } },
      southController,
      "out_of_scope",
    );
    expect(g.do({ type: "fireInject", inject: { ...inject, to: ["south"] } }, southController).map((e) => e.type)).toContain("injectReleased");
  });

  it("adjudicates only its nations' regions and assets, signed with its name", () => {
    const g = new Game().start();
    expect(
      g.refuse(
        { type: "adjustState", effects: [{ kind: "assetStrength", asset: "n-frigate", delta: -10 }], rationale: "hit" },
        southController,
        "out_of_scope",
      ),
    ).toMatch(/Nordmark/);
    // A region nobody owns and the tension are the whole exercise's.
    g.refuse({ type: "adjustState", effects: [{ kind: "stability", region: "n-sea", delta: -5 }], rationale: "storm" }, southController, "out_of_scope");
    g.refuse({ type: "adjustState", effects: [{ kind: "tension", delta: 5 }], rationale: "rumour" }, southController, "out_of_scope");
    const events = g.do(
      {
        type: "adjustState",
        effects: [
          { kind: "stability", region: "island", delta: -5 },
          { kind: "assetStrength", asset: "s-med", delta: -5 },
        ],
        rationale: "riots",
      },
      southController,
    );
    expect(events.find((e) => e.type === "stateAdjusted")).toMatchObject({ by: "Bo" });
    const line = feedItemFor(events.find((e) => e.type === "stateAdjusted")!, g.state, { kind: "white" })!;
    expect(feedText(line, g.state, "en")).toBe("Adjudication by Bo: riots");
  });

  it("grants, messages and who plays a nation stay within its nations; the clock and the phase are the lead's or an unlimited controller's", () => {
    const g = new Game().start();
    g.refuse({ type: "facilitatorMessage", to: "north", text: "hi" }, southController, "out_of_scope");
    g.do({ type: "facilitatorMessage", to: "south", text: "Stand by." }, southController);
    g.refuse({ type: "grantIntel", to: ["north"], report: { title: "t", text: "x" } }, southController, "out_of_scope");
    g.refuse({ type: "setNationControl", nation: "red", by: "roleplayer" }, southController, "out_of_scope");
    g.refuse({ type: "pauseExercise" }, southController, "out_of_scope");
    g.do({ type: "pauseExercise" }, anyController);
    g.do({ type: "resumeExercise" }, anyController);
  });

  it("ending the exercise is the lead controller's alone", () => {
    const g = new Game().start();
    expect(g.refuse({ type: "endExercise" }, anyController, "out_of_scope")).toBe("Only the lead controller can do that.");
    g.do({ type: "endExercise" }, control);
    expect(g.state.phase).toBe("ended");
  });

  it("a controller cannot act in the game as itself", () => {
    const g = new Game().start();
    g.refuse({ type: "sendMessage", channel: "alliance", text: "hi" }, anyController, "not_your_nation");
  });
});

describe("acting as a nation in person (actAs)", () => {
  it("the lead may act for any nation; the move is that nation's, signed in the log by the controller", () => {
    const g = new Game().start();
    const actor = actingAs(g.state, control, "red");
    expect(actor).toEqual({ role: "participant", nation: "red", name: "Control", simulated: "control" });
    const events = g.do({ type: "sendMessage", channel: "bilateral:north:red", text: "We are watching." }, actor as Actor);
    expect(events[0]).toMatchObject({ type: "actedFor", nation: "red", by: "Control", as: "control" });
    // Players read the nation, never exercise control.
    expect(events[1]).toMatchObject({ type: "messageSent", message: { fromNation: "red", author: "Redonia" } });
  });

  it("a controller acts only for its nations, and the refusal names the nation", () => {
    const g = new Game().start();
    const refused = actingAs(g.state, southController, "red");
    expect("rejected" in refused && refused.rejected).toMatchObject({
      code: "out_of_scope",
      message: "Redonia is not among the nations you control (Sudland).",
    });
    expect(actingAs(g.state, southController, "south")).toMatchObject({ nation: "south", name: "Bo", simulated: "control" });
  });

  it("nobody else may act as a nation, and an unknown nation is named as such", () => {
    const g = new Game().start();
    for (const actor of [as("north"), observer, evaluator]) expect(actingAs(g.state, actor, "red")).toMatchObject({ rejected: { code: "not_facilitator" } });
    expect(actingAs(g.state, control, "constructor")).toMatchObject({ rejected: { code: "unknown_nation" } });
  });
});

describe("role-players speak in character", () => {
  it("a role-player's message is shown under its persona, and the white cell's feed says who played", () => {
    const g = new Game().start();
    const events = g.do({ type: "makeStatement", stance: "assertive", text: "Our exercises are routine." }, rolePlayer);
    expect(events.find((e) => e.type === "messageSent")).toMatchObject({ message: { author: "Redonia MFA spokesperson", fromNation: "red" } });
    const actedFor = events.find((e) => e.type === "actedFor")!;
    expect(feedText(feedItemFor(actedFor, g.state, { kind: "white" })!, g.state, "en")).toBe("Role-player Ana played for Redonia:");
    expect(feedItemFor(actedFor, g.state, { kind: "nation", nation: "north" })).toBeNull();
  });

  it("without a persona of its own, speaks under the scenario's persona for the nation, else the nation's name", () => {
    const g = new Game(undefined, 7, (s) => void Object.assign(s.nations.find((n) => n.id === "red")!, { persona: "Redonia Foreign Ministry" })).start();
    const events = g.do(
      { type: "sendMessage", channel: "bilateral:north:red", text: "Noted." },
      { role: "participant", nation: "red", name: "Ana", simulated: "roleplayer" },
    );
    expect(events.find((e) => e.type === "messageSent")).toMatchObject({ message: { author: "Redonia Foreign Ministry" } });
    const plain = new Game().start();
    expect(
      plain
        .do(
          { type: "sendMessage", channel: "bilateral:north:red", text: "Noted." },
          { role: "participant", nation: "red", name: "Ana", simulated: "roleplayer" },
        )
        .find((e) => e.type === "messageSent"),
    ).toMatchObject({ message: { author: "Redonia" } });
  });

  it("answers a consent request for a non-playable nation", () => {
    const g = new Game().start();
    g.do({ type: "requestConsent", host: "red", region: "r-sea", note: "transit" }, as("north"));
    const request = Object.keys(g.state.consentRequests)[0]!;
    g.do({ type: "answerConsent", request, grant: false }, rolePlayer);
    expect(g.state.consentRequests[request]).toMatchObject({ status: "denied" });
  });

  it("exercise control's message to a non-playable nation reaches that nation's view (its role-players)", () => {
    const g = new Game().start();
    g.do({ type: "facilitatorMessage", to: "red", text: "Escalate at turn 3." });
    const red = viewFor(g.state, { kind: "nation", nation: "red" });
    expect(Object.values(red.messages).map((m) => m.text)).toContain("Escalate at turn 3.");
    expect(Object.values(viewFor(g.state, { kind: "nation", nation: "north" }).messages).map((m) => m.text)).not.toContain("Escalate at turn 3.");
  });
});

describe("evaluators: watch, write signed notes, never act", () => {
  it("an evaluator's note is signed with its name; its game commands are refused read_only", () => {
    const g = new Game().start();
    g.do({ type: "addNote", text: "Blue shared fast.", inject: "storm-warning" }, evaluator);
    expect(Object.values(g.state.notes)[0]).toMatchObject({ author: "Eve", text: "Blue shared fast." });
    g.refuse({ type: "releaseInject", inject: "red-sighting" }, evaluator, "read_only");
    g.refuse({ type: "sendMessage", channel: "alliance", text: "hi" }, evaluator, "read_only");
  });

  it("observers stay watch-only: no notes either", () => {
    const g = new Game().start();
    g.refuse({ type: "addNote", text: "x" }, observer, "read_only");
  });

  it("notes by named controllers are signed with their names, not 'Exercise control'", () => {
    const g = new Game().start();
    g.do({ type: "addNote", text: "Watch Sudland's medical unit." }, southController);
    expect(Object.values(g.state.notes)[0]!.author).toBe("Bo");
  });
});

describe("the white cell's channel and the controller log", () => {
  it("messages on the white cell's channel reach exercise control only", () => {
    const g = new Game().start();
    g.do({ type: "controlMessage", text: "Hold 3.02." }, southController);
    const message = recentMessages(g.state).find((m) => m.text === "Hold 3.02.")!;
    expect(message).toMatchObject({ channel: "control", author: "Bo" });
    expect(viewFor(g.state, { kind: "white" }).messages[message.id]).toBeDefined();
    for (const nation of ["north", "south", "red"]) expect(viewFor(g.state, { kind: "nation", nation }).messages[message.id]).toBeUndefined();
    // Nobody can write on it as a nation.
    g.refuse({ type: "sendMessage", channel: "control", text: "let me in" }, as("north"), "invalid_target");
  });

  it("a controller log entry is time-stamped, signed, in the white cell's view only, and absent from a log that has none", () => {
    const g = new Game().start();
    expect(g.state.controlLog).toBeUndefined();
    g.now = 1_234_567;
    g.do({ type: "logControlEntry", text: "Blue's lead asked for a pause; refused." }, anyController);
    const [entry] = Object.values(g.state.controlLog!);
    expect(entry).toMatchObject({ by: "Ana", text: "Blue's lead asked for a pause; refused.", turn: 1, at: 1_234_567 });
    expect(Object.values(viewFor(g.state, { kind: "white" }).controlLog)).toEqual([entry]);
    expect(viewFor(g.state, { kind: "nation", nation: "north" }).controlLog).toEqual({});
    const line = feedItemFor(g.events.at(-1)!, g.state, { kind: "white" })!;
    expect(feedText(line, g.state, "fr")).toBe("Journal de contrôle, Ana : Blue's lead asked for a pause; refused.");
    g.refuse({ type: "logControlEntry", text: "x" }, evaluator, "read_only");
    g.refuse({ type: "logControlEntry", text: "x" }, as("north"), "not_facilitator");
  });
});
