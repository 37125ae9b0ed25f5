import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";
import { problemText, translationWarnings, validateScenario } from "../../shared/scenario/validate.ts";
import { translate } from "../../shared/i18n/format.ts";

const scenario = (file: string) => JSON.parse(readFileSync(join(ROOT, "scenarios", file), "utf8"));

describe("validator problems as messages", () => {
  it("gives each problem of meaning a message, rendered in English as `message` and in French", () => {
    const s = scenario("03-strait-standoff.json");
    s.assets[0].region = "mars";
    s.msel[2].expectedActions[0].command = "launchMissiles";
    s.nations.forEach((n: { playable: boolean }) => (n.playable = false));
    s.msel[0].trigger = { kind: "scheduled", turn: 99 };
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThanOrEqual(4);
    for (const e of result.errors) {
      expect(e.msg).toBeDefined();
      expect(translate("en", e.msg!)).toBe(e.message);
      expect(problemText("fr", e)).not.toBe(e.message);
    }
    const fr = result.errors.map((e) => `${e.path}: ${problemText("fr", e)}`);
    expect(fr).toContain("assets[0].region: zone inconnue : « mars »");
    expect(fr).toContain("nations: au moins une nation doit être jouable");
    expect(fr.find((t) => t.startsWith("msel[0].trigger.turn"))).toMatch(/le tour 99 est postérieur au dernier tour \(\d+\)/);
    expect(fr.find((t) => t.includes("launchMissiles"))).toMatch(/« launchMissiles » n’est pas une action possible pour les équipes/);
  });

  it("translates the schema's own sentences and zod's, keeping zod's English as `message`", () => {
    const s = scenario("03-strait-standoff.json");
    s.nations[1].color = "red";
    s.turns = "ten";
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = new Map(result.errors.map((e) => [e.path, e]));
    expect(problemText("fr", byPath.get("nations[1].color")!)).toBe("une couleur s’écrit #rrvvbb");
    expect(byPath.get("turns")!.message).toMatch(/expected number/);
    expect(problemText("fr", byPath.get("turns")!)).toBe("Valeur incorrecte : un nombre est attendu, un texte a été trouvé");
  });

  it("names the missing language in the reader's language", () => {
    const s = scenario("01-northern-flank.json");
    s.msel[4].title = s.msel[4].title.en;
    const result = validateScenario(s);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [warning] = translationWarnings(result.scenario);
    expect(warning!.message).toBe('no French translation ("fr"), though "languages" lists it');
    expect(problemText("fr", warning!)).toBe("aucune traduction en français (« fr »), alors que « languages » la mentionne");
  });
});
