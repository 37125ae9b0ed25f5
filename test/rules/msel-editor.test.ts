import { describe, it, expect } from "vitest";
import { Game, control, as } from "./game.ts";
import { decide } from "../../shared/engine/decide.ts";
import { Command } from "../../shared/protocol/commands.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { mselOrder } from "../../shared/engine/msel-order.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { mselChanges } from "../../shared/aar/msel-changes.ts";
import { buildAfterActionReport, renderHtml, renderMarkdown } from "../../shared/aar/index.ts";
import { translate } from "../../shared/i18n/format.ts";
import type { InjectSpec } from "../../shared/scenario/schema.ts";

const ana = { role: "facilitator", name: "Ana" } as const;
/** The editor sends the whole inject: this one as it is now, with `patch` applied. */
const specOf = (g: Game, id: string, patch: Partial<InjectSpec> = {}) => {
  const { id: _, ...spec } = g.state.injects[id]!.spec;
  return { ...spec, ...patch };
};
const rejection = (g: Game, command: object, actor = control) => {
  const decision = decide(g.state, Command.parse(command), actor, g.now);
  if (!("rejected" in decision)) throw new Error("accepted");
  return decision.rejected;
};

describe("the MSEL editor", () => {
  it("records only the changed fields with their old values, the reason and the editor's name", () => {
    const g = new Game();
    const [event] = g.do(
      {
        type: "editInject",
        inject: "red-sighting",
        spec: specOf(g, "red-sighting", { title: "Warship near the coast", trigger: { kind: "scheduled", turn: 2 } }),
        reason: "the storm comes first",
      },
      ana,
    );
    expect(event).toMatchObject({
      type: "injectEdited",
      inject: "red-sighting",
      changes: { title: "Warship near the coast", trigger: { kind: "scheduled", turn: 2 } },
      before: { title: "Unidentified warship near the Northern Sea", trigger: { kind: "manual" } },
      reason: "the storm comes first",
      by: "Ana",
    });
    expect(Object.keys((event as { changes: object }).changes).sort()).toEqual(["title", "trigger"]);
    expect(g.state.injects["red-sighting"]!.spec.title).toBe("Warship near the coast");
    // Replayed from the log, the state is the same.
    expect(foldEvents(g.initial, g.events).injects).toEqual(g.state.injects);
  });

  it("releases an inject with its edited text and timing", () => {
    const g = new Game().start();
    g.do({
      type: "editInject",
      inject: "red-sighting",
      spec: specOf(g, "red-sighting", { body: "Edited: the warship turned south.", trigger: { kind: "scheduled", turn: 2 } }),
    });
    g.endTurn();
    expect(g.state.injects["red-sighting"]).toMatchObject({ status: "released", releasedTurn: 2 });
    expect(viewFor(g.state, { kind: "nation", nation: "north" }).injects["red-sighting"]!.body).toBe("Edited: the warship turned south.");
  });

  it("refuses to edit, move, hold or delete a released inject, and says to issue a correction", () => {
    const g = new Game().start();
    expect(g.state.injects["storm-warning"]!.status).toBe("released");
    const refused = rejection(g, { type: "editInject", inject: "storm-warning", spec: specOf(g, "storm-warning", { title: "Changed" }) });
    expect(refused.code).toBe("inject_released");
    expect(refused.message).toMatch(/released in turn 1.*correction/);
    g.refuse({ type: "deleteInject", inject: "storm-warning" }, control, "inject_released");
    g.refuse({ type: "holdInject", inject: "storm-warning", held: true }, control, "inject_released");
    g.refuse({ type: "moveInject", inject: "storm-warning", before: null }, control, "inject_released");
    // The correction is a new inject.
    g.do({ type: "addInject", spec: { ...specOf(g, "storm-warning"), number: "1.01c", title: "Correction: storm warning" }, after: "storm-warning" });
    expect(mselOrder(g.state)).toEqual(["storm-warning", "x1", "red-sighting"]);
  });

  it("names each fault of an edit by its field, with the scenario validator's words", () => {
    const g = new Game();
    const refused = rejection(g, {
      type: "editInject",
      inject: "red-sighting",
      spec: specOf(g, "red-sighting", { number: "1.01", to: ["atlantis"], trigger: { kind: "scheduled", turn: 9 } }),
    });
    expect(refused.code).toBe("invalid_inject");
    const fields = Object.fromEntries((refused.problems ?? []).map((p) => [p.field, p.message]));
    expect(Object.keys(fields).sort()).toEqual(["number", "to[0]", "trigger.turn"]);
    expect(fields["to[0]"]).toMatch(/atlantis/);
    expect(fields["trigger.turn"]).toMatch(/9/);
    // Nothing changed.
    expect(g.state.injects["red-sighting"]!.spec.number).toBe("1.02");
    g.refuse({ type: "editInject", inject: "red-sighting", spec: specOf(g, "red-sighting") }, control, "invalid_inject");
  });

  it("adds, duplicates, reorders, holds and deletes injects, each an event folded the same on replay", () => {
    const g = new Game();
    g.do({ type: "addInject", spec: { ...specOf(g, "red-sighting"), number: "1.03", title: "A copy" }, after: "red-sighting", reason: "duplicate" });
    g.do({ type: "moveInject", inject: "x1", before: "storm-warning" });
    expect(mselOrder(g.state)).toEqual(["x1", "storm-warning", "red-sighting"]);
    g.do({ type: "holdInject", inject: "storm-warning", held: true, reason: "wait for the press" });
    g.refuse({ type: "holdInject", inject: "storm-warning", held: true }, control, "already_answered");
    g.do({ type: "deleteInject", inject: "x1", reason: "not needed" });
    expect(mselOrder(g.state)).toEqual(["storm-warning", "red-sighting"]);
    g.refuse({ type: "addInject", spec: { ...specOf(g, "red-sighting") } }, control, "invalid_inject");
    const replayed = foldEvents(g.initial, g.events);
    expect(replayed.injects).toEqual(g.state.injects);
    expect(replayed.mselOrder).toEqual(g.state.mselOrder);
    // A held inject stays off the timeline until released by hand.
    g.start();
    expect(g.state.injects["storm-warning"]!.status).toBe("planned");
    g.do({ type: "releaseInject", inject: "storm-warning" });
    expect(g.state.injects["storm-warning"]!.status).toBe("released");
  });

  it("refuses to delete an inject another one waits for", () => {
    const g = new Game(undefined, 7, (s) => {
      s.msel!.push({
        id: "follow-up",
        number: "2.01",
        type: "event",
        from: "C",
        to: "all",
        title: "Follow-up",
        body: "b",
        trigger: { kind: "conditional", condition: { kind: "injectReleased", inject: "red-sighting" } },
      });
    });
    const refused = rejection(g, { type: "deleteInject", inject: "red-sighting" });
    expect(refused.code).toBe("invalid_inject");
    expect(refused.problems![0]!.field).toBe("2.01 trigger.condition.inject");
  });

  it("undoes a skip until the turn resolves, and refuses after", () => {
    const g = new Game(undefined, 7, (s) => {
      s.msel!.push({ ...s.msel![0]!, id: "later", number: "2.01", trigger: { kind: "scheduled", turn: 2 } });
    }).start();
    g.do({ type: "delayInject", inject: "later", toTurn: 3 });
    g.do({ type: "skipInject", inject: "later" });
    const [undone] = g.do({ type: "unskipInject", inject: "later" }, ana);
    expect(undone).toMatchObject({ type: "injectUnskipped", status: "delayed", by: "Ana" });
    expect(g.state.injects.later).toMatchObject({ status: "delayed", delayedToTurn: 3 });
    g.do({ type: "skipInject", inject: "red-sighting" });
    g.endTurn();
    const refused = g.refuse({ type: "unskipInject", inject: "red-sighting" }, control, "skip_final");
    expect(refused).toMatch(/turn 1 has resolved/);
    g.refuse({ type: "unskipInject", inject: "later" }, control, "already_answered");
    expect(() => g.do({ type: "unskipInject", inject: "later" }, as("north"))).toThrow(/not_facilitator/);
  });

  it("lists every change in the after-action report, in words", () => {
    const g = new Game();
    g.do({ type: "editInject", inject: "red-sighting", spec: specOf(g, "red-sighting", { trigger: { kind: "scheduled", turn: 3 } }) }, ana);
    g.do(
      {
        type: "editInject",
        inject: "red-sighting",
        spec: specOf(g, "red-sighting", { trigger: { kind: "scheduled", turn: 4 }, title: "New" }),
        reason: "the teams are slow",
      },
      ana,
    );
    const lines = mselChanges(g.initial, g.events).map((c) => translate("en", c.msg));
    expect(lines).toEqual(["1.02 retimed on request → T3 by Ana", "1.02 retimed T3 → T4 by Ana; 1.02: title changed by Ana, reason: the teams are slow"]);
    const report = buildAfterActionReport(g.initial, g.events, "Edited");
    expect(renderHtml(report, "en")).toContain("1.02 retimed T3 → T4 by Ana");
    expect(renderMarkdown(report, "fr")).toContain("1.02 déplacé de T3 à T4 par Ana");
  });

  it("imports a sheet in place of the injects not yet released, only before play", () => {
    const g = new Game();
    g.do({ type: "startBriefing" });
    const sheet = [{ ...g.state.injects["storm-warning"]!.spec, id: "new-one", number: "5.01" }];
    g.do({ type: "importMsel", msel: sheet, reason: "planning conference" });
    expect(mselOrder(g.state)).toEqual(["new-one"]);
    g.start();
    g.refuse({ type: "importMsel", msel: sheet }, control, "wrong_phase");
  });
});
