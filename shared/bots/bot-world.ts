import type { AssetTypeSpec, RegionSpec, ScenarioSpec } from "../scenario/schema.ts";
import type { Lang } from "../i18n/languages.ts";

/**
 * What a bot may know besides its nation's view: the scenario's standing rules — the map, the
 * kinds of assets and what they are good for, the rules' numbers — that a team reads in its
 * briefing pack. Never the MSEL, the objectives or where anyone's forces start: those reach a
 * nation only through its view, and so they reach the bot.
 */
export type BotWorld = {
  regions: readonly RegionSpec[];
  assetTypes: readonly AssetTypeSpec[];
  rules: ScenarioSpec["rules"];
  /** Adversary nations (the scenario says who the other side is). */
  adversaries: readonly string[];
  language: Lang;
};

export function botWorld(scenario: ScenarioSpec): BotWorld {
  const adversaries = scenario.nations.filter((n) => n.adversary ?? (!n.playable && !n.alliance)).map((n) => n.id);
  return { regions: scenario.regions, assetTypes: scenario.assetTypes, rules: scenario.rules, adversaries, language: (scenario.language ?? "en") as Lang };
}
