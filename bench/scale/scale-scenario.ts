import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";
import { RandomStream } from "../../shared/engine/prng.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";

export type ScaleSize = { nations: number; regions: number; assets: number; injects: number; turns?: number; seed?: number };

/** The full size: an alliance command-post exercise. */
export const FULL_SCALE: ScaleSize = { nations: 12, regions: 400, assets: 5000, injects: 2000, turns: 60 };
export const HALF_SCALE: ScaleSize = { nations: 6, regions: 200, assets: 2500, injects: 1000, turns: 30 };

type Shipped = {
  assetTypes: { id: string; domain?: string; i18n?: unknown }[];
  assets: { type: string }[];
  msel: { type: string; delivery?: string; trigger: { kind: string } }[];
};

const CRISES = ["border-incident", "cyber-attack", "disinformation", "humanitarian", "sabotage", "unrest"];

/** Colour-blind-safe base colours (Okabe–Ito), cycled with a darker variant beyond eight nations. */
const COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000", "#004c7a", "#9a6a00", "#006b4e", "#8a4f74"];

/**
 * A seeded scenario of any size, shaped like the shipped ones: one adversary and one neutral
 * nation beside the alliance's playable members, regions on a connected grid (sea in bands
 * between land), assets in the Northern Flank's mix of types on their owners' land or nearby
 * sea, and injects in the shipped MSELs' mix of types and triggers. The same size and seed
 * always give the same scenario.
 */
