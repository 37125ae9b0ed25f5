import { h, setOptions, setText } from "../ui/html.ts";
import type { GameContext } from "../game/context.ts";
import { assetType, assetName, categoryLabel, regionName, otherNations, nationName, nameInputs } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { lastResult } from "../ui/memo.ts";
import { panelWords, term } from "./words.ts";
import { policyHints, ALERT_LEVELS, ROE_LEVELS, STANCES } from "./policy-hints.ts";
import { caveatFields } from "./caveat-fields.ts";
import type { OwnAsset } from "../state/client-state.ts";

/** An asset as the order form lists it: ours, ours under alliance command, or an ally's we command. */
function assetOption(ctx: GameContext, a: OwnAsset): string {
  // A unit aboard says so where its region would be: "— aboard HMAS Canberra group".
  const aboard = carrierOf(ctx.state, a);
  const region = aboard ? t("lift.map.aboard", { carrier: assetName(ctx.state, aboard.id) }) : regionName(ctx.state, a.region);
  const values = {
    category: categoryLabel(assetType(ctx.state, a)?.category),
    name: assetName(ctx.state, a.id),
    region,
    status: term("assetStatus", a.status),
  };
  if (!a.authority) return t("panels.orderForm.assetOption", values);
  return a.owner === ctx.viewNation
    ? t("toa.form.ownUnderCommand", values)
    : t("toa.form.commandedOption", { ...values, owner: nationName(ctx.state, a.owner) });
}
import { carrierOf, carriersFor, aboardOf, landingOptions } from "../game/lift.ts";

const KINDS = [
  { value: "deployAsset", key: "panels.orderForm.kind.deployAsset" },
  { value: "prepositionAsset", key: "panels.orderForm.kind.prepositionAsset" },
  { value: "recallAsset", key: "panels.orderForm.kind.recallAsset" },
  { value: "setMission", key: "panels.orderForm.kind.setMission" },
  { value: "setPolicy", key: "panels.orderForm.kind.setPolicy" },
  { value: "fundCapacityBuilding", key: "panels.orderForm.kind.fundCapacityBuilding" },
  { value: "transferAuthority", key: "toa.form.kind.transferAuthority" },
  { value: "revokeAuthority", key: "toa.form.kind.revokeAuthority" },
  { value: "embarkAsset", key: "lift.form.embarkAsset" },
  { value: "disembarkAsset", key: "lift.form.disembarkAsset" },
] as const;
const NEEDS: Record<string, string[]> = {
  deployAsset: ["asset", "destination", "mission"],
  prepositionAsset: ["asset", "destination"],
  recallAsset: ["asset", "destination"],
  setMission: ["asset", "mission"],
  setPolicy: ["policy"],
  fundCapacityBuilding: ["partner"],
  transferAuthority: ["asset", "caveats"],
  revokeAuthority: ["asset"],
  embarkAsset: ["asset", "carrier"],
  disembarkAsset: ["asset", "landAt"],
};
const UNCHANGED = { value: "", key: "panels.orderForm.unchanged" } as const;

