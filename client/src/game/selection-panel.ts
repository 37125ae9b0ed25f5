import { h, setOptions, fill, setText } from "../ui/html.ts";
import { statusLine } from "../ui/form.ts";
import type { GameContext } from "./context.ts";
import { nationName, regionName, assetType, assetName, assetTypeName, categoryLabel, crisisName, term } from "./names.ts";
import type { ClientAsset, OwnAsset } from "../state/client-state.ts";
import { aboardOf, carrierOf, carriersFor, liftOf } from "./lift.ts";
import { t, lang } from "../i18n.ts";
import { listIn, type MessageKey } from "../../../shared/i18n/index.ts";

/**
 * Details of what is selected on the map, and a region list so that keyboard and screen-reader
 * users can select without the canvas. Also the place to ping a region for team-mates.
 */
export function selectionPanel(): { element: HTMLElement; update(ctx: GameContext): void } {
  const picker = h("select", { id: "region-picker" });
  const body = h("div", { class: "selection-body", "aria-live": "polite" });
  const status = statusLine();
  const heading = h("h2", { id: "selection-title" });
  const pickerLabel = h("label", { for: "region-picker", class: "inline-label" });
  const element = h(
    "section",
    { class: "selection", "aria-labelledby": "selection-title" },
    h("div", { class: "selection-head" }, heading, pickerLabel, picker),
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
      setText(heading, t("game.selection.title"));
      setText(pickerLabel, t("game.selection.region"));
      picker.setAttribute("aria-label", t("game.selection.pick"));
      setOptions(
        picker,
        state.scenario.regions.map((r) => ({ value: r.id, label: regionName(state, r.id) })),
        t("game.selection.choose"),
      );
      const sel = next.bus.selection();
      picker.value = sel?.kind === "region" ? sel.id : sel?.kind === "asset" ? (next.perspective?.assets[sel.id]?.region ?? "") : "";
      const sig = JSON.stringify([
        lang(),
        sel,
        sel?.kind === "region" ? [state.regions[sel.id], assetsIn(next, sel.id)] : sel ? next.perspective?.assets[sel.id] : null,
        next.canAct,
        state.turn,
      ]);
      if (sig === lastSig) return;
      lastSig = sig;
      if (!sel) return void fill(body, h("p", { class: "muted" }, t("game.selection.hint")));
      if (sel.kind === "region") fill(body, regionDetails(next, sel.id, status));
      else {
        const asset = next.perspective?.assets[sel.id];
        fill(body, asset ? assetDetails(next, asset) : h("p", {}, t("game.selection.gone")));
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
  const name = regionName(state, id);
  const kind = term("regionKind", spec.kind);
  return h(
    "div",
    { class: "details" },
    h("h3", {}, name),
    h(
      "dl",
      {},
      h("dt", {}, t("game.selection.kind")),
      h("dd", {}, spec.terrain && spec.terrain !== "plain" ? t("game.selection.kindTerrain", { kind, terrain: spec.terrain.replace(/[-_]/g, " ") }) : kind),
      h("dt", {}, t("game.selection.owner")),
      h("dd", {}, live?.owner ? nationName(state, live.owner) : t("game.selection.international")),
      h("dt", {}, t("game.selection.stability")),
      h("dd", {}, t("game.selection.outOf100", { value: Math.round(live?.stability ?? 0) })),
      h("dt", {}, t("game.selection.crisis")),
      h(
        "dd",
        {},
        live?.crisis ? t("game.selection.crisisLine", { kind: crisisName(live.crisis.kind), severity: Math.round(live.crisis.severity) }) : t("game.none"),
      ),
      spec.kind === "land"
        ? [
            h("dt", {}, t("lift.selection.facilities")),
            h("dd", {}, t("lift.selection.facilitiesLine", { port: spec.port ? "yes" : "no", airfield: spec.airfield ? "yes" : "no" })),
          ]
        : null,
      h("dt", {}, t("game.selection.borders")),
      h(
        "dd",
        {},
        listIn(
          lang(),
          spec.adjacent.map((a) => regionName(state, a)),
        ),
      ),
    ),
    h("h4", {}, t("game.selection.assetsHere")),
    assets.length
      ? h(
          "ul",
          {},
          ...assets.map((a) =>
            h("li", {}, h("button", { type: "button", class: "link", onclick: () => ctx.bus.select({ kind: "asset", id: a.id }) }, assetLine(ctx, a))),
          ),
        )
      : h("p", { class: "muted" }, ctx.viewNation ? t("game.selection.noneKnown") : t("game.selection.noAssets")),
    ctx.canAct
      ? h(
          "div",
          { class: "actions" },
          h("button", { type: "button", onclick: () => ctx.bus.prefillOrder({ destination: id, kind: "deployAsset" }) }, t("game.selection.planHere")),
          h(
            "button",
            {
              type: "button",
              onclick: async () => status.show(await ctx.send({ type: "pingRegion", region: id }), t("game.selection.pinged", { region: name })),
            },
            t("game.selection.ping"),
          ),
        )
      : null,
  );
}

function assetLine(ctx: GameContext, a: ClientAsset): string {
  const type = assetType(ctx.state, a);
  const base = { category: categoryLabel(type?.category), name: assetName(ctx.state, a.id), owner: nationName(ctx.state, a.owner) };
  if (a.foreign) return t("game.selection.assetSeen", { ...base, turn: a.lastSeenTurn });
  const carrier = carrierOf(ctx.state, a);
  return t("game.selection.assetLine", {
    ...base,
    status: carrier ? t("lift.map.aboard", { carrier: assetName(ctx.state, carrier.id) }) : term("assetStatus", a.status),
  });
}

function assetDetails(ctx: GameContext, a: ClientAsset): HTMLElement {
  const { state } = ctx;
  const type = assetType(state, a);
  const rows: [string, string][] = [
    [
      t("game.selection.type"),
      type
        ? t("game.selection.typeLine", { type: assetTypeName(state, type.id), category: term("assetCategory", type.category) })
        : assetTypeName(state, a.type),
    ],
    [t("game.selection.owner"), nationName(state, a.owner)],
    [t("game.selection.location"), regionName(state, a.region)],
  ];
  if (a.foreign) rows.push([t("game.selection.lastSeen"), t("game.selection.lastSeenLine", { turn: a.lastSeenTurn })]);
  else {
    const status = term("assetStatus", a.status);
    rows.push(
      [t("game.selection.status"), a.prepositioned ? t("game.selection.statusPrepositioned", { status }) : status],
      [t("game.selection.strength"), t("game.selection.outOf100", { value: Math.round(a.strength) })],
      [t("game.selection.mission"), a.mission ? term("mission", a.mission) : t("game.none")],
    );
    if (a.authority) rows.push([t("toa.selection.command"), commandLine(ctx, a.authority)]);
    if (a.destination)
      rows.push([
        movingLabel(a.intent),
        t("game.selection.routeLine", {
          destination: regionName(state, a.destination),
          eta: a.eta ?? "?",
          route: a.route.map((r) => regionName(state, r)).join(" → "),
        }),
      ]);
    if (type)
      rows.push(
        [
          t(missionsLabel(type)),
          listIn(
            lang(),
            type.missions.map((m) => term("mission", m)),
          ),
        ],
        [t("game.selection.speed"), t("game.selection.speedLine", { speed: type.speed, domain: t(DOMAIN[type.domain] ?? "game.domain.any") })],
      );
    rows.push(...liftRows(ctx, a));
  }
  // Ours to order: our own asset, or an ally's under alliance command when we are the commander (docs/RULES.md).
  const mine = !a.foreign && (a.authority ? state.allianceCommander === ctx.welcome.nation : a.owner === ctx.welcome.nation);
  const aboard = Boolean(carrierOf(state, a));
  // Lift is national: the owner embarks its own units (not one under alliance command).
  const liftable = mine && !a.authority && !aboard && carriersFor(state, a.id).length > 0;
  return h(
    "div",
    { class: "details" },
    h("h3", {}, assetName(state, a.id)),
    h("dl", {}, ...rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    ctx.canAct && mine
      ? h(
          "div",
          { class: "actions" },
          aboard
            ? null
            : h("button", { type: "button", onclick: () => ctx.bus.prefillOrder({ asset: a.id, kind: "deployAsset" }) }, t("game.selection.orderAsset")),
          liftable
            ? h("button", { type: "button", onclick: () => ctx.bus.prefillOrder({ asset: a.id, kind: "embarkAsset" }) }, t("lift.form.embarkAsset"))
            : null,
          aboard
            ? h("button", { type: "button", onclick: () => ctx.bus.prefillOrder({ asset: a.id, kind: "disembarkAsset" }) }, t("lift.form.disembarkAsset"))
            : null,
        )
      : null,
    h(
      "button",
      { type: "button", class: "link", onclick: () => ctx.bus.select({ kind: "region", id: a.region }) },
      t("game.selection.show", { region: regionName(state, a.region) }),
    ),
  );
}

/** Who commands an asset under alliance command, and its owner's caveats. */
function commandLine(ctx: GameContext, authority: NonNullable<OwnAsset["authority"]>): string {
  const caveats = [
    ...authority.excludedMissions.map((m) => t("toa.caveat.mission", { mission: term("mission", m) })),
    ...authority.excludedRegions.map((r) => t("toa.caveat.region", { region: regionName(ctx.state, r) })),
  ];
  const commander = ctx.state.allianceCommander ? nationName(ctx.state, ctx.state.allianceCommander) : t("toa.console.nobody");
  return t("toa.selection.commandLine", {
    commander,
    caveats: caveats.length ? t("toa.caveat.list", { caveats: listIn(lang(), caveats) }) : t("toa.caveat.none"),
  });
}

/** Lift: the carrier a unit is aboard; what a carrier has aboard and its places. */
function liftRows(ctx: GameContext, a: ClientAsset): [string, string][] {
  const { state } = ctx;
  const carrier = carrierOf(state, a);
  const rows: [string, string][] = [];
  if (carrier)
    rows.push([
      t("lift.selection.aboard"),
      t("lift.form.carrierOption", {
        carrier: assetName(state, carrier.id),
        region: regionName(state, carrier.region),
        aboard: aboardOf(state, carrier.id).length,
        capacity: liftOf(state, carrier)?.capacity ?? 0,
      }),
    ]);
  const lift = liftOf(state, a);
  if (lift) {
    const units = aboardOf(state, a.id).map((u) => assetName(state, u.id));
    rows.push([
      t("lift.selection.carries"),
      `${units.length ? listIn(lang(), units) : t("game.none")} · ${t("lift.selection.capacity", { aboard: units.length, capacity: lift.capacity })}`,
    ]);
  }
  return rows;
}

/** "Missions it can fly" is for aircraft: ships sail theirs, land units carry theirs out. */
function missionsLabel(type: { category: string; domain: string }): MessageKey {
  if (type.domain === "sea") return "map.missions.sea";
  if (type.category === "air" || (type.category === "isr" && type.domain === "any")) return "map.missions.air";
  if (type.domain === "land") return "map.missions.land";
  return "map.missions.other";
}

const DOMAIN: Record<string, MessageKey> = { land: "game.domain.land", sea: "game.domain.sea", any: "game.domain.any" };

/** Why it moves, as the order that sent it said. */
function movingLabel(intent: "deploy" | "preposition" | "recall" | null): string {
  return intent === "deploy"
    ? t("game.selection.deployingTo")
    : intent === "preposition"
      ? t("game.selection.prepositioningTo")
      : intent === "recall"
        ? t("game.selection.returningTo")
        : t("game.selection.movingTo");
}
