import { describe, it, expect } from "vitest";
import { expectWellWorded } from "./well-worded.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { buildAfterActionReport } from "../../shared/aar/index.ts";
import { Command, ParticipantCommand, FacilitatorCommand, type Actor } from "../../shared/protocol/commands.ts";
import { RejectionCode } from "../../shared/protocol/rejections.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { ID_SCHEMAS, PROTOTYPE_MEMBERS } from "../../shared/protocol/ids.ts";
import type { ExerciseEvent, EventBody } from "../../shared/protocol/events.ts";
import { parseCommand } from "../../server/rooms/command-pipeline.ts";
import { ROOT } from "../../server/config.ts";
import { Rng, randomCommand } from "./random-play.ts";
import { samplesOf, withStringAt, withRecordKeyAt, fieldName, type Path, type Picker } from "../support/schema-samples.ts";

/**
 * Ids that name prototype members, and other hostile ids, in every id field of every command.
 * The commands and their fields come from the protocol's zod schemas, so a command added later
 * is covered without editing this file. Each must be refused with a stable code (never
 * internal_error), or accepted and harmless: the turn still resolves, every view, the AAR and a
 * branch still build, and no record of the state gains an entry under a hostile key.
 */
const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__", "prototype"];
const OTHER_HOSTILE = (real: string) => ["", "x".repeat(100_000), lookAlike(real), `${real}\u200b`, "\ud800", `${real}\u202e`];

/** A real id with its first Latin vowel swapped for a Cyrillic look-alike. */
function lookAlike(id: string): string {
  const swaps: Record<string, string> = { a: "\u0430", e: "\u0435", o: "\u043e", i: "\u0456" };
  const at = id.search(/[aeoi]/);
  return at < 0 ? `${id}\u0430` : id.slice(0, at) + swaps[id[at]!] + id.slice(at + 1);
}

const CODES = new Set<string>(Object.values(RejectionCode));

function midGameState(): { initial: ExerciseState; state: ExerciseState; log: ExerciseEvent[] } {
  const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), "utf8")));
  const initial = initialState(scenario, "ex-hostile", 5);
  let state = initial;
  const log: ExerciseEvent[] = [];
  const rng = new Rng(99);
  const actors: Actor[] = [
    { role: "facilitator", name: "Control" },
    ...scenario.nations.filter((n) => n.playable).map((n) => ({ role: "participant" as const, nation: n.id, name: n.id })),
  ];
  let now = 1_000_000;
  const run = (command: unknown, actor: Actor) => {
    const parsed = Command.safeParse(command);
    if (!parsed.success) return;
    const decision = decide(state, parsed.data, actor, now);
    if ("rejected" in decision) return;
    const events = stamp(state, decision.events, now);
    log.push(...events);
    state = foldEvents(state, events);
  };
  run({ type: "startExercise" }, actors[0]!);
  for (let step = 0; step < 400; step++) {
    now += 30_000;
    run(randomCommand(rng, state), rng.pick(actors));
    if (state.phase !== "running") run({ type: "resumeExercise" }, actors[0]!);
  }
  if (state.phase !== "running") run({ type: "startExercise" }, actors[0]!);
  // The walk's outcome moves with the rules (a budget a new cost left short refuses a draft):
  // make sure a draft is there to aim at, from the first team that may still draft.
  for (const actor of actors.slice(1))
    if (Object.keys(state.drafts).length === 0) run({ type: "draftOrder", order: { kind: "setPolicy", publicStance: "quiet" } }, actor);
  return { initial, state, log };
}

