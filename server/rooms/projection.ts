import type { ChatWindow, ExerciseState, Message, NationState } from "../../shared/state/schema.ts";
import {
  scopeOf,
  viewParts,
  viewPartInputs,
  viewPartViewerInputs,
  messageFilter,
  type AssetView,
  type Scope,
  type Viewer,
} from "../../shared/engine/view-for.ts";
import type { FeedItem } from "../../shared/view/feed.ts";
import type { TurnSummary } from "../../shared/view/turn-summary.ts";
import { NationPrivateSchema, AssetSchema, RelationSchema, SeatSchema, DraftSchema, type PerspectiveSchema } from "./room-state.ts";
import { writeDraft } from "./draft-encoding.ts";
import { assign, syncMap, syncDocs, setDoc, syncFeedTail, writes, type Assignable } from "./schema-writes.ts";
import { InjectsChanges } from "./injects-changes.ts";
import { AssetsChanges } from "./assets-changes.ts";

const NO_CHAT: Readonly<Record<string, ChatWindow>> = Object.freeze({});

/** A live seat as the roster shows it. The key is a public id, never the seat token. */
export type RosterSeat = { id: string; name: string; nation: string | null; role: string; online: boolean };

/** Something the room keeps outside the exercise state (feed, roster), with a change counter. */
export type Versioned<T> = { version: number; value: () => T };

type Part = keyof typeof viewParts;
const PARTS = Object.keys(viewParts) as Part[];

/**
 * Each part's inputs (viewPartInputs) for one state, worked out once for all the perspectives
 * projected from it (they are the same state fields for every viewer), instead of once each.
 */
const inputsOf = new WeakMap<ExerciseState, (readonly unknown[])[]>();
function partInputs(state: ExerciseState): (readonly unknown[])[] {
  let inputs = inputsOf.get(state);
  if (inputs === undefined) inputsOf.set(state, (inputs = PARTS.map((part) => viewPartInputs[part](state))));
  return inputs;
}
const sameInputs = (last: readonly unknown[] | undefined, inputs: readonly unknown[]): boolean => {
  if (last === undefined || last.length !== inputs.length) return false;
  for (let i = 0; i < inputs.length; i++) if (last[i] !== inputs[i]) return false;
  return true;
};

/**
 * Keeps one perspective equal to `viewFor(state, viewer)` (plus the viewer's feed and roster),
 * touching only what changed: a part of the view is recomputed only when the state fields it
 * reads (`viewPartInputs`) are new objects, and messages, which are only ever appended, are
 * added as they come. So a command costs the same at the first turn and after ten thousand
 * chat messages.
 */
export class PerspectiveProjection {
  private readonly target: PerspectiveSchema;
  private readonly viewer: Viewer;
  private readonly scope: Scope;
  private inputs = new Map<Part, readonly unknown[]>();
  /** What each part last read that is this viewer's own (viewPartViewerInputs). */
  private viewerInputs = new Map<Part, unknown>();
  /** The chat last written, and the channel set it was judged by. */
  private messages: { channels: string; chat: unknown; nations: unknown } = { channels: "", chat: null, nations: null };
  /** Each readable channel's window as last written. */
  private windows = new Map<string, ChatWindow>();
  private feedVersion = -1;
  private turnsVersion = -1;
  private seatsVersion = -1;
  /** The injects and assets parts from the entries that changed (injects-changes.ts, assets-changes.ts). */
  private readonly injectsChanges: InjectsChanges;
  private readonly assetsChanges: AssetsChanges;

  constructor(target: PerspectiveSchema, viewer: Viewer) {
    this.target = target;
    this.viewer = viewer;
    this.scope = scopeOf(viewer);
    this.injectsChanges = new InjectsChanges(this.scope);
    this.assetsChanges = new AssetsChanges(this.scope);
  }

  /** The next update writes everything again (after the state was replaced wholesale). */
  forget(): void {
    this.inputs = new Map();
    this.viewerInputs = new Map();
    this.messages = { channels: "", chat: null, nations: null };
    this.windows = new Map();
    this.feedVersion = -1;
    this.turnsVersion = -1;
    this.seatsVersion = -1;
    this.injectsChanges.forget();
    this.assetsChanges.forget();
  }

