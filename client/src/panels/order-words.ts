import { t, lang } from "../i18n.ts";
import { listIn } from "../../../shared/i18n/index.ts";
import type { ClientState } from "../state/client-state.ts";
import type { Order } from "../../../shared/state/schema.ts";
import { assetName, nationName, regionName } from "../game/names.ts";
import { num, term } from "./words.ts";

/**
 * An order as a person says it, in the seat's language, with names instead of ids:
 * "Deploy NMS Valkyrie to Central Sea (patrol)".
 */
export function describeOrder(state: ClientState, order: Order): string {
  switch (order.kind) {
    case "deployAsset":
      return t("panels.order.deployAsset", {
        asset: assetName(state, order.asset),
        region: regionName(state, order.destination),
        mission: term("mission", order.mission),
      });
    case "prepositionAsset":
      return t("panels.order.prepositionAsset", { asset: assetName(state, order.asset), region: regionName(state, order.destination) });
    case "recallAsset":
      return t("panels.order.recallAsset", { asset: assetName(state, order.asset), region: regionName(state, order.destination) });
    case "setMission":
      return t("panels.order.setMission", { asset: assetName(state, order.asset), mission: term("mission", order.mission) });
    case "setPolicy": {
      const changes: string[] = [];
      if (order.alertLevel) changes.push(t("panels.order.policy.alertLevel", { value: term("alertLevel", order.alertLevel) }));
      if (order.rulesOfEngagement) changes.push(t("panels.order.policy.rulesOfEngagement", { value: term("rulesOfEngagement", order.rulesOfEngagement) }));
      if (order.publicStance) changes.push(t("panels.order.policy.publicStance", { value: term("publicStance", order.publicStance) }));
      for (const [partner, level] of Object.entries(order.intelSharing ?? {}))
        changes.push(t("panels.order.policy.intelSharing", { nation: nationName(state, partner), value: term("sharingPolicy", level) }));
      return t("panels.order.setPolicy", { changes: listIn(lang(), changes) });
    }
    case "fundCapacityBuilding":
      return t("panels.order.fundCapacityBuilding", { nation: nationName(state, order.partner), amount: num(order.amount) });
    case "transferAuthority": {
      const caveats = [
        ...(order.excludedMissions ?? []).map((m) => t("toa.caveat.mission", { mission: term("mission", m) })),
        ...(order.excludedRegions ?? []).map((r) => t("toa.caveat.region", { region: regionName(state, r) })),
      ];
      return t("toa.order.transferAuthority", {
        asset: assetName(state, order.asset),
        caveats: caveats.length ? t("toa.caveat.list", { caveats: listIn(lang(), caveats) }) : t("toa.caveat.none"),
      });
    }
    case "revokeAuthority":
      return t("toa.order.revokeAuthority", { asset: assetName(state, order.asset) });
    case "embarkAsset":
      return t("lift.draft.embarkAsset", { asset: assetName(state, order.asset), carrier: assetName(state, order.carrier) });
    case "disembarkAsset":
      return order.destination
        ? t("lift.draft.disembarkAssetAt", { asset: assetName(state, order.asset), destination: regionName(state, order.destination) })
        : t("lift.draft.disembarkAsset", { asset: assetName(state, order.asset) });
    default:
      return t("panels.order.other");
  }
}
