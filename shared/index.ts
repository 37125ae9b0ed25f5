/** The public surface of shared/: schemas, protocol and the pure rules engine. */
export * from "./scenario/schema.ts";
export * from "./scenario/effects.ts";
export * from "./scenario/conditions.ts";
export * from "./scenario/rules.ts";
export * from "./state/schema.ts";
export * from "./protocol/commands.ts";
export * from "./protocol/events.ts";
export * from "./protocol/rejections.ts";
export { decide, type Decision } from "./engine/decide.ts";
export { evolve, foldEvents, stamp } from "./engine/evolve.ts";
export { initialState } from "./engine/initial-state.ts";
export { resolveTurn } from "./engine/resolve-turn.ts";
export {
  viewFor,
  scenarioTime,
  type View,
  type Viewer,
  type AssetView,
  type NationView,
  type InjectView,
  type PublicNation,
  type ForeignAssetView,
} from "./engine/view-for.ts";
export { cohesion, metricsSnapshot, type MetricsSnapshot } from "./engine/metrics.ts";
export { channelFor, channelMembers, channelsOf } from "./engine/channels.ts";
