import { describe, it, expect, afterEach } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";
import { ScenarioSpec, type ScenarioInput } from "../../shared/scenario/schema.ts";
import { translationWarnings } from "../../shared/scenario/validate.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { namesIn } from "../../shared/view/feed.ts";
import { translate } from "../../shared/i18n/index.ts";
import { eventMsg } from "../../client/src/replay/replay-words.ts";
import { moveWhere } from "../../client/src/facilitator/playbook-panel.ts";
import { setLang } from "../../client/src/i18n.ts";
import type { ClientState } from "../../client/src/state/client-state.ts";
import { Game, tinyInput } from "../rules/game.ts";

/**
 * A playbook's level and rule names are what exercise control reads in the approval queue and the
 * replay: scenario texts, written in several languages the way an inject's are ({"en", "fr"}).
 */
const statement = (text: string) => ({ type: "makeStatement", stance: "firm", text });
const BILINGUAL = {
  levels: [
    {
      id: "calm",
      name: { en: "Calm", fr: "Calme" },
      escalateWhen: { kind: "tension", op: ">=", value: 0 },
      rules: [{ id: "line", name: { en: "Routine line", fr: "Discours de routine" }, then: [statement("All is routine.")] }],
    },
    { id: "angry", name: { en: "Angry", fr: "En colère" }, rules: [{ id: "warn", name: { en: "Warn", fr: "Avertir" }, then: [statement("Stop.")] }] },
  ],
};

const withPlaybook = (s: ScenarioInput) => {
  (s.nations.find((n) => n.id === "red") as { playbook?: unknown }).playbook = structuredClone(BILINGUAL);
  (s as { languages?: string[] }).languages = ["en", "fr"];
};

afterEach(() => setLang("en"));

describe("playbook texts in each language", () => {
  it("Northern Flank names every level and rule of its playbook in English and French", () => {
    const raw = JSON.parse(readFileSync(join(ROOT, "scenarios/01-northern-flank.json"), "utf8"));
    const spec = ScenarioSpec.parse(raw);
    const named = spec.nations.flatMap((n) => n.playbook?.levels.flatMap((l) => [l, ...l.rules]) ?? []);
    expect(named.length).toBeGreaterThan(10);
    for (const item of named) expect(item.i18n?.fr?.name, item.id).toBeTruthy();
    expect(translationWarnings(spec).filter((w) => w.path.includes("playbook"))).toEqual([]);
  });

  it("a playbook name missing a language is a missing translation the validator names", () => {
    const input = tinyInput();
    withPlaybook(input);
    (input.nations.find((n) => n.id === "red") as unknown as { playbook: typeof BILINGUAL }).playbook.levels[1]!.rules[0]!.name = "Warn" as never;
    expect(translationWarnings(ScenarioSpec.parse(input)).map((w) => w.path)).toContain("nations[2].playbook.levels[1].rules[0].name");
  });

  it("the approval queue names the level and the rule in the seat's language", () => {
    const g = new Game(tinyInput(), 7, withPlaybook).start();
    g.do({ type: "setNationControl", nation: "red", by: "control", playbook: "approve" });
    g.endTurn();
    const [move] = Object.values(viewFor(g.state, { kind: "white" }).playbookQueue);
    expect(move).toMatchObject({ levelName: "Angry", ruleName: "Warn", i18n: { fr: { levelName: "En colère", ruleName: "Avertir" } } });
    const state = {
      scenario: { language: "en", nations: [{ id: "red", name: "Redonia", i18n: { fr: { name: "Rédonie" } } }] },
      nations: {},
    } as unknown as ClientState;
    expect(moveWhere(state, move!)).toMatch(/^Redonia · level Angry · rule Warn · turn \d+$/);
    setLang("fr");
    expect(moveWhere(state, move!)).toMatch(/^Rédonie · niveau En colère · règle Avertir · tour \d+$/);
  });

  it("the replay names the levels and rules, never by id, in the reader's language", () => {
    const g = new Game(tinyInput(), 7, withPlaybook).start();
    g.endTurn();
    const lines = g.events
      .filter((e) => e.type === "playbookLevelChanged" || e.type === "playbookRuleFired")
      .map((e) => translate("fr", eventMsg(e, g.state), namesIn(g.state, "fr")));
    expect(lines).toContain("Le plan de Redonia est passé du niveau « Calme » au niveau « En colère ».");
    expect(lines.some((l) => l.includes("« Avertir »"))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(/\b(calm|angry|warn|line)\b/);
  });
});
