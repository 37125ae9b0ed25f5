import type { ClientState, Perspective, ClientAsset, PublicScenario, PublicNationRow, PrivateNation, Seat, FeedItem } from "./client-state.ts";
import type { TurnSummary } from "../../../shared/view/turn-summary.ts";
import type { SeenBy } from "../../../shared/engine/view-for.ts";
import type { Phase, RegionState, NationControl } from "../../../shared/state/schema.ts";
import type { Msg } from "../../../shared/i18n/message.ts";
import type { DraftView } from "../../../shared/engine/view-for.ts";
import { draftFromWire } from "../../../shared/view/draft-wire.ts";
import { keepSame, keepSameList, sameData } from "./keep-same.ts";

/**
 * Turns the decoded Colyseus state (schema objects) into a plain ClientState. It runs on every
 * state change: `toJSON()` of the whole state, then small conversions; JSON documents are parsed
 * once per distinct string. Given the state it read before, it keeps every record that is the
 * same as that state's (keep-same.ts), and every collection none of whose records changed: the
 * white cell's 5,000 assets are then the same object after a patch that moved none of them, and
 * a panel that lists them knows it has nothing to do.
 */
// biome-ignore lint/suspicious/noExplicitAny: the Colyseus state as toJSON() gives it, converted field by field below
type Json = Record<string, any>;

const parsed = new Map<string, unknown>();
/** The string each parsed document came from: the cache below is cleared now and then, a kept document is not. */
const sourceOf = new WeakMap<object, string>();
function parseDoc<T>(json: string, previous?: unknown): T {
  if (typeof previous === "object" && previous !== null && sourceOf.get(previous) === json) return previous as T;
  let value = parsed.get(json);
  if (value === undefined) {
    value = JSON.parse(json);
    if (parsed.size > 5000) parsed.clear();
    parsed.set(json, value);
    if (typeof value === "object" && value !== null) sourceOf.set(value, json);
  }
  return value as T;
}

function docs<T>(map: Json | undefined, previous?: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, json] of Object.entries(map ?? {})) if (typeof json === "string") out[key] = parseDoc<T>(json, previous?.[key]);
  // Documents are compared by identity: the same string gives the same object.
  return keepSame(previous, out, () => false);
}

/** The documents of a map as a list (the feed, the turn cards): a previous list's item is kept for the same string. */
function docList<T>(map: Json | undefined, previous?: readonly T[]): T[] {
  const kept = new Map<string | undefined, T>();
  for (const item of previous ?? []) if (typeof item === "object" && item !== null) kept.set(sourceOf.get(item), item);
  const out: T[] = [];
  for (const json of Object.values<unknown>(map ?? {})) if (typeof json === "string") out.push(kept.get(json) ?? parseDoc<T>(json));
  return out;
}

/** Drafts travel as flat schema fields (shared/view/draft-wire.ts), not JSON documents. */
function drafts(map: Json | undefined, previous?: Record<string, DraftView>): Record<string, DraftView> {
  const out: Record<string, DraftView> = {};
  for (const [key, wire] of Object.entries<Json>(map ?? {})) if (wire && typeof wire === "object") out[key] = draftFromWire(wire);
  return keepSame(previous, out);
}

type Authority = NonNullable<import("../../../shared/state/schema.ts").AssetState["authority"]>;

const emptyScenario: PublicScenario = {
  id: "",
  language: "en",
  languages: ["en"],
  title: "",
  summary: "",
  briefing: "",
  learningObjectives: [],
  turns: 0,
  hoursPerTurn: 0,
  startTime: "",
  seatsPerNation: 0,
  policyRules: null,
  nations: [],
  regions: [],
  assetTypes: [],
};

/**
 * `preferred` picks the perspective when the state briefly holds two (exercise control switching
 * views); `previous` is the state read before this one (its unchanged records are kept).
 */
