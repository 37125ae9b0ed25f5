import type { EventBuilder } from "./builder.ts";
import type { Handler, Of } from "./decide.ts";
import type { AssetState, ExerciseState, Order } from "../state/schema.ts";
import type { Mission } from "../scenario/schema.ts";
import { RejectionCode, refuse, type Rejection } from "../protocol/rejections.ts";
import { msg, ref, type Msg } from "../i18n/message.ts";
import { term } from "./words.ts";
import { isAllied } from "./sides.ts";
import { explain } from "./explain.ts";
import { adjustRelation } from "./relations.ts";
import { agreementsBinding } from "./agreement-terms.ts";

/**
 * Transfer of authority (TOA): a nation places assets under alliance command, with national
 * caveats; the alliance commander's team orders them; the owner may only take them back, at a
 * trust cost. docs/RULES.md says each rule in words.
 */

type Authority = NonNullable<AssetState["authority"]>;

/** Nations with at least one asset under alliance command, sorted. */
export function contributors(state: ExerciseState): string[] {
  const nations = new Set<string>();
  for (const asset of Object.values(state.assets)) if (asset.authority) nations.add(asset.owner);
  return [...nations].sort();
}

/** Who shares the alliance picture: the contributors and the commander. */
export function commandMembers(state: ExerciseState): string[] {
  const members = new Set(contributors(state));
  if (state.allianceCommander) members.add(state.allianceCommander);
  return [...members].sort();
}

/** Whether this nation's team may order this asset as alliance commander. */
export function commandsAsset(state: ExerciseState, nation: string, asset: AssetState): boolean {
  return Boolean(asset.authority) && state.allianceCommander === nation;
}

/**
 * Who may order an asset under alliance command (deploy, preposition, recall, set mission):
 * the commander within the caveats; not the owner (it may only revoke); nobody else.
 * Returns undefined for an asset not under alliance command (the ordinary rules apply).
 */
export function authorityRefusal(
  state: ExerciseState,
  nation: string,
  asset: AssetState,
  use: { mission?: Mission | null; destination?: string | null },
): Rejection | null | undefined {
  const authority = asset.authority;
  if (!authority) return undefined;
  if (state.allianceCommander !== nation) {
    if (asset.owner === nation) {
      return state.allianceCommander
        ? refuse(RejectionCode.UnderAllianceCommand, "toa.refuse.underCommand", {
            asset: ref("asset", asset.id),
            commander: ref("nation", state.allianceCommander),
          })
        : refuse(RejectionCode.UnderAllianceCommand, "toa.refuse.underCommandNobody", { asset: ref("asset", asset.id) });
    }
    return refuse(RejectionCode.NotYourNation, "engine.order.notYours", { asset: ref("asset", asset.id), owner: ref("nation", asset.owner) });
  }
  if (use.mission && authority.excludedMissions.includes(use.mission)) {
    return refuse(RejectionCode.Caveat, "toa.refuse.caveatMission", {
      asset: ref("asset", asset.id),
      owner: ref("nation", asset.owner),
      mission: term("mission", use.mission),
    });
  }
  if (use.destination && authority.excludedRegions.includes(use.destination)) {
    return refuse(RejectionCode.Caveat, "toa.refuse.caveatRegion", {
      asset: ref("asset", asset.id),
      owner: ref("nation", asset.owner),
      region: ref("region", use.destination),
    });
  }
  return null;
}

type TransferOrder = Extract<Order, { kind: "transferAuthority" }>;
type RevokeOrder = Extract<Order, { kind: "revokeAuthority" }>;

/** The owner's own TOA orders: only the owner may place an asset under alliance command or take it back. */
export function validateAuthorityOrder(state: ExerciseState, nation: string, order: TransferOrder | RevokeOrder): Rejection | null {
  const asset = state.assets[order.asset];
  if (!asset || (asset.owner !== nation && !state.detections[nation]?.[asset.id] && !commandsAsset(state, nation, asset)))
    return refuse(RejectionCode.UnknownAsset, "engine.order.unknownAsset");
  if (asset.owner !== nation)
    return refuse(RejectionCode.NotYourNation, "engine.order.notYours", { asset: ref("asset", asset.id), owner: ref("nation", asset.owner) });
  if (order.kind === "revokeAuthority") {
    return asset.authority ? null : refuse(RejectionCode.InvalidTarget, "toa.refuse.notUnderCommand", { asset: ref("asset", asset.id) });
  }
  if (!isAllied(state, nation)) return refuse(RejectionCode.InvalidTarget, "toa.refuse.notAllied");
  if (!state.allianceCommander) return refuse(RejectionCode.InvalidTarget, "toa.refuse.noCommander");
  if (asset.authority)
    return refuse(RejectionCode.InvalidTarget, "toa.refuse.already", { asset: ref("asset", asset.id), commander: ref("nation", state.allianceCommander) });
  for (const region of order.excludedRegions ?? [])
    if (!Object.hasOwn(state.regions, region)) return refuse(RejectionCode.UnknownRegion, "engine.order.unknownRegion");
  return null;
}