/** Plausible values by field name, from the state's own ids. */
function pickerFor(state: ExerciseState, commandType: string): Picker {
  const first = (record: Record<string, unknown>, fallback: string) => Object.keys(record)[0] ?? fallback;
  const playable = Object.values(state.nations).filter((n) => n.playable);
  const me = playable[0]!.id;
  const partner = playable[1]!.id;
  const requests = commandType.toLowerCase().includes("consent") ? state.consentRequests : state.infoRequests;
  const byName: [RegExp, () => string][] = [
    [/^(draft)$/, () => first(state.drafts, "d1")],
    [/^(asset|assets)$/, () => Object.values(state.assets).find((a) => a.owner === me)?.id ?? first(state.assets, "a1")],
    [/^(region|regions|destination)$/, () => first(state.regions, "r1")],
    [/^(report|reports)$/, () => Object.values(state.reports).find((r) => r.owner === me)?.id ?? first(state.reports, "r1")],
    [/^(agreement)$/, () => first(state.agreements, "a1")],
    [/^(request)$/, () => first(requests, "q1")],
    [/^(inject)$/, () => Object.values(state.injects).find((i) => i.status === "planned")?.id ?? first(state.injects, "i1")],
    [/^(item)$/, () => first(state.improvements, "p1")],
    [/^(objective)$/, () => first(state.objectives, "o1")],
    [/^(channel)$/, () => "alliance"],
    [/^(nation|partner|host|to|with|parties|partners|nations|a|b|<key>)$/, () => partner],
  ];
  return {
    string(path: Path) {
      const name = path.at(-1) === "<key>" ? "<key>" : fieldName(path);
      for (const [pattern, pick] of byName) if (pattern.test(name)) return pick();
      return "Plain words for a text field.";
    },
    number(path: Path, min: number, max: number, int: boolean) {
      const name = fieldName(path);
      const wanted = /turn/i.test(name) ? (name === "toTurn" ? state.turn + 1 : state.turn) : /seconds/i.test(name) ? 600 : 5;
      const n = Math.min(max, Math.max(min, wanted));
      return int ? Math.round(n) : n;
    },
  };
}

/** Every command type with its schema, from the protocol (new commands join automatically). */
function commandSchemas(): { type: string; schema: z.ZodType; role: "participant" | "facilitator" }[] {
  const of = (union: typeof ParticipantCommand | typeof FacilitatorCommand, role: "participant" | "facilitator") =>
    union.options.map((o) => ({ type: o.shape.type.value as string, schema: o as unknown as z.ZodType, role }));
  return [...of(ParticipantCommand, "participant"), ...of(FacilitatorCommand, "facilitator")];
}

/** Record keys anywhere in the state's records that are hostile ids: there must be none. */
function hostileKeysIn(state: ExerciseState, hostile: Set<string>): string[] {
  const found: string[] = [];
  const recordNames = [
    "nations",
    "relations",
    "regions",
    "assets",
    "reports",
    "agreements",
    "consentRequests",
    "infoRequests",
    "drafts",
    "injects",
    "detections",
    "notes",
    "objectives",
    "improvements",
  ] as const;
  for (const name of recordNames) {
    const record = state[name] as Record<string, unknown>;
    for (const key of Reflect.ownKeys(record)) if (typeof key === "string" && hostile.has(key)) found.push(`${name}.${key}`);
  }
  for (const [observer, seen] of Object.entries(state.detections))
    for (const key of Object.keys(seen)) if (hostile.has(key)) found.push(`detections.${observer}.${key}`);
  for (const nation of Object.values(state.nations))
    for (const key of Object.keys(nation.policies.intelSharing)) if (hostile.has(key)) found.push(`${nation.id}.intelSharing.${key}`);
  return found;
}