  update(state: ExerciseState, feed: Versioned<readonly FeedItem[]>, seats: Versioned<readonly RosterSeat[]>, turns?: Versioned<readonly TurnSummary[]>): void {
    writes.touched = false;
    const all = partInputs(state);
    for (let i = 0; i < PARTS.length; i++) {
      const part = PARTS[i]!;
      const inputs = all[i]!;
      const viewerInput = viewPartViewerInputs[part]?.(state, this.scope);
      if (sameInputs(this.inputs.get(part), inputs) && this.viewerInputs.get(part) === viewerInput) continue;
      this.inputs.set(part, inputs);
      this.viewerInputs.set(part, viewerInput);
      this.write(part, state);
    }
    this.syncMessages(state);
    if (feed.version !== this.feedVersion) {
      const whole = this.feedVersion === -1;
      this.feedVersion = feed.version;
      if (whole) syncDocs(this.target.feed, Object.fromEntries(feed.value().map((item) => [String(item.seq), item])));
      else syncFeedTail(this.target.feed, feed.value());
    }
    if (turns && turns.version !== this.turnsVersion) {
      this.turnsVersion = turns.version;
      syncDocs(this.target.turns, Object.fromEntries(turns.value().map((card) => [`${card.turn}:${card.nation}`, card])));
    }
    if (seats.version !== this.seatsVersion) {
      this.seatsVersion = seats.version;
      syncMap(
        this.target.seats,
        Object.fromEntries(seats.value().map((s) => [s.id, s])),
        () => new SeatSchema(),
        (target, s) => assign(target as unknown as Assignable, { name: s.name, nation: s.nation ?? "", role: s.role, online: s.online }),
      );
    }
    // The event this view last changed at; with the public `seq`, the client's "what I see reflects event N".
    if (writes.touched) this.target.seq = state.seq;
  }

  private write(part: Part, state: ExerciseState): void {
    const p = this.target;
    switch (part) {
      case "nations": {
        const privateNations: Record<string, NationState> = {};
        for (const [id, nation] of Object.entries(viewParts.nations(state, this.scope))) if ("budget" in nation) privateNations[id] = nation;
        return void syncMap(
          p.nations,
          privateNations,
          () => new NationPrivateSchema(),
          (target, n) =>
            assign(target as unknown as Assignable, {
              id: n.id,
              budget: n.budget,
              budgetPerTurn: n.budgetPerTurn,
              politicalCapital: n.politicalCapital,
              readiness: n.readiness,
              alertLevel: n.policies.alertLevel,
              rulesOfEngagement: n.policies.rulesOfEngagement,
              publicStance: n.policies.publicStance,
              intelSharing: JSON.stringify(n.policies.intelSharing),
              committedBy: n.committedBy ?? "",
            }),
        );
      }
      case "assets": {
        const changes = this.assetsChanges.next(state);
        if (changes === null) return void syncMap(p.assets, viewParts.assets(state, this.scope), () => new AssetSchema(), writeAsset);
        for (const [id, view] of changes) {
          const target = p.assets.get(id);
          if (view && target) writeAsset(target, view);
          else if (view) {
            const created = new AssetSchema();
            writeAsset(created, view);
            p.assets.set(id, created);
            writes.touched = true;
          } else if (target) p.assets.delete(id), (writes.touched = true);
        }
        return;
      }
      case "drafts":
        return void syncMap(
          p.drafts,
          viewParts.drafts(state, this.scope),
          () => new DraftSchema(),
          (target, draft) => void (writeDraft(target, draft) && (writes.touched = true)),
        );
      case "relations":
        return void syncMap(
          p.relations,
          viewParts.relations(state, this.scope),
          () => new RelationSchema(),
          (target, r) => assign(target as unknown as Assignable, { trust: r.trust, interoperability: r.interoperability }),
        );
      case "injects": {
        const changes = this.injectsChanges.next(state);
        if (changes === null) return void syncDocs(p.injects, viewParts.injects(state, this.scope));
        for (const [id, view] of changes) {
          if (view) setDoc(p.injects, id, view);
          else if (p.injects.has(id)) p.injects.delete(id), (writes.touched = true);
        }
        return;
      }
      default:
        return void syncDocs(p[part], viewParts[part](state, this.scope) as Record<string, object>);
    }
  }

