import { describe, expect, it } from "vitest";
import { listWidth, WIDEST_LABEL, WIDTH_SET_OVER } from "../../client/src/ui/list-width.ts";

const options = (count: number, label = (i: number) => `Unit ${i}`) => Array.from({ length: count }, (_, i) => ({ value: `a${i}`, label: label(i) }));

/**
 * A long <select> is given its width from its longest label, so that the browser does not
 * measure every option each time its tab is shown (client/src/ui/list-width.ts).
 */
describe("listWidth: the width of a long list", () => {
  it("leaves a short list to the browser", () => {
    expect(listWidth(options(WIDTH_SET_OVER))).toBeNull();
    expect(listWidth([])).toBeNull();
  });

  it("sizes a long list by its longest label, half an em a character, with room for the padding and the arrow", () => {
    const labels = options(5000, (i) => (i === 4321 ? "Kaldmark 3rd Armoured Brigade (Holm)" : `Unit ${i}`));
    expect(listWidth(labels)).toBe(`${36 / 2 + 2.6}em`);
    expect(listWidth(options(WIDTH_SET_OVER + 1))).toBe(`${`Unit ${WIDTH_SET_OVER}`.length / 2 + 2.6}em`);
  });

  it("counts the empty choice, which is an option too", () => {
    const emptyChoice = "— choose a unit of the exercise, any of them —";
    expect(listWidth(options(200), emptyChoice)).toBe(`${emptyChoice.length / 2 + 2.6}em`);
  });

  it("stops growing at the widest label it counts: a longer one is cut in the closed list", () => {
    expect(listWidth(options(200, (i) => "x".repeat(i)))).toBe(`${WIDEST_LABEL / 2 + 2.6}em`);
  });
});