export function scaleScenario(size: ScaleSize): ScenarioInput {
  const random = new RandomStream(size.seed ?? 23);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)]!;
  const shipped = JSON.parse(readFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), "utf8")) as Shipped & ScenarioInput & Record<string, unknown>;
  const nationIds = Array.from({ length: size.nations }, (_, i) => `n${String(i + 1).padStart(2, "0")}`);
  const adversary = nationIds[nationIds.length - 1]!;
  const neutral = size.nations > 3 ? nationIds[nationIds.length - 2]! : null;
  const playable = nationIds.filter((id) => id !== adversary && id !== neutral);
  const nations = nationIds.map((id, i) => ({
    id,
    name: { en: `Nation ${i + 1}` },
    color: COLOURS[i % COLOURS.length]!,
    playable: playable.includes(id),
    alliance: playable.includes(id),
    ...(id === adversary ? { adversary: true } : {}),
    budget: 4000,
    budgetPerTurn: 600,
    politicalCapital: 60,
    readiness: 70,
    description: { en: `Nation ${i + 1} of the scale benchmark.` },
  }));

  // A grid of cols × rows; every third column is a sea lane, crossed by a bridge (land to land across it) every fourth row, and the top row is open sea joining the lanes: land and sea both connect.
  const cols = Math.ceil(Math.sqrt(size.regions * (1000 / 700)));
  const rows = Math.ceil(size.regions / cols);
  const cells: { id: string; col: number; row: number; sea: boolean }[] = [];
  for (let i = 0; i < size.regions; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    cells.push({ id: `r${i + 1}`, col, row, sea: col % 3 === 2 || row === 0 });
  }
  const at = (col: number, row: number) => (col >= 0 && row >= 0 && col < cols ? cells[row * cols + col] : undefined);
  const land = cells.filter((c) => !c.sea);
  // Owners in contiguous blocks of land, the adversary's last.
  const ownerOf = new Map<string, string>();
  land.forEach((cell, i) => ownerOf.set(cell.id, nationIds[Math.min(nationIds.length - 1, Math.floor((i * nationIds.length) / land.length))]!));
  // Crises at the start: one land region in twelve (the shipped kinds in turn) and one sea region
  // in eight (cable sabotage, people adrift), so that every type of asset has somewhere its missions matter.
  const crisisAt = new Map([
    ...land.filter((_, i) => i % 12 === 5).map((cell, i) => [cell.id, CRISES[i % CRISES.length]!] as const),
    ...cells
      .filter((c) => c.sea)
      .filter((_, i) => i % 8 === 3)
      .map((cell, i) => [cell.id, i % 2 === 0 ? "sabotage" : "humanitarian"] as const),
  ]);
  const regions = cells.map((cell) => {
    const bridge = cell.sea || cell.row % 4 !== 1 ? [] : cell.col % 3 === 1 ? [at(cell.col + 2, cell.row)] : [at(cell.col - 2, cell.row)];
    const adjacent = [at(cell.col - 1, cell.row), at(cell.col + 1, cell.row), at(cell.col, cell.row - 1), at(cell.col, cell.row + 1), ...bridge]
      .filter((n): n is NonNullable<typeof n> => n !== undefined)
      .map((n) => n.id);
    return {
      id: cell.id,
      name: { en: `${cell.sea ? "Sea" : "Province"} ${cell.id.slice(1)}` },
      kind: cell.sea ? "sea" : "land",
      ...(cell.sea ? {} : { terrain: pick(["plain", "forest", "mountains", "urban"]) }),
      x: Math.round(20 + (cell.col * 960) / Math.max(1, cols - 1)),
      y: Math.round(20 + (cell.row * 660) / Math.max(1, rows - 1)),
      ...(cell.sea ? {} : { owner: ownerOf.get(cell.id)! }),
      stability: 60 + Math.floor(random.next() * 35),
      // One land region in twelve starts in a crisis of the shipped kinds, so every type has work.
      ...(crisisAt.has(cell.id) ? { crisis: { kind: crisisAt.get(cell.id)!, severity: 20 + Math.floor(random.next() * 40) } } : {}),
      adjacent,
    };
  });

  const seaTypes = new Set(shipped.assetTypes.filter((t) => t.domain === "sea").map((t) => t.id));
  const mix = shipped.assets.map((a) => a.type);
  const ownLand = new Map<string, string[]>();
  for (const [region, owner] of ownerOf) ownLand.set(owner, [...(ownLand.get(owner) ?? []), region]);
  const cellById = new Map(cells.map((c) => [c.id, c]));
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const firstSea = cells.find((c) => c.sea)!.id;
  const seaNear = (region: string) => regionById.get(region)!.adjacent.find((id) => cellById.get(id)!.sea) ?? firstSea;
  const assets = Array.from({ length: size.assets }, (_, i) => {
    const owner = nationIds[i % nationIds.length]!;
    const type = mix[Math.floor(i / nationIds.length) % mix.length]!;
    const home = pick(ownLand.get(owner) ?? [land[0]!.id]);
    return { id: `a${i + 1}`, name: { en: `${type} ${i + 1}` }, type, owner, region: seaTypes.has(type) ? seaNear(home) : home };
  });

  const turns = size.turns ?? 60;
  const kinds = shipped.msel.map((m) => m.type);
  const msel = Array.from({ length: size.injects }, (_, i) => {
    const to = i % 5 === 0 ? "all" : [pick(playable), pick(playable)].filter((v, j, list) => list.indexOf(v) === j);
    const type = kinds[i % kinds.length]!;
    return {
      id: `i${i + 1}`,
      number: `${Math.floor(i / 100) + 1}.${String((i % 100) + 1).padStart(2, "0")}`,
      trigger: i % 10 === 9 ? { kind: "manual" } : { kind: "scheduled", turn: 1 + Math.floor((i * turns) / size.injects) },
      type,
      delivery: type === "media" ? "media" : "message",
      from: { en: "Scale benchmark cell" },
      to,
      title: { en: `Inject ${i + 1}: situation update for the ${type} line` },
      body: {
        en: `Inject ${i + 1}. A situation report of a realistic length: the exercise control cell reports movements, statements and incidents that the teams must weigh before their next orders. Ends.`,
      },
    };
  });

  return {
    id: `scale-${size.nations}x${size.regions}x${size.assets}`,
    title: { en: `Scale benchmark: ${size.nations} nations, ${size.regions} regions, ${size.assets} assets` },
    summary: { en: "A generated scenario for the scale benchmarks." },
    briefing: { en: "Generated for the scale benchmarks." },
    learningObjectives: [{ en: "Keep a large exercise moving." }],
    turns,
    hoursPerTurn: 4,
    startTime: shipped.startTime,
    nations,
    relations: [],
    defaultRelation: shipped.defaultRelation,
    regions,
    // The shipped types in English only (the generated texts are English).
    assetTypes: shipped.assetTypes.map(({ i18n: _i18n, ...type }) => ({ ...type, name: { en: (type as unknown as { name: { en: string } }).name.en } })),
    assets,
    agreements: [],
    msel,
    objectives: [{ id: "cohesion", title: { en: "Alliance cohesion at least 50" }, condition: { kind: "cohesion", op: ">=", value: 50 } }],
    rules: { seatsPerNation: 25 },
  } as unknown as ScenarioInput;
}
