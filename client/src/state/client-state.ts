import type { ObjectiveState, AssetState, NationState, NationControl } from "../../../shared/state/schema.ts";
import type { InjectView, ForeignAssetView, PublicNation, View } from "../../../shared/engine/view-for.ts";
import type { FeedItem } from "../../../shared/view/feed.ts";
import type { TurnSummary } from "../../../shared/view/turn-summary.ts";
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

/** A nation as everyone sees it, plus how many of its seats are online and who plays it (absent: its people, or exercise control for a non-playable one). */
export type PublicNationRow = PublicNation & { online: number; control?: NationControl };

/** A nation's own books (only in its own perspective, or the white cell's). */
export type PrivateNation = Pick<NationState, "id" | "budget" | "budgetPerTurn" | "politicalCapital" | "readiness" | "committedBy"> & {
  policies: NationState["policies"];
};

/** Own assets travel without the engine's bookkeeping (arrival turn). */
export type OwnAsset = Omit<AssetState, "arrivedTurn"> & { foreign: false };
export type ClientAsset = OwnAsset | ForeignAssetView;

export type Seat = { id: string; name: string; nation: string | null; role: string; online: boolean };
export type Objective = ObjectiveState & { title: string; nation: string | null };

/** One viewer's perspective: a nation id or "white" (exercise control and observers). */
export type Perspective = Pick<
  View,
  | "relations"
  | "reports"
  | "agreements"
  | "consentRequests"
  | "infoRequests"
  | "drafts"
  | "messages"
  | "injects"
  | "objectives"
  | "notes"
  | "playbookQueue"
  | "controlLog"
  | "evaluationGuide"
  | "observations"
  | "capabilityRatings"
  | "feedbackAnswered"
  | "feedbackObjectives"
> & {
  key: string;
  nations: Record<string, PrivateNation>;
  assets: Record<string, ClientAsset>;
  feed: FeedItem[];
  /** The team's turn cards, newest first (exercise control: every team's). */
  turns: TurnSummary[];
  seats: Seat[];
};

/** The public part of the shared View (deadline: epoch ms when the planning timer runs out, or null). */
export type ClientState = Pick<
  View,
  | "exerciseId"
  | "title"
  | "phase"
  | "turn"
  | "turns"
  | "seq"
  | "deadline"
  | "pausedRemainingMs"
  | "turnSeconds"
  | "scenarioTime"
  | "cohesion"
  | "tension"
  | "tensionReasons"
  | "regions"
  | "allianceCommander"
> & {
  scenario: PublicScenario;
  nations: Record<string, PublicNationRow>;
  perspective: Perspective | null;
};

export type Welcome = {
  seat: string;
  seatId: string;
  role: "participant" | "facilitator" | "observer" | "roleplayer" | "evaluator" | "controller";
  nation: string | null;
  name: string;
  exerciseId: string;
  perspective: string;
  /** A role-player's persona; a controller's or an evaluator's nations (null: all); the lead evaluator. */
  persona?: string;
  nations?: string[] | null;
  lead?: boolean;
};