  /**
   * The last LIVE_MESSAGES_PER_CHANNEL (shared/view/chat-window.ts) messages of each channel the viewer reads: the state's
   * windows (ExerciseState.chat). Only the channels whose window changed are looked at, and in
   * them only what came in and what went out.
   */
  private syncMessages(state: ExerciseState): void {
    const chat = state.chat ?? NO_CHAT;
    // Most commands add no message: nothing to look at.
    if (chat === this.messages.chat && state.nations === this.messages.nations) return;
    const filter = messageFilter(state, this.viewer);
    if (filter.key !== this.messages.channels) {
      // New channels (an alliance joined) may reveal old messages: every window again.
      const live: Record<string, Message> = {};
      this.windows = new Map();
      for (const [channel, window] of Object.entries(chat)) {
        if (!filter.reads(channel)) continue;
        this.windows.set(channel, window);
        for (const message of window.recent) live[message.id] = message;
      }
      syncDocs(this.target.messages, live);
    } else {
      for (const [channel, window] of Object.entries(chat)) {
        const before = this.windows.get(channel);
        if (before === window || !filter.reads(channel)) continue;
        // A window only gains at its end and loses at its start (appendToWindow).
        const added = Math.min(window.recent.length, window.count - (before?.count ?? 0));
        const dropped = (before?.recent.length ?? 0) + added - window.recent.length;
        for (let i = 0; i < dropped; i++) if (this.target.messages.delete(before!.recent[i]!.id)) writes.touched = true;
        for (let i = window.recent.length - added; i < window.recent.length; i++) {
          const message = window.recent[i]!;
          setDoc(this.target.messages, message.id, message);
        }
        this.windows.set(channel, window);
      }
    }
    this.messages = { channels: filter.key, chat, nations: state.nations };
  }
}

/**
 * The view each asset's schema last took: an asset whose view is the same object (its state
 * entry, or a foreign one's memoized view) is not compared field by field again. A resolution
 * on the full map re-projects 5,000 assets for each of 13 perspectives (#23).
 */
const writtenAssets = new WeakMap<object, AssetView>();
function writeAsset(target: object, asset: AssetView): void {
  if (writtenAssets.get(target) === asset) return;
  assign(target as unknown as Assignable, assetFields(asset));
  writtenAssets.set(target, asset);
}

function assetFields(asset: AssetView): Assignable {
  if (asset.foreign) {
    return {
      id: asset.id,
      name: asset.name,
      type: asset.type,
      owner: asset.owner,
      region: asset.region,
      status: "unknown",
      strength: 0,
      mission: "",
      destination: "",
      route: "",
      eta: 0,
      prepositioned: false,
      intent: "",
      foreign: true,
      lastSeenTurn: asset.lastSeenTurn,
      embarkedOn: "",
      names: asset.i18n ? JSON.stringify(asset.i18n) : "",
      authority: "",
      seen: asset.seen ? JSON.stringify(asset.seen) : "",
    };
  }
  return {
    id: asset.id,
    name: asset.name,
    type: asset.type,
    owner: asset.owner,
    region: asset.region,
    status: asset.status,
    strength: asset.strength,
    mission: asset.mission ?? "",
    destination: asset.destination ?? "",
    route: asset.route.join(","),
    eta: asset.eta ?? 0,
    prepositioned: asset.prepositioned,
    intent: asset.intent ?? "",
    foreign: false,
    lastSeenTurn: 0,
    embarkedOn: asset.embarkedOn ?? "",
    names: asset.i18n ? JSON.stringify(asset.i18n) : "",
    authority: asset.authority ? JSON.stringify(asset.authority) : "",
    seen: "",
  };
}
