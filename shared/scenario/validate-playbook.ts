import type { ScenarioSpec } from "./schema.ts";
import type { Condition } from "./conditions.ts";
import type { PlaybookMove } from "./playbook.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import type { Params } from "../i18n/message.ts";

type Err = (path: string, key: MessageKey, params?: Params) => void;

/**
 * The meaning of each adversary playbook (schema: playbook.ts): only a nation no team plays has
 * one; level and rule ids are unique; `start` names a level; levels are ordered (the first cannot
 * fall, the last cannot rise); conditions name things that exist; each move names the nation's
 * own assets, regions that exist, a mission the asset's type can fly, a nation to talk to.
 */
export function playbookProblems(s: ScenarioSpec, err: Err, condition: (path: string, c: Condition) => void): void {
  const regions = new Set(s.regions.map((r) => r.id));
  const types = new Map(s.assetTypes.map((t) => [t.id, t]));
  s.nations.forEach((nation, i) => {
    const playbook = nation.playbook;
    if (!playbook) return;
    const at = `nations[${i}].playbook`;
    if (nation.playable) err(at, "playbook.validate.playable", { nation: nation.id });
    const levels = new Map<string, number>();
    const rules = new Map<string, string>();
    playbook.levels.forEach((level, l) => {
      const path = `${at}.levels[${l}]`;
      if (levels.has(level.id)) err(`${path}.id`, "scenario.validate.duplicateId", { id: level.id, other: `${at}.levels[${levels.get(level.id)}]` });
      else levels.set(level.id, l);
      if (level.escalateWhen) {
        if (l === playbook.levels.length - 1) err(`${path}.escalateWhen`, "playbook.validate.nothingAbove", { level: level.id });
        condition(`${path}.escalateWhen`, level.escalateWhen);
      }
      if (level.deescalateWhen) {
        if (l === 0) err(`${path}.deescalateWhen`, "playbook.validate.nothingBelow", { level: level.id });
        condition(`${path}.deescalateWhen`, level.deescalateWhen);
      }
      level.rules.forEach((rule, r) => {
        const rulePath = `${path}.rules[${r}]`;
        if (rules.has(rule.id)) err(`${rulePath}.id`, "scenario.validate.duplicateId", { id: rule.id, other: rules.get(rule.id)! });
        else rules.set(rule.id, rulePath);
        if (rule.when) condition(`${rulePath}.when`, rule.when);
        rule.then.forEach((move, m) => moveProblems(`${rulePath}.then[${m}]`, move));
      });
    });
    if (playbook.start !== undefined && !levels.has(playbook.start)) err(`${at}.start`, "playbook.validate.unknownLevel", { id: playbook.start });

    function moveProblems(path: string, move: PlaybookMove): void {
      if (move.type === "sendMessage") {
        if (move.to === "alliance") {
          if (!nation.alliance) err(`${path}.to`, "playbook.validate.notInAlliance", { nation: nation.id });
        } else if (move.to === nation.id) err(`${path}.to`, "playbook.validate.toItself");
        else if (!s.nations.some((n) => n.id === move.to)) err(`${path}.to`, "scenario.validate.unknown", { kind: "nation", id: move.to });
        return;
      }
      if (move.type === "requestConsent") {
        if (!s.nations.some((n) => n.id === move.host)) err(`${path}.host`, "scenario.validate.unknown", { kind: "nation", id: move.host });
        if (!regions.has(move.region)) err(`${path}.region`, "scenario.validate.unknown", { kind: "region", id: move.region });
        return;
      }
      if (move.type !== "draftOrder") return;
      const order = move.order;
      if (order.kind === "setPolicy") return;
      const asset = s.assets.find((a) => a.id === order.asset);
      if (!asset) return void err(`${path}.order.asset`, "scenario.validate.unknown", { kind: "asset", id: order.asset });
      if (asset.owner !== nation.id) err(`${path}.order.asset`, "playbook.validate.notItsAsset", { asset: asset.id, nation: nation.id, owner: asset.owner });
      if ("destination" in order && !regions.has(order.destination))
        err(`${path}.order.destination`, "scenario.validate.unknown", { kind: "region", id: order.destination });
      const type = types.get(asset.type);
      if ("mission" in order && type && !type.missions.includes(order.mission))
        err(`${path}.order.mission`, "scenario.validate.missionNotAllowed", { type: type.name, mission: order.mission });
    }
  });
}
