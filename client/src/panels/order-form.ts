import { h, setOptions } from "../ui/html.ts";
import { field, select, commandForm } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { assetType, categoryLabel, regionName, otherNations } from "../game/names.ts";

const KINDS = [
  { value: "deployAsset", label: "Deploy an asset" },
  { value: "prepositionAsset", label: "Pre-position an asset" },
  { value: "recallAsset", label: "Recall an asset" },
  { value: "setMission", label: "Set an asset's mission" },
  { value: "setPolicy", label: "Set a policy" },
  { value: "fundCapacityBuilding", label: "Fund capacity building" },
];
const NEEDS: Record<string, string[]> = {
  deployAsset: ["asset", "destination", "mission"],
  prepositionAsset: ["asset", "destination"],
  recallAsset: ["asset", "destination"],
  setMission: ["asset", "mission"],
  setPolicy: ["policy"],
  fundCapacityBuilding: ["partner"],
};
const opts = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** Drafting one order for the team: the fields follow the kind of order chosen. */
export function orderForm(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void; prefill(values: { asset?: string; destination?: string; kind?: string }): void } {
  const kind = select("kind", KINDS);
  const asset = select("asset");
  const destination = select("destination");
  const mission = select("mission");
  const alert = select("alertLevel", [{ value: "", label: "unchanged" }, ...opts(["normal", "elevated", "high", "maximum"])]);
  const roe = select("rulesOfEngagement", [{ value: "", label: "unchanged" }, ...opts(["restrictive", "standard", "robust"])]);
  const stance = select("publicStance", [{ value: "", label: "unchanged" }, ...opts(["quiet", "reassuring", "firm", "assertive"])]);
  const sharingPartner = select("sharingPartner");
  const sharingLevel = select("sharingLevel", [{ value: "", label: "unchanged" }, ...opts(["none", "need-to-know", "full"])]);
  const partner = select("partner");
  const amount = h("input", { type: "number", name: "amount", min: "1", max: "10000", value: "10", inputmode: "numeric" });

  const groups: Record<string, HTMLElement> = {
    asset: field("Asset", asset),
    destination: field("Destination", destination),
    mission: field("Mission", mission),
    policy: h("fieldset", { class: "field" }, h("legend", {}, "Policies to change"), field("Alert level", alert), field("Rules of engagement", roe), field("Public stance", stance), field("Intelligence sharing with", sharingPartner), field("Sharing level", sharingLevel)),
    partner: h("div", {}, field("Partner nation", partner), field("Amount (budget)", amount)),
  };
  const showFields = () => {
    for (const [name, el] of Object.entries(groups)) el.hidden = !NEEDS[kind.value]!.includes(name);
    updateMissions();
  };
  const updateMissions = () => {
    const ctx = getCtx() as GameContext | null;
    if (!ctx) return;
    const a = ctx.perspective?.assets[asset.value];
    const type = a ? assetType(ctx.state, a) : undefined;
    setOptions(mission, opts(type?.missions ?? []), type ? undefined : "choose an asset first");
  };
  kind.addEventListener("change", showFields);
  asset.addEventListener("change", updateMissions);

  const form = commandForm({
    label: "Draft an order",
    submit: "Draft order",
    success: "Draft added: your team sees it now.",
    send: (c) => getCtx().send(c),
    children: [h("h3", {}, "Draft an order"), field("Order", kind), ...Object.values(groups)],
    build: () => {
      const k = kind.value;
      if (NEEDS[k]!.includes("asset") && !asset.value) return "Choose an asset.";
      if (NEEDS[k]!.includes("destination") && !destination.value) return "Choose a destination region.";
      if (NEEDS[k]!.includes("mission") && !mission.value) return "Choose a mission.";
      switch (k) {
        case "deployAsset":
          return { type: "draftOrder", order: { kind: k, asset: asset.value, destination: destination.value, mission: mission.value } };
        case "prepositionAsset":
        case "recallAsset":
          return { type: "draftOrder", order: { kind: k, asset: asset.value, destination: destination.value } };
        case "setMission":
          return { type: "draftOrder", order: { kind: k, asset: asset.value, mission: mission.value } };
        case "setPolicy": {
          const order: Record<string, unknown> = { kind: k };
          if (alert.value) order.alertLevel = alert.value;
          if (roe.value) order.rulesOfEngagement = roe.value;
          if (stance.value) order.publicStance = stance.value;
          if (sharingPartner.value && sharingLevel.value) order.intelSharing = { [sharingPartner.value]: sharingLevel.value };
          if (Object.keys(order).length === 1) return "Change at least one policy.";
          return { type: "draftOrder", order };
        }
        case "fundCapacityBuilding":
          if (!partner.value) return "Choose a partner nation.";
          if (!(Number(amount.value) >= 1)) return "Enter an amount of at least 1.";
          return { type: "draftOrder", order: { kind: k, partner: partner.value, amount: Math.round(Number(amount.value)) } };
        default:
          return "Choose a kind of order.";
      }
    },
  });
  showFields();

  return {
    element: form,
    update(ctx) {
      const own = Object.values(ctx.perspective?.assets ?? {}).filter((a) => !a.foreign);
      setOptions(asset, own.map((a) => ({ value: a.id, label: `${categoryLabel(assetType(ctx.state, a)?.category)} ${a.name} — ${regionName(ctx.state, a.region)} (${a.status})` })), "— choose an asset —");
      setOptions(destination, ctx.state.scenario.regions.map((r) => ({ value: r.id, label: `${r.name} (${r.kind})` })), "— choose a region —");
      const others = otherNations(ctx.state, ctx.viewNation);
      setOptions(sharingPartner, others, "— no change —");
      setOptions(partner, others, "— choose a nation —");
      updateMissions();
    },
    prefill(values) {
      if (values.kind) kind.value = values.kind;
      showFields();
      if (values.asset) asset.value = values.asset;
      if (values.destination) destination.value = values.destination;
      updateMissions();
      (values.asset ? destination : asset).focus();
    },
  };
}
