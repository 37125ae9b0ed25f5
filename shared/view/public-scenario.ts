import type { ScenarioSpec } from "../scenario/schema.ts";

/**
 * The parts of a scenario every participant may see from the start: the map, the nations and
 * the kinds of assets. The MSEL, objectives and starting assets are not here: they reach a nation
 * only through viewFor, as the exercise reveals them.
 */
export function publicScenario(s: ScenarioSpec) {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    briefing: s.briefing,
    learningObjectives: s.learningObjectives,
    turns: s.turns,
    hoursPerTurn: s.hoursPerTurn,
    startTime: s.startTime,
    /** How many people a team may have connected at once (rules.seatsPerNation). */
    seatsPerNation: s.rules.seatsPerNation,
    nations: s.nations.map((n) => ({ id: n.id, name: n.name, color: n.color, playable: n.playable, alliance: n.alliance, description: n.description })),
    regions: s.regions.map((r) => ({ id: r.id, name: r.name, kind: r.kind, terrain: r.terrain, x: r.x, y: r.y, shape: r.shape ?? null, adjacent: r.adjacent })),
    assetTypes: s.assetTypes.map((t) => ({ id: t.id, name: t.name, category: t.category, speed: t.speed, domain: t.domain, missions: t.missions, deployCost: t.deployCost, upkeep: t.upkeep })),
  };
}
export type PublicScenario = ReturnType<typeof publicScenario>;
