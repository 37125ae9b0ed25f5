import type { MapModel } from "./map-bridge.ts";

/**
 * Everything the painters read from a model, as one string: two models with the same signature
 * draw the same map. The page pushes a model on every state patch (a chat line, a seat coming
 * online, a timer), and repainting 40 regions and 300 tokens for those is a visible hitch.
 */
export function drawnSignature(model: MapModel, regions = valuesSignature(model)): string {
  const { state } = model;
  const assets = state.perspective?.assets;
  return `${regions}\n${assets ? jsonOnce(assets) : "null"}\n${JSON.stringify([
    model.selection,
    Object.values(state.perspective?.drafts ?? {}).map((d) => [d.id, d.as ?? "", d.plan?.route ?? null, d.plan?.eta ?? null]),
  ])}`;
}

/**
 * The JSON of a record the client state keeps while a patch leaves it alone (read-state.ts
 * `keepSame`): the 5,000 units of exercise control's map were written out again for every new
 * model (a chat line, a tab shown: ~6 ms each); now once per record.
 */
const written = new WeakMap<object, string>();
function jsonOnce(record: object): string {
  let json = written.get(record);
  if (json === undefined) written.set(record, (json = JSON.stringify(record)));
  return json;
}

/**
 * What the regions' ground picture reads (region-painter.ts): the regions and their owners, the
 * nations' names and colours, a selected region, and, through a nation's eyes, where its own
 * forces stand (no hatching there). A unit moving between two of its own regions, a draft or a
 * unit selected change the tokens and routes, not this: the picture (a thousand words on a large
 * map) stays; a region's stability or crisis changes the values over it (valuesSignature) only.
 */
export function regionsSignature({ state, viewNation, selection, lang }: MapModel): string {
  const nations = Object.values(state.nations).map((n) => [n.id, n.name, n.color]);
  const present = new Set<string>();
  if (viewNation) for (const asset of Object.values(state.perspective?.assets ?? {})) if (!asset.foreign) present.add(asset.region);
  return JSON.stringify([
    lang ?? "",
    state.scenario.id,
    state.scenario.regions.length,
    viewNation,
    selection?.kind === "region" ? selection.id : null,
    nations,
    Object.values(state.regions).map((r) => [r.id, r.owner]),
    [...present].sort(),
  ]);
}

/**
 * What the values over the ground read (stability bars and numbers, crisis marks): the ground's
 * signature (they stand by its names) and each region's rounded stability and crisis.
 */
export function valuesSignature(model: MapModel, ground = regionsSignature(model)): string {
  const values = Object.values(model.state.regions).map((r) => [r.id, Math.round(r.stability), r.crisis ? [r.crisis.kind, r.crisis.severity] : null]);
  return `${ground}\n${JSON.stringify(values)}`;
}
