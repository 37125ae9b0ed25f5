import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it, expect } from "vitest";
import { scanSource } from "../support/prose-literals.ts";

/**
 * Every word a person reads comes from the message catalogue (shared/i18n/catalog). This test
 * reads the TypeScript of the browser client and of the texts shared/ renders (the feed, the
 * after-action report) and fails on a literal that looks like prose in a place a person reads:
 * children of `h(…)`, text and attribute assignments (textContent, title, placeholder,
 * aria-label, alt …), the labels and messages the form helpers show, alert/confirm/prompt, and
 * what the shared renderers return.
 *
 * What is not prose is allowed by rule, not by file: catalogue keys, URLs and paths, CSS
 * selectors, abbreviations in capitals (NAV, ISR, T3), symbols and numbers, and the product's
 * name. Strings in other positions (class names, ids, data-* attributes, event names, command
 * types) are never read by a person and are not looked at.
 */

const ROOT = join(import.meta.dirname, "..", "..");

/** Files with literals left, and whose area they are in. To be emptied: each helper removes its file's literals, then its line here. */
const PENDING: Record<string, string> = {};

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** The files whose words people read: the browser client, the feed and views of shared/, the AAR renderers. */
function scannedFiles(): { path: string; renderer: boolean }[] {
  const ts = (p: string) => p.endsWith(".ts") && !p.endsWith(".d.ts");
  return [
    ...filesUnder(join(ROOT, "client", "src"), ts).map((path) => ({ path, renderer: false })),
    ...filesUnder(join(ROOT, "shared", "view"), ts).map((path) => ({ path, renderer: true })),
    ...filesUnder(join(ROOT, "shared", "aar"), (p) => ts(p) && /[/\\]render-[^/\\]+\.ts$/.test(p)).map((path) => ({ path, renderer: true })),
  ];
}

describe("no prose outside the catalogue", () => {
  it("the scanner finds prose where people read it, and nothing else", () => {
    const sample = `
      h("p", {}, "Turn committed");
      h("td", {}, ok ? "none" : "—");
      h("span", { class: "small primary", "data-code-for": "join code", title: "Zoom in" }, t("game.map.zoomIn"), "NAV", "T3", " · ");
      el.textContent = \`\${n} turns left\`;
      el.setAttribute("aria-label", "Copy code");
      el.setAttribute("data-x", "plain words here");
      status.show(result, "Pinged the region.");
      button.addEventListener("click", go);
      h("a", { href: "/replay.html" }, "Concord");
      status.textContent = (error as Error).message;
      line.textContent = result.message;
    `;
    const texts = scanSource("sample.ts", sample, false).map((o) => o.text);
    expect(texts).toEqual(["Turn committed", "none", "Zoom in", "  turns left", "Copy code", "Pinged the region.", "(error as Error).message"]);
    expect(
      scanSource(
        "render.ts",
        `function f() { return "folded in 10 ms"; } const g = () => "fr"; const m = () => "<h3 class=\\"x\\"></h3>"; const n = () => "<p>Summary</p>";`,
        true,
      ).map((o) => o.text),
    ).toEqual(["folded in 10 ms", "<p>Summary</p>"]);
  });

  it("client/src, shared/view and the AAR renderers take every word a person reads from the catalogue", () => {
    const offences = scannedFiles().flatMap(({ path, renderer }) => scanSource(relative(ROOT, path), readFileSync(path, "utf8"), renderer));
    const unexpected = offences.filter((o) => !Object.hasOwn(PENDING, o.file));
    expect(unexpected.map((o) => `${o.file}:${o.line} (${o.where}) ${JSON.stringify(o.text)}`)).toEqual([]);
  });

  it("the list of files still to clean only shrinks: a clean file leaves it", () => {
    const dirty = new Set(
      scannedFiles()
        .filter(({ path, renderer }) => scanSource(relative(ROOT, path), readFileSync(path, "utf8"), renderer).length > 0)
        .map(({ path }) => relative(ROOT, path)),
    );
    expect(Object.keys(PENDING).filter((file) => !dirty.has(file))).toEqual([]);
  });
});
