import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { feedItemFor, feedText } from "../../shared/view/feed.ts";
import { msg, ref } from "../../shared/i18n/message.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Viewer } from "../../shared/engine/view-for.ts";
import { ROOT } from "../../server/config.ts";

/**
 * Every kind of event the feed tells of, rendered for exercise control and for a nation, in
 * English and French: the lines name things as people do (names, never ids or command names).
 */
const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/logs/northern-flank-10-turns-v1.json"), "utf8")) as {
  exerciseId: string;
  seed: number;
  scenario: unknown;
  events: ExerciseEvent[];
};
const base = foldEvents(initialState(ScenarioSpec.parse(fixture.scenario), fixture.exerciseId, fixture.seed), fixture.events);

const report = {
  ...Object.values(base.reports).find((r) => r.owner === "nordvik" && r.copiedFrom === null)!,
  id: "r-test",
  title: "Akademik Lomov surveying near cable route",
};
const order = { kind: "deployAsset", asset: "nv-frigate-1", destination: "lakeland", mission: "patrol" } as const;
const consent = { id: "c-test", requester: "valdoria", host: "sarnia", region: "lakeland", note: "", status: "pending", turn: 3 } as const;
const info = { id: "q34" };

type EventInput = ExerciseEvent extends infer E ? (E extends ExerciseEvent ? Omit<E, "seq" | "at"> : never) : never;
type Case = { name: string; event: EventInput; viewer?: Viewer; names: string[] };
const cases: Case[] = [
  { name: "exercise started", event: { type: "exerciseStarted" }, names: [] },
  { name: "paused", event: { type: "exercisePaused", remainingMs: 1000 }, names: [] },
  { name: "resumed", event: { type: "exerciseResumed", deadline: null }, names: [] },
  { name: "ended", event: { type: "exerciseEnded" }, names: [] },
  { name: "briefing", event: { type: "briefingStarted" }, names: [] },
  { name: "turn started", event: { type: "turnStarted", turn: 3, deadline: null }, names: ["3"] },
  ...(["allCommitted", "timer", "forced"] as const).map((cause) => ({
    name: `resolving (${cause})`,
    event: { type: "resolutionStarted", turn: 3, cause } as const,
    names: ["3"],
  })),
  {
    name: "order executed (a message)",
    event: {
      type: "orderExecuted",
      nation: "nordvik",
      order,
      outcome: "",
      result: msg("feed.order.deployAsset", {
        asset: ref("asset", "nv-frigate-1"),
        destination: ref("region", "lakeland"),
        mission: msg("term.mission.patrol"),
      }),
    } as never,
    names: ["Kingdom of Nordvik", "HNoMS Skjold group", "Lakeland"],
  },
  {
    name: "order executed (recorded prose)",
    event: { type: "orderExecuted", nation: "nordvik", order, outcome: "HNoMS Skjold group ordered to Lakeland" },
    names: ["Kingdom of Nordvik", "HNoMS Skjold group ordered to Lakeland"],
  },
  {
    name: "order executed, as the nation reads it",
    event: { type: "orderExecuted", nation: "nordvik", order, outcome: "HNoMS Skjold group ordered to Lakeland" },
    viewer: { kind: "nation", nation: "nordvik" },
    names: ["HNoMS Skjold group ordered to Lakeland"],
  },
  {
    name: "order failed (recorded prose)",
    event: { type: "orderFailed", nation: "nordvik", order, reason: "not enough budget" },
    names: ["Kingdom of Nordvik", "HNoMS Skjold group", "Lakeland", "not enough budget"],
  },
  {
    name: "order failed (a message)",
    event: {
      type: "orderFailed",
      nation: "nordvik",
      order: { kind: "setMission", asset: "nv-frigate-1", mission: "escort" },
      reason: "",
      failure: msg("common.unknown"),
    } as never,
    names: ["HNoMS Skjold group"],
  },
  {
    name: "order failed (recall, preposition, policy, capacity)",
    event: { type: "orderFailed", nation: "nordvik", order: { kind: "fundCapacityBuilding", partner: "sarnia", amount: 1200 }, reason: "x" },
    names: ["Sarnian Republic"],
  },
  {
    name: "inject released",
    event: { type: "injectReleased", inject: "disinfo-lakeland", turn: 1, manual: false },
    names: [base.injects["disinfo-lakeland"]!.spec.number],
  },
  {
    name: "intel shared (control)",
    event: { type: "intelShared", from: "nordvik", to: ["kaldmark", "sarnia"], report: report.id, copies: [], redacted: false },
    names: ["Kingdom of Nordvik", "Republic of Kaldmark", "Sarnian Republic"],
  },
  {
    name: "intel shared (recipient)",
    event: { type: "intelShared", from: "nordvik", to: ["kaldmark"], report: report.id, copies: [], redacted: true },
    viewer: { kind: "nation", nation: "kaldmark" },
    names: ["Kingdom of Nordvik"],
  },
  {
    name: "intel shared (sender)",
    event: { type: "intelShared", from: "nordvik", to: ["kaldmark"], report: report.id, copies: [], redacted: false },
    viewer: { kind: "nation", nation: "nordvik" },
    names: ["Republic of Kaldmark"],
  },
  { name: "report created (control)", event: { type: "reportCreated", report }, names: ["Kingdom of Nordvik", report.title] },
  { name: "report created (owner)", event: { type: "reportCreated", report }, viewer: { kind: "nation", nation: "nordvik" }, names: [report.title] },
  ...(["mou", "sofa", "intel-sharing", "joint-exercise-programme"] as const).map((kind) => ({
    name: `agreement proposed (${kind})`,
    event: {
      type: "agreementProposed",
      agreement: { ...base.agreements["isa-nv-km"]!, id: `a-${kind}`, kind, title: "Northern data link", proposer: "nordvik" },
    } as const,
    names: ["Kingdom of Nordvik", "Northern data link"],
  })),
  {
    name: "agreement status",
    event: { type: "agreementStatusChanged", agreement: "isa-nv-km", status: "accepted" },
    names: [base.agreements["isa-nv-km"]!.title],
  },
  { name: "consent requested", event: { type: "consentRequested", request: consent }, names: ["Federal Republic of Valdoria", "Sarnian Republic", "Lakeland"] },
  {
    name: "info requested",
    event: { type: "infoRequested", request: { ...base.infoRequests[info.id]!, requester: "sarnia", target: "valdoria" } },
    names: ["Sarnian Republic", "Federal Republic of Valdoria"],
  },
  { name: "info answered", event: { type: "infoAnswered", request: info.id, answer: "yes" }, names: [base.nations[base.infoRequests[info.id]!.target]!.name] },
  {
    name: "dialogue",
    event: { type: "diplomacyScheduled", kind: "dialogue", nations: ["nordvik", "sarnia"], by: "nordvik", topic: "Cable security" },
    names: ["Kingdom of Nordvik", "Sarnian Republic", "Cable security"],
  },
  {
    name: "joint exercise",
    event: { type: "diplomacyScheduled", kind: "jointExercise", nations: ["nordvik", "kaldmark"], by: "nordvik", topic: "Cold Response" },
    names: ["Republic of Kaldmark", "Cold Response"],
  },
  {
    name: "statement",
    event: { type: "statementMade", nation: "valdoria", stance: "firm", text: "We stand with our allies." },
    names: ["Federal Republic of Valdoria", "We stand with our allies."],
  },
  {
    name: "adjudication",
    event: { type: "stateAdjusted", effects: [], rationale: "Storm closed the strait", by: "Control" },
    names: ["Storm closed the strait"],
  },
  {
    name: "objective met",
    event: { type: "objectiveMet", objective: "lakeland-stable", turn: 3 },
    names: [base.scenario.objectives.find((o) => o.id === "lakeland-stable")!.title],
  },
];

