import type { ClientState, Perspective, ClientAsset, PublicScenario, PublicNationRow, PrivateNation, Seat, FeedItem } from "./client-state.ts";
import type { TurnSummary } from "../../../shared/view/turn-summary.ts";
import type { SeenBy } from "../../../shared/engine/view-for.ts";
import type { Phase, RegionState, NationControl } from "../../../shared/state/schema.ts";
import type { Msg } from "../../../shared/i18n/message.ts";
import type { DraftView } from "../../../shared/engine/view-for.ts";
import { draftFromWire } from "../../../shared/view/draft-wire.ts";

/**
 * Turns the decoded Colyseus state (schema objects) into a plain ClientState. It runs on every
 * state change: `toJSON()` of the whole state, then small conversions. Simple and robust beats
 * clever at this size (a few hundred records); JSON documents are parsed once per distinct string.
 */
// biome-ignore lint/suspicious/noExplicitAny: the Colyseus state as toJSON() gives it, converted field by field below
type Json = Record<string, any>;

const parsed = new Map<string, unknown>();
function parseDoc<T>(json: string): T {
  let value = parsed.get(json);
  if (value === undefined) {
    value = JSON.parse(json);
    if (parsed.size > 5000) parsed.clear();
    parsed.set(json, value);
  }
  return value as T;
}

function docs<T>(map: Json | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, json] of Object.entries(map ?? {})) if (typeof json === "string") out[key] = parseDoc<T>(json);
  return out;
}

/** Drafts travel as flat schema fields (shared/view/draft-wire.ts), not JSON documents. */
function drafts(map: Json | undefined): Record<string, DraftView> {
  const out: Record<string, DraftView> = {};
  for (const [key, wire] of Object.entries<Json>(map ?? {})) if (wire && typeof wire === "object") out[key] = draftFromWire(wire);
  return out;
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

/** `preferred` picks the perspective when the state briefly holds two (exercise control switching views). */
export function readState(decoded: { toJSON(): Json } | Json, preferred?: string): ClientState {
  const raw: Json = typeof (decoded as { toJSON?: unknown }).toJSON === "function" ? (decoded as { toJSON(): Json }).toJSON() : (decoded as Json);
  const scenario = raw.scenario ? parseDoc<PublicScenario>(raw.scenario) : emptyScenario;
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
  const perspective = key !== undefined ? readPerspective(key, raw.perspectives[key]) : null;
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
    tensionReasons: typeof raw.tensionReasons === "string" && raw.tensionReasons ? parseDoc<Msg[]>(raw.tensionReasons) : [],
    allianceCommander: raw.allianceCommander || null,
    regions,
    nations,
    perspective,
  };
}

function readPerspective(key: string, p: Json): Perspective {
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
    const names = typeof a.names === "string" && a.names ? { i18n: parseDoc<Record<string, Record<string, string>>>(a.names) } : {};
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
          ...(typeof a.seen === "string" && a.seen ? { seen: parseDoc<SeenBy>(a.seen) } : {}),
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
          ...(typeof a.authority === "string" && a.authority ? { authority: parseDoc<Authority>(a.authority) } : {}),
        };
  }
  const feed = Object.values(docs<FeedItem>(p.feed)).sort((a, b) => b.seq - a.seq);
  const seats: Seat[] = Object.entries<Json>(p.seats ?? {}).map(([id, s]) => ({
    id,
    name: s.name,
    nation: s.nation || null,
    role: s.role,
    online: !!s.online,
  }));
  return {
    key,
    nations,
    assets,
    relations: { ...(p.relations ?? {}) },
    reports: docs(p.reports),
    agreements: docs(p.agreements),
    consentRequests: docs(p.consentRequests),
    infoRequests: docs(p.infoRequests),
    drafts: drafts(p.drafts),
    messages: docs(p.messages),
    injects: docs(p.injects),
    objectives: docs(p.objectives),
    notes: docs(p.notes),
    playbookQueue: docs(p.playbookQueue),
    controlLog: docs(p.controlLog),
    evaluationGuide: docs(p.evaluationGuide),
    observations: docs(p.observations),
    capabilityRatings: docs(p.capabilityRatings),
    feedbackAnswered: docs(p.feedbackAnswered),
    feedbackObjectives: docs(p.feedbackObjectives),
    feed,
    turns: Object.values(docs<TurnSummary>(p.turns)).sort((a, b) => b.turn - a.turn || a.nation.localeCompare(b.nation)),
    seats,
  };
}

/** Who plays a nation, from its public row's control, persona and playbook fields. */
function controlFrom(n: Json): NationControl {
  return { by: n.control, ...(n.persona ? { persona: n.persona } : {}), ...(n.playbook ? { playbook: n.playbook } : {}) } as NationControl;
}
