import { describe, it, expect } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { CATALOG, EN, LANGUAGES, translate, type MessageKey } from "../../shared/i18n/index.ts";

/** Every argument a pattern uses, with its kind (plain, plural, select …), nested ones included. */
function argumentsOf(pattern: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if ("value" in element && typeof element.value === "string" && element.type !== TYPE.tag) found.add(`${element.value}:${TYPE[element.type]}`);
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(pattern, { ignoreTag: true }));
  return [...found].sort();
}

describe("the message catalogue", () => {
  const keys = Object.keys(EN).sort() as MessageKey[];

  for (const lang of LANGUAGES) {
    it(`${lang}: has every key of the English catalogue and no other`, () => {
      expect(Object.keys(CATALOG[lang]).sort()).toEqual(keys);
    });

    it(`${lang}: every message parses and takes the same parameters as in English`, () => {
      const problems: string[] = [];
      for (const key of keys) {
        try {
          const mine = argumentsOf(CATALOG[lang][key]);
          const english = argumentsOf(EN[key]);
          if (JSON.stringify(mine) !== JSON.stringify(english)) problems.push(`${key}: ${mine.join(", ")} ≠ English ${english.join(", ")}`);
        } catch (error) {
          problems.push(`${key}: does not parse (${(error as Error).message})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("French differs from English where there is more than a word to translate", () => {
    // Single words may be the same in both (surveillance, standard, briefing, SECRET); sentences may not.
    const words = (text: string) => text.replace(/\{[^}]*\}/g, " ").match(/[a-z]{2,}/gi) ?? [];
    const same = keys.filter((key) => words(EN[key]).length > 1 && CATALOG.fr[key] === EN[key]);
    expect(same).toEqual([]);
  });

  it("renders plurals, references and nested messages in the reader's language", () => {
    expect(translate("fr", { key: "common.untranslated", params: { text: "Briefing" } })).toBe("Briefing (non traduit)");
    expect(
      translate("en", { key: "common.untranslated", params: { text: { ref: "nation", id: "north" } } }, (r) => (r.id === "north" ? "Nordmark" : r.id)),
    ).toBe("Nordmark (not translated)");
  });
});