const ids = [
  ...Object.keys(base.nations),
  ...base.scenario.regions.map((r) => r.id),
  ...Object.keys(base.assets),
  "deployAsset",
  "setMission",
  "fundCapacityBuilding",
  "intel-sharing",
  "joint-exercise-programme",
  "allCommitted",
  "forced",
  "isa-nv-km",
  "r-test",
  "undefined",
  "[object Object]",
];
const forbidden = new RegExp(`(?<![\\w-])(${ids.map((id) => id.replace(/[-[\]]/g, "\\$&")).join("|")})(?![\\w-])`);

function lineFor(c: Case, seq: number): { state: ExerciseState; item: NonNullable<ReturnType<typeof feedItemFor>> } {
  let state = base;
  if (c.event.type === "consentRequested" || c.name === "consent answered")
    state = foldEvents(state, [{ type: "consentRequested", request: consent, seq, at: 0 } as ExerciseEvent]);
  const event = { ...c.event, seq: seq + 1, at: 0 } as ExerciseEvent;
  state = foldEvents(state, [event]);
  const item = feedItemFor(event, state, c.viewer ?? { kind: "white" });
  if (!item) throw new Error(`${c.name}: no feed line`);
  return { state, item };
}

describe("feed lines in English and French", () => {
  cases.push({ name: "consent answered", event: { type: "consentAnswered", request: consent.id, granted: true }, names: ["Lakeland"] });
  for (const [i, c] of cases.entries()) {
    it(`${c.name}: names, no ids, no command names`, () => {
      const { state, item } = lineFor(c, base.seq + 10 * i);
      expect(item).not.toHaveProperty("text");
      const en = feedText(item, state, "en");
      const fr = feedText(item, state, "fr");
      for (const text of [en, fr]) {
        expect(text, text).not.toMatch(forbidden);
        expect(text).not.toMatch(/[{}]/);
        for (const name of c.names) expect(text, `${c.name} should name ${name}`).toContain(name);
      }
      // Recorded prose is shown as it was recorded; everything else is said in each language.
      if (!/recorded prose|reads it/.test(c.name)) expect(fr).not.toBe(en);
    });
  }

  it("says agreements as people do", () => {
    const c = cases.find((x) => x.name === "agreement proposed (intel-sharing)")!;
    const { state, item } = lineFor(c, base.seq + 1000);
    expect(feedText(item, state, "en")).toBe("Kingdom of Nordvik proposed an intelligence-sharing agreement: Northern data link");
    expect(feedText(item, state, "fr")).toBe("Kingdom of Nordvik a proposé un accord de partage du renseignement : Northern data link");
  });

  it("is the same item for two team-mates reading different languages", () => {
    const c = cases.find((x) => x.name === "intel shared (recipient)")!;
    const a = lineFor(c, base.seq + 2000);
    const b = lineFor(c, base.seq + 2000);
    expect(a.item).toEqual(b.item);
    expect(feedText(a.item, a.state, "en")).toBe("Kingdom of Nordvik shared an intelligence report with you (redacted).");
    expect(feedText(b.item, b.state, "fr")).toBe("Kingdom of Nordvik vous a transmis un rapport de renseignement (expurgé).");
  });
});