export function readState(decoded: { toJSON(): Json } | Json, preferred?: string, previous?: ClientState | null): ClientState {
  const raw: Json = typeof (decoded as { toJSON?: unknown }).toJSON === "function" ? (decoded as { toJSON(): Json }).toJSON() : (decoded as Json);
  const scenario = raw.scenario ? parseDoc<PublicScenario>(raw.scenario, previous?.scenario) : emptyScenario;
  const regions: Record<string, RegionState> = {};
  for (const [id, r] of Object.entries<Json>(raw.regions ?? {})) {
    regions[id] = {
      id,
      owner: r.owner || null,
      stability: r.stability ?? 0,
      baseline: r.baseline ?? r.stability ?? 0,
      crisis: r.crisisKind ? { kind: r.crisisKind, severity: r.crisisSeverity ?? 0, since: r.crisisSince ?? 0 } : null,
    };
  }
  const nations: Record<string, PublicNationRow> = {};
  for (const [id, n] of Object.entries<Json>(raw.nations ?? {})) {
    nations[id] = {
      id,
      name: n.name,
      color: n.color,
      playable: !!n.playable,
      alliance: !!n.alliance,
      committed: !!n.committed,
      policies: { publicStance: n.publicStance || "quiet" },
      online: n.online ?? 0,
      ...(n.control ? { control: controlFrom(n) } : {}),
    } as PublicNationRow;
  }
  const keys = Object.keys(raw.perspectives ?? {});
  const key = preferred && keys.includes(preferred) ? preferred : keys[0];
  // Another perspective's records are not this one's, even under the same ids.
  const before = key !== undefined && previous?.perspective?.key === key ? previous.perspective : undefined;
  const perspective = key !== undefined ? readPerspective(key, raw.perspectives[key], before ?? undefined) : null;
  return {
    exerciseId: raw.exerciseId ?? "",
    title: raw.title ?? "",
    scenario,
    phase: (raw.phase || "lobby") as Phase,
    turn: raw.turn ?? 0,
    turns: raw.turns ?? scenario.turns,
    // The public part and the perspective each carry the event they last changed at.
    seq: Math.max(raw.seq ?? 0, (key !== undefined ? raw.perspectives[key]?.seq : 0) ?? 0),
    deadline: raw.deadline ? raw.deadline : null,
    pausedRemainingMs: raw.pausedRemainingMs ? raw.pausedRemainingMs : null,
    turnSeconds: raw.turnSeconds ?? 0,
    scenarioTime: raw.scenarioTime ?? "",
    cohesion: raw.cohesion ?? 0,
    tension: raw.tension ?? 0,
    tensionReasons:
      typeof raw.tensionReasons === "string" && raw.tensionReasons
        ? parseDoc<Msg[]>(raw.tensionReasons, previous?.tensionReasons)
        : keepSameList(previous?.tensionReasons, []),
    allianceCommander: raw.allianceCommander || null,
    regions: keepSame(previous?.regions, regions),
    nations: keepSame(previous?.nations, nations),
    perspective,
  };
}

