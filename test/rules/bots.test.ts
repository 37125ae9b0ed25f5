import { describe, it, expect } from "vitest";
import { readFileSync, mkdtempSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { RandomStream } from "../../shared/engine/prng.ts";
import { planTurn, botWorld } from "../../shared/bots/bot.ts";
import { PERSONAS, PERSONA_IDS } from "../../shared/bots/personas.ts";
import { playExercise } from "../../shared/playtest/play-exercise.ts";
import { stateHash, sha256Hex } from "../../shared/replay/state-hash.ts";
import { runPlaytest } from "../../server/cli/playtest-command.ts";
import { createHash } from "node:crypto";
import { ROOT } from "../../server/config.ts";
import { Game, as, control } from "./game.ts";

const load = (file: string) => ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", file), "utf8")));
const northernFlank = load("01-northern-flank.json");
const everyone = (scenario: ScenarioSpec, persona: keyof typeof PERSONAS) =>
  Object.fromEntries(scenario.nations.filter((n) => n.playable).map((n) => [n.id, PERSONAS[persona]]));

describe("stateHash", () => {
  it("is SHA-256 of the canonical JSON, whatever the order of keys", () => {
    for (const text of ["", "abc", "é漢字".repeat(40), "x".repeat(55), "x".repeat(64)])
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text).digest("hex"));
    expect(stateHash({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stateHash({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(stateHash({ a: 1 })).not.toBe(stateHash({ a: 2 }));
  });
});

describe("bots play a nation from its view only", () => {
  const game = () => new Game(JSON.parse(readFileSync(join(ROOT, "scenarios/01-northern-flank.json"), "utf8")), 5).start();

  it("plan the same moves when what the nation cannot see changes", () => {
    const g = game();
    const plan = (state: typeof g.state) =>
      planTurn({
        view: viewFor(state, { kind: "nation", nation: "sarnia" }),
        world: botWorld(state.scenario),
        persona: PERSONAS.cooperative,
        random: (() => {
          const r = new RandomStream(9);
          return () => r.next();
        })(),
      });
    const before = plan(g.state);
    expect(before.length).toBeGreaterThan(1);
    // Hidden from Sarnia: Nordvik's books, a Varkhan unit Sarnia has not seen, an inject not yet released.
    const hidden = structuredClone(g.state);
    hidden.nations.nordvik!.budget = 1;
    const unseen = Object.values(hidden.assets).find((a) => a.owner === "varkhan" && !hidden.detections.sarnia?.[a.id])!;
    hidden.assets[unseen.id] = { ...unseen, region: unseen.region === "port-zarya" ? "marches" : "port-zarya" };
    const planned = Object.values(hidden.injects).find((i) => i.status === "planned")!;
    hidden.injects[planned.id] = { ...planned, spec: { ...planned.spec, title: "changed" } };
    expect(plan(hidden)).toEqual(before);
    // What Sarnia can see does change its plan: a crisis in its own territory.
    const seen = structuredClone(g.state);
    seen.regions.tarvo = { ...seen.regions.tarvo!, crisis: { kind: "humanitarian", severity: 90, since: 1 } };
    expect(plan(seen)).not.toEqual(before);
  });

  it("commit their turn and act only through the commands a team has", () => {
    const g = game();
    const commands = planTurn({
      view: viewFor(g.state, { kind: "nation", nation: "nordvik" }),
      world: botWorld(g.state.scenario),
      persona: PERSONAS.hawk,
      random: () => 0.5,
    });
    expect(commands.at(-1)).toEqual({ type: "commitTurn", turn: 1 });
    for (const command of commands) g.do(command, as("nordvik"));
    expect(g.state.nations.nordvik!.committed).toBe(true);
    // Besides the adversary's playbook orders (a nation no team plays), only Nordvik's.
    expect(Object.values(g.state.drafts).every((d) => d.nation === "nordvik" || !g.state.nations[d.nation]!.playable)).toBe(true);
  });

  it("do nothing outside the planning phase", () => {
    const g = new Game(JSON.parse(readFileSync(join(ROOT, "scenarios/01-northern-flank.json"), "utf8")), 5);
    expect(
      planTurn({ view: viewFor(g.state, { kind: "nation", nation: "nordvik" }), world: botWorld(g.state.scenario), persona: PERSONAS.hawk, random: () => 0.5 }),
    ).toEqual([]);
    g.start().do({ type: "pauseExercise" }, control);
    expect(
      planTurn({ view: viewFor(g.state, { kind: "nation", nation: "nordvik" }), world: botWorld(g.state.scenario), persona: PERSONAS.hawk, random: () => 0.5 }),
    ).toEqual([]);
  });
});

describe("a playtest exercise", () => {
  it("is played to its end by every playable nation, the same way for the same seed", () => {
    const a = playExercise({ scenario: northernFlank, seed: 3, personas: everyone(northernFlank, "cooperative"), keepLog: true });
    const b = playExercise({ scenario: northernFlank, seed: 3, personas: everyone(northernFlank, "cooperative") });
    expect(a.phase).toBe("ended");
    expect(a.stateHash).toBe(b.stateHash);
    for (const nation of Object.keys(everyone(northernFlank, "cooperative"))) expect(a.actions[nation], nation).toBeGreaterThan(10);
    // Its log folds to the same state: anyone can check a playtest's result.
    expect(stateHash(foldEvents(initialState(northernFlank, a.state.exerciseId, 3), a.events))).toBe(a.stateHash);
  });

  it("plays each shipped scenario under every persona", () => {
    for (const file of ["01-northern-flank.json", "02-cyclone-response.json", "03-strait-standoff.json"]) {
      const scenario = load(file);
      for (const persona of PERSONA_IDS) {
        const run = playExercise({ scenario, seed: 1, personas: everyone(scenario, persona) });
        expect(run.phase, `${file} ${persona}`).toBe("ended");
        for (const [nation, count] of Object.entries(run.actions)) expect(count, `${file} ${persona} ${nation}`).toBeGreaterThan(0);
      }
    }
  });

  it("tells the personas apart: a cooperative alliance ends more cohesive than free-riders", () => {
    const seeds = [1, 2, 3];
    const mean = (persona: keyof typeof PERSONAS) =>
      seeds
        .map((seed) => playExercise({ scenario: northernFlank, seed, personas: everyone(northernFlank, persona) }).metrics.cohesion!)
        .reduce((s, v) => s + v, 0) / seeds.length;
    expect(mean("cooperative")).toBeGreaterThan(mean("free-rider"));
  });
});

describe("concord playtest", () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
  };
  const file = join(ROOT, "scenarios/01-northern-flank.json");

  it("prints one JSON object with runs, persona summaries and the sensitivity table", async () => {
    const t = io();
    const dir = mkdtempSync(join(tmpdir(), "playtest-"));
    expect(await runPlaytest([file, "--seeds", "2", "--turns", "3", "--persona", "nordvik=hawk", "--json", "--log-out", dir], t.io, {}, false)).toBe(0);
    const report = JSON.parse(t.out.join(""));
    expect(report).toMatchObject({ scenario: "northern-flank", seeds: [1, 2], turns: 3 });
    expect(report.runs.length).toBe(2 * 5); // four uniform mixes and the one given
    expect(report.runs[0]).toEqual(
      expect.objectContaining({ seed: 1, mix: "cooperative", phase: "ended", stateHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    );
    expect(report.personas.map((p: { mix: string }) => p.mix)).toContain("kaldmark=cooperative, nordvik=hawk, sarnia=cooperative, valdoria=cooperative");
    expect(report.sensitivity).toContainEqual(
      expect.objectContaining({ lever: "alertLevel", setting: "maximum", metric: "cohesion", delta: expect.any(Number) }),
    );
    // Each persona run's log, in the events endpoint's format, folds to the run's stateHash.
    const logs = readdirSync(dir);
    expect(logs.length).toBe(10);
    const log = JSON.parse(readFileSync(join(dir, logs.find((l) => l.startsWith("cooperative-seed-1"))!), "utf8"));
    const folded = foldEvents(initialState(ScenarioSpec.parse(log.scenario), log.exerciseId, log.seed), log.events);
    expect(stateHash(folded)).toBe(report.runs.find((r: { mix: string; seed: number }) => r.mix === "cooperative" && r.seed === 1).stateHash);
  });

  it("prints a table in the reader's language", async () => {
    const t = io();
    expect(await runPlaytest([file, "--seeds", "1", "--turns", "2", "--lang", "fr"], t.io, {}, false)).toBe(0);
    const text = t.out.join("");
    expect(text).toContain("Essai de Flanc nord");
    expect(text).toContain("niveau d’alerte : maximal");
    expect(text).toContain("allié coopératif");
  });

  it("refuses a wrong argument with a sentence naming it", async () => {
    for (const args of [[file, "--seed", "3"], [file, "--seeds", "abc"], [file, "--persona", "atlantis=hawk"], [file, "--persona", "nordvik=dove"], []]) {
      const t = io();
      expect(await runPlaytest(args, t.io, {}, false), args.join(" ")).toBe(2);
      expect(t.err.join("")).toMatch(/--seed|--seeds|atlantis|dove|scenario file/);
    }
    const t = io();
    expect(await runPlaytest([join(ROOT, "missing.json")], t.io, {}, false)).toBe(1);
  });
});