describe("hostile ids in every id field of every command", () => {
  const { initial, state, log } = midGameState();
  const playable = Object.values(state.nations).filter((n) => n.playable);
  const actorFor = (role: "participant" | "facilitator"): Actor =>
    role === "facilitator" ? { role: "facilitator", name: "Control" } : { role: "participant", nation: playable[0]!.id, name: "Alice" };

  it("the mid-game state has something of everything to aim at", () => {
    expect(state.phase).toBe("running");
    for (const record of [state.reports, state.drafts, state.injects, state.agreements]) expect(Object.keys(record).length).toBeGreaterThan(0);
  });

  for (const { type, schema, role } of commandSchemas()) {
    it(`${type}: refused with a stable code, or accepted and harmless`, () => {
      const picker = pickerFor(state, type);
      const samples = samplesOf(schema, picker);
      let tried = 0;
      for (const sample of samples) {
        const variants: { where: string; command: unknown; hostile: string }[] = [];
        for (const path of sample.strings) {
          const real = String(path.reduce<any>((node, seg) => node?.[seg], sample.value) ?? "id");
          for (const hostile of [...PROTOTYPE_NAMES, ...OTHER_HOSTILE(real)])
            variants.push({ where: path.join("."), command: withStringAt(sample.value, path, hostile), hostile });
        }
        for (const path of sample.recordKeys) {
          for (const hostile of PROTOTYPE_NAMES)
            variants.push({ where: `${path.join(".")}.<key>`, command: withRecordKeyAt(sample.value, path, hostile), hostile });
        }
        for (const { where, command, hostile } of variants) {
          tried++;
          const label = `${type} with ${JSON.stringify(hostile.slice(0, 20))} at ${where}`;
          // As the server parses a message off the wire.
          const parsed = parseCommand(JSON.parse(JSON.stringify({ id: "c1", command })));
          if ("rejected" in parsed) {
            expect(CODES.has(parsed.rejected.code), label).toBe(true);
            expect(parsed.rejected.code, label).not.toBe(RejectionCode.Internal);
            expectWellWorded(parsed.rejected, null, label);
            continue;
          }
          let decision: ReturnType<typeof decide>;
          expect(() => (decision = decide(state, parsed.command, actorFor(role), 2_000_000)), label).not.toThrow();
          decision = decision!;
          if ("rejected" in decision) {
            expect(CODES.has(decision.rejected.code), label).toBe(true);
            expect(decision.rejected.code, label).not.toBe(RejectionCode.Internal);
            expect(decision.rejected.message, label).not.toMatch(/undefined|\[object|function /);
            // Every refusal is a catalogue message that renders in both languages; a hostile id never shows.
            expectWellWorded(decision.rejected, state, label);
            if (hostile.length > 3) expect(decision.rejected.message, label).not.toContain(hostile);
            continue;
          }
          assertHarmless(label, decision.events);
        }
      }
      // Commands without an id field (startExercise, commitTurn …) have nothing to aim at.
      if (samples.every((s) => s.strings.length === 0 && s.recordKeys.length === 0)) expect(tried).toBe(0);
      else expect(tried).toBeGreaterThan(0);
    });
  }

  const hostileSet = new Set(PROTOTYPE_NAMES);
  function assertHarmless(label: string, bodies: ReturnType<typeof decide> extends infer D ? (D extends { events: infer E } ? E : never) : never) {
    const events = stamp(state, bodies, 2_000_000);
    const after = foldEvents(state, events);
    expect(hostileKeysIn(after, hostileSet), label).toEqual([]);
    // The turn still resolves (exercise control can always force it while running).
    if (after.phase === "running") {
      const resolved = decide(after, { type: "forceResolve", turn: after.turn }, { role: "facilitator", name: "Control" }, 2_100_000);
      expect("rejected" in resolved ? resolved.rejected.code : "resolved", label).toBe("resolved");
      if (!("rejected" in resolved)) foldEvents(after, stamp(after, resolved.events, 2_100_000));
    }
    // Every view, the AAR and a branch in the middle of the new events still build.
    const full = [...log, ...events];
    for (const viewer of [{ kind: "white" } as const, { kind: "observer" } as const, ...playable.map((n) => ({ kind: "nation" as const, nation: n.id }))]) {
      expect(() => JSON.stringify(viewFor(after, viewer)), `${label}: view of ${JSON.stringify(viewer)}`).not.toThrow();
    }
    expect(() => buildAfterActionReport(initial, full, "AAR"), `${label}: AAR`).not.toThrow();
    expect(() => foldEvents(initial, full.slice(0, log.length + Math.ceil(events.length / 2))), `${label}: branch`).not.toThrow();
  }
});

describe("ids that name Object's own members", () => {
  it("are refused by every id field of every command, wherever it sits (generated from the schemas)", () => {
    const problems: string[] = [];
    let fields = 0;
    for (const { type, schema } of commandSchemas()) {
      for (const path of idFieldsOf(schema, [])) {
        fields++;
        for (const name of PROTOTYPE_MEMBERS)
          if (pathSchema(schema, path).safeParse(name).success) problems.push(`${type}.${path.join(".")} accepts ${JSON.stringify(name)}`);
      }
    }
    expect(fields).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  it("find nothing in any record after any amount of play (no record gains such a key)", () => {
    const { state } = midGameState();
    expect(hostileKeysIn(state, new Set(PROTOTYPE_NAMES))).toEqual([]);
  });
});

/** Paths (in schema terms) of every id field (an idString schema of protocol/ids.ts), record keys included. */
function idFieldsOf(schema: unknown, path: string[], depth = 0): string[][] {
  if (depth > 12) return [];
  const def = (schema as { _zod: { def: any } })._zod.def;
  const here = ID_SCHEMAS.has(schema as object) ? [path] : [];
  const inner = (child: unknown, segment?: string) => idFieldsOf(child, segment === undefined ? path : [...path, segment], depth + 1);
  switch (def.type) {
    case "object":
      return [...here, ...Object.entries(def.shape).flatMap(([k, v]) => inner(v, k))];
    case "array":
      return [...here, ...inner(def.element, "[]")];
    case "record":
      return [...here, ...inner(def.keyType, "<key>"), ...inner(def.valueType, "<value>")];
    case "union":
      return [...here, ...def.options.flatMap((o: unknown, i: number) => inner(o, `|${i}`))];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
      return [...here, ...inner(def.innerType)];
    case "pipe":
      return [...here, ...inner(def.in)];
    default:
      return here;
  }
}

/** The schema at a path found by idFieldsOf. */
function pathSchema(schema: unknown, path: string[]): z.ZodType {
  let node: any = schema;
  const unwrap = () => {
    while (["optional", "nullable", "default", "prefault", "readonly"].includes(node._zod.def.type)) node = node._zod.def.innerType;
    if (node._zod.def.type === "pipe") node = node._zod.def.in;
  };
  for (const segment of path) {
    unwrap();
    const def = node._zod.def;
    if (segment === "[]") node = def.element;
    else if (segment === "<key>") node = def.keyType;
    else if (segment === "<value>") node = def.valueType;
    else if (segment.startsWith("|")) node = def.options[Number(segment.slice(1))];
    else node = def.shape[segment];
  }
  return node as z.ZodType;
}

describe("a log an older build let hostile ids into", () => {
  // What main at bd5597a appended for `fundCapacityBuilding {partner: "constructor"}` and
  // `skipInject {inject: "constructor"}` (and the like): from then on every resolution threw
  // and the projection failed, also after a restart.
  const poisoned = (): EventBody[] => [
    { type: "exerciseStarted" },
    { type: "turnStarted", turn: 1, deadline: null },
    { type: "orderDrafted", draft: "d1", nation: "north", author: "Mallory", order: { kind: "fundCapacityBuilding", partner: "constructor", amount: 5 } },
    { type: "orderDrafted", draft: "d2", nation: "north", author: "Mallory", order: { kind: "setMission", asset: "__proto__", mission: "patrol" } },
    { type: "orderDrafted", draft: "d3", nation: "toString", author: "Mallory", order: { kind: "setPolicy", alertLevel: "high" } },
    { type: "injectSkipped", inject: "constructor" },
    { type: "injectDelayed", inject: "__proto__", toTurn: 3 },
    { type: "turnCommitted", nation: "hasOwnProperty", by: "Mallory" },
    { type: "agreementStatusChanged", agreement: "constructor", status: "expired" },
    { type: "consentAnswered", request: "valueOf", granted: true },
    { type: "regionUpdated", region: "constructor", stability: 10, crisis: null },
    { type: "nationUpdated", nation: "__proto__", budget: 1, politicalCapital: 1, readiness: 1 },
    { type: "objectiveMet", objective: "toString", turn: 1 },
    { type: "improvementRemoved", item: "constructor" },
  ];

  it("still folds, projects, resolves its turn and builds its AAR", () => {
    const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "test/server/fixtures/scenarios/tiny.json"), "utf8")));
    const initial = initialState(scenario, "ex-old", 3);
    const log = poisoned().map((body, i) => ({ ...body, seq: i + 1, at: 1_000_000 + i })) as ExerciseEvent[];
    const state = foldEvents(initial, log);
    expect(hostileKeysIn(state, new Set(PROTOTYPE_NAMES))).toEqual([]);
    expect(Object.keys(state.drafts)).toEqual([]); // drafts naming Object's members are not kept
    for (const viewer of [{ kind: "white" } as const, { kind: "nation" as const, nation: "north" }, { kind: "nation" as const, nation: "south" }])
      expect(() => JSON.stringify(viewFor(state, viewer))).not.toThrow();
    expect(() => buildAfterActionReport(initial, log, "Old")).not.toThrow();
    const resolved = decide(state, { type: "forceResolve", turn: 1 }, { role: "facilitator", name: "Control" }, 2_000_000);
    if ("rejected" in resolved) throw new Error(resolved.rejected.message);
    expect(resolved.events.filter((e) => e.type === "orderFailed" || e.type === "orderExecuted")).toHaveLength(0);
    expect(resolved.state.turn).toBe(2);
  });
});

describe("exercise control withdraws any team's draft", () => {
  it("even a committed team's, and a participant still only its own", async () => {
    const { Game, as } = await import("./game.ts");
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "setPolicy", alertLevel: "high" } }, as("north"));
    const draft = Object.keys(g.state.drafts)[0]!;
    g.refuse({ type: "withdrawDraft", draft }, as("south"), "unknown_draft");
    g.do({ type: "commitTurn", turn: g.state.turn }, as("north"));
    g.do({ type: "withdrawDraft", draft }, { role: "facilitator", name: "Control" });
    expect(g.state.drafts[draft]).toBeUndefined();
    expect(g.events.at(-1)).toMatchObject({ type: "draftWithdrawn", by: "Control" });
  });
});
