import type { Phase, RegionState, ObjectiveState, AssetState, NationState } from "../../../shared/state/schema.ts";
import type { InjectView, ForeignAssetView, PublicNation, View } from "../../../shared/engine/view-for.ts";
import type { FeedItem } from "../../../shared/view/feed.ts";
import type { PublicScenario } from "../../../shared/view/public-scenario.ts";

/**
 * The decoded room state as plain, typed data: what the panels and the map render. It is the
 * shared `View` (shared/engine/view-for.ts) as it arrives over the wire, so the field types
 * are the shared ones wherever the wire keeps them whole.
 */
export type { PublicScenario, FeedItem, InjectView, ForeignAssetView };

export type ScenarioRegion = PublicScenario["regions"][number];
export type ScenarioNation = PublicScenario["nations"][number];
export type AssetType = PublicScenario["assetTypes"][number];

/** A nation as everyone sees it, plus how many of its seats are online. */
export type PublicNationRow = PublicNation & { online: number };

/** A nation's own books (only in its own perspective, or the white cell's). */
export type PrivateNation = Pick<NationState, "id" | "budget" | "budgetPerTurn" | "politicalCapital" | "readiness" | "committedBy"> & {
  policies: NationState["policies"];
};

/** Own assets travel without the engine's bookkeeping (intent, arrival turn). */
export type OwnAsset = Omit<AssetState, "intent" | "arrivedTurn"> & { foreign: false };
export type ClientAsset = OwnAsset | ForeignAssetView;

export type Seat = { id: string; name: string; nation: string | null; role: string; online: boolean };
export type Objective = ObjectiveState & { title: string; nation: string | null };

/** One viewer's perspective: a nation id or "white" (exercise control and observers). */
export type Perspective = Pick<View, "relations" | "reports" | "agreements" | "consentRequests" | "infoRequests" | "drafts" | "messages" | "injects" | "objectives" | "notes"> & {
  key: string;
  nations: Record<string, PrivateNation>;
  assets: Record<string, ClientAsset>;
  feed: FeedItem[];
  seats: Seat[];
};

export type ClientState = {
  exerciseId: string;
  title: string;
  scenario: PublicScenario;
  phase: Phase;
  turn: number;
  turns: number;
  seq: number;
  /** Epoch ms when the planning timer runs out; null when no timer runs. */
  deadline: number | null;
  pausedRemainingMs: number | null;
  turnSeconds: number;
  scenarioTime: string;
  cohesion: number;
  regions: Record<string, RegionState>;
  nations: Record<string, PublicNationRow>;
  perspective: Perspective | null;
};

export type Welcome = { seat: string; seatId: string; role: "participant" | "facilitator" | "observer"; nation: string | null; name: string; exerciseId: string; perspective: string };
