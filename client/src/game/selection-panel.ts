import { h, setOptions, fill } from "../ui/html.ts";
import { statusLine } from "../ui/form.ts";
import type { GameContext } from "./context.ts";
import { nationName, regionName, assetType, categoryLabel } from "./names.ts";
import type { ClientAsset } from "../state/client-state.ts";

/**
 * Details of what is selected on the map, and a region list so that keyboard and screen-reader
 * users can select without the canvas. Also the place to ping a region for team-mates.
 */
export function selectionPanel(): { element: HTMLElement; update(ctx: GameContext): void } {
  const picker = h("select", { id: "region-picker", "aria-label": "Select a region" });
  const body = h("div", { class: "selection-body", "aria-live": "polite" });
  const status = statusLine();
  const element = h(
    "section",
    { class: "selection", "aria-labelledby": "selection-title" },
    h("div", { class: "selection-head" }, h("h2", { id: "selection-title" }, "Selection"), h("label", { for: "region-picker", class: "inline-label" }, "Region"), picker),
    body,
    status.element,
  );
  let ctx: GameContext | null = null;
  picker.addEventListener("change", () => ctx?.bus.select(picker.value ? { kind: "region", id: picker.value } : null));
  let lastSig = "";

  return {
    element,
    update(next) {
      ctx = next;
      const { state } = next;
      setOptions(picker, state.scenario.regions.map((r) => ({ value: r.id, label: r.name })), "— choose —");
      const sel = next.bus.selection();
      picker.value = sel?.kind === "region" ? sel.id : sel?.kind === "asset" ? (next.perspective?.assets[sel.id]?.region ?? "") : "";
      const sig = JSON.stringify([sel, sel?.kind === "region" ? [state.regions[sel.id], assetsIn(next, sel.id)] : sel ? next.perspective?.assets[sel.id] : null, next.canAct, state.turn]);
      if (sig === lastSig) return;
      lastSig = sig;
      if (!sel) return void fill(body, h("p", { class: "muted" }, "Click a region or an asset on the map (drag to pan, wheel or the + and − buttons to zoom), or choose a region above."));
      if (sel.kind === "region") fill(body, regionDetails(next, sel.id, status));
      else {
        const asset = next.perspective?.assets[sel.id];
        fill(body, asset ? assetDetails(next, asset) : h("p", {}, "That asset is no longer in view."));
      }
    },
  };
}

function assetsIn(ctx: GameContext, region: string): ClientAsset[] {
  return Object.values(ctx.perspective?.assets ?? {}).filter((a) => a.region === region);
}

function regionDetails(ctx: GameContext, id: string, status: ReturnType<typeof statusLine>): HTMLElement {
  const { state } = ctx;
  const spec = state.scenario.regions.find((r) => r.id === id)!;
  const live = state.regions[id];
  const assets = assetsIn(ctx, id);
  return h(
    "div",
    { class: "details" },
    h("h3", {}, spec.name),
    h(
      "dl",
      {},
      h("dt", {}, "Kind"), h("dd", {}, `${spec.kind}${spec.terrain && spec.terrain !== "plain" ? `, ${spec.terrain}` : ""}`),
      h("dt", {}, "Owner"), h("dd", {}, live?.owner ? nationName(state, live.owner) : "none (international)"),
      h("dt", {}, "Stability"), h("dd", {}, `${Math.round(live?.stability ?? 0)} / 100`),
      h("dt", {}, "Crisis"), h("dd", {}, live?.crisis ? `${live.crisis.kind}, severity ${Math.round(live.crisis.severity)}` : "none"),
      h("dt", {}, "Borders"), h("dd", {}, spec.adjacent.map((a) => regionName(state, a)).join(", ")),
    ),
    h("h4", {}, "Assets here"),
    assets.length ? h("ul", {}, ...assets.map((a) => h("li", {}, h("button", { type: "button", class: "link", onclick: () => ctx.bus.select({ kind: "asset", id: a.id }) }, assetLine(ctx, a))))) : h("p", { class: "muted" }, ctx.viewNation ? "None known to your nation." : "None."),
    ctx.canAct
      ? h(
          "div",
          { class: "actions" },
          h("button", { type: "button", onclick: () => ctx.bus.prefillOrder({ destination: id, kind: "deployAsset" }) }, "Plan an order here"),
          h("button", { type: "button", onclick: async () => status.show(await ctx.send({ type: "pingRegion", region: id }), `Pinged ${spec.name} for your team.`) }, "Ping region"),
        )
      : null,
  );
}

function assetLine(ctx: GameContext, a: ClientAsset): string {
  const type = assetType(ctx.state, a);
  return `${categoryLabel(type?.category)} ${a.name} (${nationName(ctx.state, a.owner)})${a.foreign ? `, last seen turn ${a.lastSeenTurn}` : `, ${a.status}`}`;
}

function assetDetails(ctx: GameContext, a: ClientAsset): HTMLElement {
  const { state } = ctx;
  const type = assetType(state, a);
  const rows: [string, string][] = [
    ["Type", `${type?.name ?? a.type} (${type?.category ?? "?"})`],
    ["Owner", nationName(state, a.owner)],
    ["Location", regionName(state, a.region)],
  ];
  if (a.foreign) rows.push(["Last seen", `turn ${a.lastSeenTurn}: status and strength unknown`]);
  else {
    rows.push(["Status", `${a.status}${a.prepositioned ? ", pre-positioned" : ""}`], ["Strength", `${Math.round(a.strength)} / 100`], ["Mission", a.mission ?? "none"]);
    if (a.destination) rows.push([movingLabel(a.intent), `${regionName(state, a.destination)}, ETA turn ${a.eta ?? "?"} (via ${a.route.map((r) => regionName(state, r)).join(" → ")})`]);
    if (type) rows.push(["Can fly", type.missions.join(", ")], ["Speed", `${type.speed} region(s) a turn, ${type.domain}`]);
  }
  const mine = !a.foreign && a.owner === ctx.welcome.nation;
  return h(
    "div",
    { class: "details" },
    h("h3", {}, a.name),
    h("dl", {}, ...rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    ctx.canAct && mine ? h("div", { class: "actions" }, h("button", { type: "button", onclick: () => ctx.bus.prefillOrder({ asset: a.id, kind: "deployAsset" }) }, "Order this asset")) : null,
    h("button", { type: "button", class: "link", onclick: () => ctx.bus.select({ kind: "region", id: a.region }) }, `Show ${regionName(state, a.region)}`),
  );
}

/** Why it moves, as the order that sent it said. */
function movingLabel(intent: "deploy" | "preposition" | "recall" | null): string {
  return intent === "deploy" ? "Deploying to" : intent === "preposition" ? "Pre-positioning to" : intent === "recall" ? "Returning to" : "Moving to";
}
