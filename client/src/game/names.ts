import type { ClientState, ClientAsset, AssetType } from "../state/client-state.ts";
import type { Order } from "../../../shared/state/schema.ts";

/** Names and short labels for display; no rules here, only how things are called. */
export function nationName(state: ClientState, id: string | null | undefined): string {
  if (!id) return "none";
  if (id === "white") return "Exercise control";
  return state.nations[id]?.name ?? state.scenario.nations.find((n) => n.id === id)?.name ?? id;
}

export function nationColor(state: ClientState, id: string | null | undefined): string {
  if (!id) return "#8c8c8c";
  return state.nations[id]?.color ?? state.scenario.nations.find((n) => n.id === id)?.color ?? "#8c8c8c";
}

export function regionName(state: ClientState, id: string | null | undefined): string {
  if (!id) return "—";
  return state.scenario.regions.find((r) => r.id === id)?.name ?? id;
}

export function assetType(state: ClientState, asset: Pick<ClientAsset, "type">): AssetType | undefined {
  return state.scenario.assetTypes.find((t) => t.id === asset.type);
}

const CATEGORY_LABELS: Record<string, string> = { naval: "NAV", air: "AIR", land: "LND", isr: "ISR", cyber: "CYB", logistics: "LOG", medical: "MED" };
export function categoryLabel(category: string | undefined): string {
  return category ? (CATEGORY_LABELS[category] ?? category.slice(0, 3).toUpperCase()) : "???";
}

const TITLE_WORDS = new Set(["kingdom", "republic", "federal", "federation", "of", "the", "united", "states", "state", "democratic", "people's", "peoples", "commonwealth", "principality", "grand", "duchy", "union", "islamic", "socialist", "and"]);

/** Three-letter owner code for tokens from the nation's name, skipping titles ("Kingdom of Nordvik" → "NOR"). */
export function nationCode(state: ClientState, id: string): string {
  const codeOf = (nid: string) => {
    const words = nationName(state, nid).split(/\s+/).filter((w) => w && !TITLE_WORDS.has(w.toLowerCase()));
    return (words[0] ?? nid).replace(/[^A-Za-z]/g, "").slice(0, 3).toUpperCase() || nid.slice(0, 3).toUpperCase();
  };
  const code = codeOf(id);
  const clash = Object.keys(state.nations).some((other) => other !== id && codeOf(other) === code);
  return clash ? id.slice(0, 4).toUpperCase() : code;
}

export function assetName(state: ClientState, id: string): string {
  return state.perspective?.assets[id]?.name ?? id;
}

export function describeOrder(state: ClientState, order: Order): string {
  switch (order.kind) {
    case "deployAsset":
      return `Deploy ${assetName(state, order.asset)} to ${regionName(state, order.destination)} (${order.mission})`;
    case "prepositionAsset":
      return `Pre-position ${assetName(state, order.asset)} in ${regionName(state, order.destination)}`;
    case "recallAsset":
      return `Recall ${assetName(state, order.asset)} to ${regionName(state, order.destination)}`;
    case "setMission":
      return `Set ${assetName(state, order.asset)} on a ${order.mission} mission`;
    case "setPolicy": {
      const parts: string[] = [];
      if (order.alertLevel) parts.push(`alert ${order.alertLevel}`);
      if (order.rulesOfEngagement) parts.push(`ROE ${order.rulesOfEngagement}`);
      if (order.publicStance) parts.push(`stance ${order.publicStance}`);
      for (const [partner, level] of Object.entries(order.intelSharing ?? {})) parts.push(`share ${level} with ${nationName(state, partner)}`);
      return `Set policy: ${parts.join(", ")}`;
    }
    case "fundCapacityBuilding":
      return `Fund capacity building for ${nationName(state, order.partner)}: ${order.amount}`;
    default:
      return "Order";
  }
}

export function relationKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

export function formatScenarioTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return d.toISOString().slice(0, 16).replace("T", " ") + " Z";
}

export const PHASE_LABEL: Record<string, string> = { lobby: "Lobby", briefing: "Briefing", running: "Running", paused: "Paused", ended: "Ended" };

export function otherNations(state: ClientState, me: string | null, opts: { playableOnly?: boolean } = {}): { value: string; label: string }[] {
  return Object.values(state.nations)
    .filter((n) => n.id !== me && (!opts.playableOnly || n.playable))
    .map((n) => ({ value: n.id, label: n.name }));
}