/** Drafting one order for the team: the fields follow the kind of order chosen. */
export function orderForm(getCtx: () => GameContext): {
  element: HTMLElement;
  update(ctx: GameContext): void;
  prefill(values: { asset?: string; destination?: string; kind?: string }): void;
} {
  const w = panelWords();
  // Made again only when what they list changed (ui/memo.ts): the white cell lists 5,000 assets.
  const assetOptions = lastResult(
    (c: GameContext) => [...nameInputs(c.state), c.viewNation, c.state.allianceCommander],
    (c: GameContext) =>
      // Our own assets, and those of allies under alliance command when we are the commander.
      Object.values(c.perspective?.assets ?? {})
        .filter(
          (a): a is OwnAsset =>
            !a.foreign && (a.owner === c.viewNation || (a.authority && c.state.allianceCommander === c.viewNation) || c.viewNation === null),
        )
        .map((a) => ({ value: a.id, label: assetOption(c, a) })),
  );
  const regionOptions = lastResult(
    (c: GameContext) => [lang(), c.state.scenario],
    (c: GameContext) => c.state.scenario.regions.map((r) => ({ value: r.id, label: regionName(c.state, r.id) })),
  );
  const destinationOptions = lastResult(
    (c: GameContext) => [lang(), c.state.scenario],
    (c: GameContext) =>
      c.state.scenario.regions.map((r) => ({
        value: r.id,
        label: t("panels.orderForm.regionOption", { name: regionName(c.state, r.id), kind: term("regionKind", r.kind) }),
      })),
  );
  const kind = w.select("kind", KINDS);
  const asset = h("select", { name: "asset" });
  const destination = h("select", { name: "destination" });
  const mission = h("select", { name: "mission" });
  const alert = w.terms("alertLevel", "alertLevel", ALERT_LEVELS, UNCHANGED);
  const roe = w.terms("rulesOfEngagement", "rulesOfEngagement", ROE_LEVELS, UNCHANGED);
  const stance = w.terms("publicStance", "publicStance", STANCES, UNCHANGED);
  // What each choice costs and gives, from the scenario's numbers (policy-hints.ts).
  const ctxOrNull = () => getCtx() as GameContext | null;
  const hints = [
    policyHints("alertLevel", alert, ALERT_LEVELS, ctxOrNull),
    policyHints("rulesOfEngagement", roe, ROE_LEVELS, ctxOrNull),
    policyHints("publicStance", stance, STANCES, ctxOrNull),
  ];
  const sharingPartner = h("select", { name: "sharingPartner" });
  const sharingLevel = w.terms("sharingLevel", "sharingPolicy", ["none", "need-to-know", "full"], UNCHANGED);
  const partner = h("select", { name: "partner" });
  const amount = h("input", { type: "number", name: "amount", min: "1", max: "10000", value: "10", inputmode: "numeric" });
  const caveats = caveatFields(w);
  /** Who orders the forces under alliance command: the team that is commander finds allies' assets in its list. */
  const commanderLine = h("p", { class: "commander-line muted" });
  const carrier = h("select", { name: "carrier" });
  const landAt = h("select", { name: "landAt" });

  const groups: Record<string, HTMLElement> = {
    asset: w.field("panels.orderForm.asset", asset),
    destination: w.field("panels.orderForm.destination", destination),
    mission: w.field("panels.orderForm.mission", mission),
    policy: h(
      "fieldset",
      { class: "field" },
      w.text(h("legend"), "panels.orderForm.policies"),
      w.text(h("p", { class: "hint" }), "policies.form.explainer"),
      w.field("panels.nation.alertLevel", alert),
      hints[0]!.element,
      w.field("panels.nation.roe", roe),
      hints[1]!.element,
      w.field("panels.nation.stance", stance),
      hints[2]!.element,
      w.text(h("p", { class: "hint" }), "policies.form.note"),
      w.field("panels.orderForm.sharingWith", sharingPartner),
      w.field("panels.orderForm.sharingLevel", sharingLevel),
    ),
    partner: h("div", {}, w.field("panels.orderForm.partner", partner), w.field("panels.orderForm.amount", amount)),
    caveats: caveats.element,
    carrier: w.field("lift.form.carrier", carrier),
    landAt: w.field("lift.form.landAt", landAt),
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
    setOptions(
      mission,
      (type?.missions ?? []).map((m) => ({ value: m, label: term("mission", m) })),
      type ? undefined : t("panels.orderForm.assetFirst"),
    );
    caveats.missions.set((type?.missions ?? []).map((m) => ({ value: m, label: term("mission", m) })));
    updateLift(ctx);
  };
  /** The carriers that could take the chosen unit, and where its carrier can land it. */
  const updateLift = (ctx: GameContext) => {
    const carriers = asset.value ? carriersFor(ctx.state, asset.value) : [];
    setOptions(
      carrier,
      carriers.map((c) => ({
        value: c.id,
        label: t("lift.form.carrierOption", {
          carrier: assetName(ctx.state, c.id),
          region: regionName(ctx.state, c.region),
          aboard: aboardOf(ctx.state, c.id).length,
          capacity: assetType(ctx.state, c)?.lift?.capacity ?? 0,
        }),
      })),
      !asset.value ? t("panels.orderForm.assetFirst") : carriers.length ? t("lift.form.chooseCarrier") : t("lift.form.noCarrier"),
    );
    setOptions(
      landAt,
      (asset.value ? landingOptions(ctx.state, asset.value) : []).map((id) => ({ value: id, label: regionName(ctx.state, id) })),
      t("lift.form.landHere"),
    );
  };
  kind.addEventListener("change", showFields);
  asset.addEventListener("change", updateMissions);

  const form = w.form({
    label: "panels.orderForm.heading",
    submit: "panels.orderForm.submit",
    success: "panels.orderForm.success",
    send: (c) => getCtx().send(c),
    children: [w.text(h("h3"), "panels.orderForm.heading"), commanderLine, w.field("panels.orderForm.kind", kind), ...Object.values(groups)],
    // A drafted order leaves a blank form: the next order (next turn's too) starts from nothing,
    // not from the last one's "robust ROE / 40 to capacity building". The kind stays chosen.
    reset: () => {
      for (const control of [asset, destination, mission, alert, roe, stance, sharingPartner, sharingLevel, partner, carrier, landAt]) control.value = "";
      amount.value = "10";
      caveats.missions.clear();
      caveats.regions.clear();
      updateMissions();
      for (const hint of hints) hint.update();
    },
    build: () => {
      const k = kind.value;
      if (NEEDS[k]!.includes("asset") && !asset.value) return t("panels.orderForm.error.asset");
      if (NEEDS[k]!.includes("destination") && !destination.value) return t("panels.orderForm.error.destination");
      if (NEEDS[k]!.includes("mission") && !mission.value) return t("panels.orderForm.error.mission");
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
          if (Object.keys(order).length === 1) return t("panels.orderForm.error.policy");
          return { type: "draftOrder", order };
        }
        case "embarkAsset":
          if (!carrier.value) return t("lift.form.error.carrier");
          return { type: "draftOrder", order: { kind: k, asset: asset.value, carrier: carrier.value } };
        case "disembarkAsset":
          return { type: "draftOrder", order: { kind: k, asset: asset.value, ...(landAt.value ? { destination: landAt.value } : {}) } };
        case "fundCapacityBuilding":
          if (!partner.value) return t("panels.orderForm.error.partner");
          if (!(Number(amount.value) >= 1)) return t("panels.orderForm.error.amount");
          return { type: "draftOrder", order: { kind: k, partner: partner.value, amount: Math.round(Number(amount.value)) } };
        case "transferAuthority":
          return { type: "draftOrder", order: { kind: k, asset: asset.value, ...caveats.values() } };
        case "revokeAuthority":
          return { type: "draftOrder", order: { kind: k, asset: asset.value } };
        default:
          return t("panels.orderForm.error.kind");
      }
    },
  });
  showFields();

  return {
    element: form,
    update(ctx) {
      w.refresh();
      const commander = ctx.state.allianceCommander;
      setText(commanderLine, commander ? t("toa.commander.current", { nation: nationName(ctx.state, commander) }) : t("toa.commander.none"));
      setOptions(asset, assetOptions(ctx), t("panels.orderForm.chooseAsset"));
      caveats.regions.set(regionOptions(ctx));
      setOptions(destination, destinationOptions(ctx), t("panels.common.chooseRegion"));
      const others = otherNations(ctx.state, ctx.viewNation);
      setOptions(sharingPartner, others, t("panels.orderForm.noChange"));
      setOptions(partner, others, t("panels.common.chooseNation"));
      for (const hint of hints) hint.update();
      updateMissions();
    },
    prefill(values) {
      if (values.kind) kind.value = values.kind;
      showFields();
      if (values.asset) asset.value = values.asset;
      if (values.destination) destination.value = values.destination;
      updateMissions();
      const next = kind.value === "embarkAsset" ? carrier : kind.value === "disembarkAsset" ? landAt : destination;
      (values.asset ? next : asset).focus();
    },
  };
}