/** The caveats as a reader reads them: "no deterrence; not in Red Gulf", or "no caveats". */
export function caveatsMsg(authority: Authority): Msg {
  const parts = [
    ...authority.excludedMissions.map((m) => msg("toa.caveat.mission", { mission: term("mission", m) })),
    ...authority.excludedRegions.map((r) => msg("toa.caveat.region", { region: ref("region", r) })),
  ];
  return parts.length ? msg("toa.caveat.list", { caveats: parts }) : msg("toa.caveat.none");
}

/** Carries out a validated TOA order at resolution and says what it did. */
export function executeAuthorityOrder(b: EventBuilder, nation: string, order: TransferOrder | RevokeOrder): Msg {
  const asset = b.state.assets[order.asset]!;
  if (order.kind === "transferAuthority") {
    const authority: Authority = {
      since: b.state.turn,
      excludedMissions: [...new Set(order.excludedMissions ?? [])].sort(),
      excludedRegions: [...new Set(order.excludedRegions ?? [])].sort(),
    };
    b.emit({ type: "assetUpdated", asset: { ...asset, authority } });
    const commander = b.state.allianceCommander!;
    const caveats = caveatsMsg(authority);
    explain(b, "toa.transfer", commandMembers(b.state), "toa.explain.transferred", {
      owner: ref("nation", nation),
      asset: ref("asset", asset.id),
      commander: ref("nation", commander),
      caveats,
    });
    return msg("toa.result.transferred", { asset: ref("asset", asset.id), commander: ref("nation", commander), caveats });
  }
  const { authority: _dropped, ...released } = asset;
  b.emit({ type: "assetUpdated", asset: released });
  // Those left in the common operation: the other contributors and the commander.
  const others = commandMembers(b.state).filter((n) => n !== nation);
  const cost = b.state.scenario.rules.toaRevocationTrustCost;
  for (const other of others) adjustRelation(b, nation, other, -cost, 0);
  if (others.length)
    explain(b, "toa.revoke", [nation, ...others], "toa.explain.revoked", {
      owner: ref("nation", nation),
      asset: ref("asset", asset.id),
      nations: others.map((n) => ref("nation", n)),
      cost,
    });
  breachOfCommandArrangement(b, nation, asset.id);
  return msg("toa.result.revoked", { asset: ref("asset", asset.id) });
}

/** A party to a command arrangement in force that takes forces back from alliance command breaks its word. */
function breachOfCommandArrangement(b: EventBuilder, nation: string, asset: string): void {
  const cost = b.state.scenario.rules.agreementBreachTrustCost;
  for (const agreement of agreementsBinding(b.state, "command-arrangement", [nation])) {
    const others = agreement.parties.filter((p) => p !== nation);
    for (const other of others) adjustRelation(b, nation, other, -cost, 0);
    explain(b, "agreements.breach.commandArrangement", agreement.parties, "agreements.explain.breachCommand", {
      nation: ref("nation", nation),
      asset: ref("asset", asset),
      agreement: ref("agreement", agreement.id),
      cost,
    });
  }
}

/**
 * Tells an owner what the commander did with its forces this turn: an order the commander's
 * team gave one of them, as carried out. Runs right after the orders.
 */
export function reportCommandOrders(b: EventBuilder): void {
  const start = b.events.findLastIndex((e) => e.type === "resolutionStarted");
  for (const event of b.events.slice(start + 1)) {
    if (event.type !== "orderExecuted" || !("asset" in event.order) || event.order.kind === "transferAuthority" || event.order.kind === "revokeAuthority")
      continue;
    const asset = b.state.assets[event.order.asset];
    if (!asset?.authority || asset.owner === event.nation || !event.result) continue;
    explain(b, "toa.commandOrder", [asset.owner, event.nation], "toa.explain.commandOrder", {
      commander: ref("nation", event.nation),
      asset: ref("asset", asset.id),
      result: event.result,
    });
  }
}

/** Exercise control names the alliance commander (or nobody). */
export const designateCommander: Handler<Of<"designateCommander">> = (b, command) => {
  const nation = command.nation;
  if (nation !== null) {
    if (!Object.hasOwn(b.state.nations, nation)) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
    // A team must be able to give the orders: an alliance member that plays.
    if (!isAllied(b.state, nation) || !b.state.nations[nation]!.playable)
      return refuse(RejectionCode.InvalidTarget, "toa.refuse.commanderNotAllied", { nation: ref("nation", nation) });
  }
  if (b.state.allianceCommander === nation) return refuse(RejectionCode.AlreadyAnswered, "toa.refuse.sameCommander");
  setCommander(b, nation, null);
};

/** Records the new commander and says so to everyone. */
export function setCommander(b: EventBuilder, nation: string | null, agreement: string | null): void {
  b.emit({ type: "allianceCommanderSet", nation, agreement });
  if (nation === null) explain(b, "toa.commander", [], "toa.explain.noCommander");
  else if (agreement) explain(b, "toa.commander", [], "toa.explain.commanderAgreed", { nation: ref("nation", nation), agreement: ref("agreement", agreement) });
  else explain(b, "toa.commander", [], "toa.explain.commanderDesignated", { nation: ref("nation", nation) });
}