function readPerspective(key: string, p: Json, previous?: Perspective): Perspective {
  const nations: Record<string, PrivateNation> = {};
  for (const [id, n] of Object.entries<Json>(p.nations ?? {})) {
    let intelSharing: Record<string, "none" | "need-to-know" | "full"> = {};
    try {
      intelSharing = n.intelSharing ? JSON.parse(n.intelSharing) : {};
    } catch {
      intelSharing = {};
    }
    nations[id] = {
      id,
      budget: n.budget,
      budgetPerTurn: n.budgetPerTurn,
      politicalCapital: n.politicalCapital,
      readiness: n.readiness,
      committedBy: n.committedBy || null,
      policies: { alertLevel: n.alertLevel, rulesOfEngagement: n.rulesOfEngagement, publicStance: n.publicStance, intelSharing },
    };
  }
  const assets: Record<string, ClientAsset> = {};
  for (const [id, a] of Object.entries<Json>(p.assets ?? {})) {
    // The name's translations, when the scenario gives them (names.ts reads them in the seat's language).
    const kept = previous?.assets[id];
    const names =
      typeof a.names === "string" && a.names
        ? { i18n: parseDoc<Record<string, Record<string, string>>>(a.names, kept && "i18n" in kept ? kept.i18n : undefined) }
        : {};
    assets[id] = a.foreign
      ? {
          id,
          name: a.name,
          type: a.type,
          owner: a.owner,
          region: a.region,
          lastSeenTurn: a.lastSeenTurn ?? 0,
          foreign: true,
          ...names,
          ...(typeof a.seen === "string" && a.seen ? { seen: parseDoc<SeenBy>(a.seen, kept?.foreign ? kept.seen : undefined) } : {}),
        }
      : {
          id,
          name: a.name,
          type: a.type,
          owner: a.owner,
          region: a.region,
          status: a.status,
          strength: a.strength,
          mission: a.mission || null,
          destination: a.destination || null,
          route: a.route ? String(a.route).split(",") : [],
          eta: a.eta || null,
          prepositioned: !!a.prepositioned,
          intent: a.intent === "deploy" || a.intent === "preposition" || a.intent === "recall" ? a.intent : null,
          ...(a.embarkedOn ? { embarkedOn: String(a.embarkedOn) } : {}),
          foreign: false,
          ...names,
          ...(typeof a.authority === "string" && a.authority
            ? { authority: parseDoc<Authority>(a.authority, kept && !kept.foreign ? kept.authority : undefined) }
            : {}),
        };
  }
  const feed = keepSameList(
    previous?.feed,
    docList<FeedItem>(p.feed, previous?.feed).sort((a, b) => b.seq - a.seq),
  );
  const turns = keepSameList(
    previous?.turns,
    docList<TurnSummary>(p.turns, previous?.turns).sort((a, b) => b.turn - a.turn || a.nation.localeCompare(b.nation)),
  );
  const seatsBefore = new Map((previous?.seats ?? []).map((s) => [s.id, s]));
  const seats = keepSameList(
    previous?.seats,
    Object.entries<Json>(p.seats ?? {}).map(([id, s]) => {
      const seat: Seat = { id, name: s.name, nation: s.nation || null, role: s.role, online: !!s.online };
      const before = seatsBefore.get(id);
      return before && sameData(before, seat) ? before : seat;
    }),
  );
  return {
    key,
    nations: keepSame(previous?.nations, nations),
    assets: keepSame(previous?.assets, assets),
    relations: keepSame(previous?.relations, { ...(p.relations ?? {}) }),
    reports: docs(p.reports, previous?.reports),
    agreements: docs(p.agreements, previous?.agreements),
    consentRequests: docs(p.consentRequests, previous?.consentRequests),
    infoRequests: docs(p.infoRequests, previous?.infoRequests),
    drafts: drafts(p.drafts, previous?.drafts),
    messages: docs(p.messages, previous?.messages),
    injects: docs(p.injects, previous?.injects),
    objectives: docs(p.objectives, previous?.objectives),
    notes: docs(p.notes, previous?.notes),
    playbookQueue: docs(p.playbookQueue, previous?.playbookQueue),
    controlLog: docs(p.controlLog, previous?.controlLog),
    evaluationGuide: docs(p.evaluationGuide, previous?.evaluationGuide),
    observations: docs(p.observations, previous?.observations),
    capabilityRatings: docs(p.capabilityRatings, previous?.capabilityRatings),
    feedbackAnswered: docs(p.feedbackAnswered, previous?.feedbackAnswered),
    feedbackObjectives: docs(p.feedbackObjectives, previous?.feedbackObjectives),
    feed,
    turns,
    seats,
  };
}

/** Who plays a nation, from its public row's control, persona and playbook fields. */
function controlFrom(n: Json): NationControl {
  return { by: n.control, ...(n.persona ? { persona: n.persona } : {}), ...(n.playbook ? { playbook: n.playbook } : {}) } as NationControl;
}
