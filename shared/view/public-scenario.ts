import type { ScenarioSpec } from "../scenario/schema.ts";
import { DEFAULT_LANG } from "../i18n/languages.ts";
import type { RuleCoefficients } from "../scenario/rules.ts";
import { policyRules as policyRuleShape } from "../scenario/rules-policies.ts";

/** The numbers of the policy rules (every team may know the rules it plays by): the order form shows what each choice costs and gives. */
export type PolicyRules = Pick<RuleCoefficients, keyof typeof policyRuleShape | "trustLossEscalation">;
export function policyRulesOf(rules: RuleCoefficients): PolicyRules {
  const keys = [...Object.keys(policyRuleShape), "trustLossEscalation"] as (keyof PolicyRules)[];
  return Object.fromEntries(keys.map((key) => [key, rules[key]])) as PolicyRules;
}

/** The item's translations when it has any (an English-only scenario sends exactly what it did). */
const translated = <T extends { i18n?: unknown }>(item: T) => (item.i18n ? { i18n: item.i18n as NonNullable<T["i18n"]> } : {});

/**
 * The parts of a scenario every participant may see from the start: the map, the nations and
 * the kinds of assets. The MSEL, objectives and starting assets are not here: they reach a nation
 * only through viewFor, as the exercise reveals them.
 *
 * Translations go with the texts they translate, so each seat reads them in its own language
 * (`localText` in shared/i18n/text.ts). Only the translations of what is here travel: the
 * scenario's i18n holds nothing but its title, summary, briefing and learning objectives.
 */
export function publicScenario(s: ScenarioSpec) {
  return {
    id: s.id,
    /** The language of the texts below; the others are in each item's i18n. */
    language: s.language ?? DEFAULT_LANG,
    languages: s.languages ?? [s.language ?? DEFAULT_LANG],
    title: s.title,
    summary: s.summary,
    briefing: s.briefing,
    learningObjectives: s.learningObjectives,
    turns: s.turns,
    hoursPerTurn: s.hoursPerTurn,
    startTime: s.startTime,
    /** How many people a team may have connected at once (rules.seatsPerNation). */
    seatsPerNation: s.rules.seatsPerNation,
    policyRules: policyRulesOf(s.rules) as PolicyRules | null,
    ...translated(s),
    nations: s.nations.map((n) => ({
      id: n.id,
      name: n.name,
      color: n.color,
      playable: n.playable,
      alliance: n.alliance,
      description: n.description,
      ...(n.mapFill ? { mapFill: n.mapFill } : {}),
      ...translated(n),
    })),
    regions: s.regions.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      terrain: r.terrain,
      x: r.x,
      y: r.y,
      shape: r.shape ?? null,
      adjacent: r.adjacent,
      ...(r.port ? { port: true } : {}),
      ...(r.airfield ? { airfield: true } : {}),
      ...translated(r),
    })),
    assetTypes: s.assetTypes.map((t) => ({
      id: t.id,
      name: t.name,
      category: t.category,
      speed: t.speed,
      domain: t.domain,
      missions: t.missions,
      deployCost: t.deployCost,
      upkeep: t.upkeep,
      ...(t.lift ? { lift: t.lift } : {}),
      ...translated(t),
    })),
  };
}
export type PublicScenario = ReturnType<typeof publicScenario>;

const publicJson = new WeakMap<ScenarioSpec, string>();
/**
 * The JSON of publicScenario(s), made once per scenario object: rooms of one scenario share
 * their scenario (server/store/shared-scenarios.ts) and so this string (57 KB for the Northern Flank).
 */
export function publicScenarioJson(s: ScenarioSpec): string {
  let json = publicJson.get(s);
  if (json === undefined) publicJson.set(s, (json = JSON.stringify(publicScenario(s))));
  return json;
}
