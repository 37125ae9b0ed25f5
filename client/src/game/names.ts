import type { ClientState, ClientAsset, AssetType, ScenarioRegion } from "../state/client-state.ts";
import type { Report } from "../../../shared/state/schema.ts";
import { reportText, isExerciseControlSignature } from "../../../shared/view/report-words.ts";
import { t, lang } from "../i18n.ts";
import {
  localText,
  termKey,
  formatDateTime,
  isLang,
  EN,
  type Lang,
  type Localized,
  type MessageKey,
  type Ref,
  type Vocabulary,
} from "../../../shared/i18n/index.ts";

/** Names and short labels for display, in the seat's language; no rules here, only how things are called. */

/**
 * The display name exercise control's seat joins with when it has none. It is data (the roster
 * and the record show it); screens show the seat's role instead when they meet it.
 */
export const FACILITATOR_SEAT_NAME = "Exercise control";

/** The scenario's main language (its texts stand in it when a translation is missing). */
export function mainLang(state: ClientState): Lang {
  const declared = (state.scenario as { language?: unknown }).language;
  return isLang(declared) ? declared : "en";
}

/** A scenario text in the seat's language, marked "(not translated)" when it fell back to the main language. */
export function scenarioText<T extends object>(state: ClientState, item: T, field: keyof T & string): string {
  const found = localText(lang(), item as T & Localized, field as never, mainLang(state));
  return found.fallback ? t("common.untranslated", { text: found.text }) : found.text;
}

/** A scenario name (nation, region, asset) in the seat's language; names fall back silently (a name reads the same). */
function localName<T extends object>(state: ClientState, item: T, field: keyof T & string): string {
  return localText(lang(), item as T & Localized, field as never, mainLang(state)).text;
}

/** A term of the product's vocabulary (a mission, an alert level, a status …) in the seat's language. */
export function term(vocabulary: Vocabulary, value: string | null | undefined): string {
  if (!value) return t("game.none");
  const key = termKey(vocabulary, value);
  return key ? t(key) : value.replace(/-/g, " ");
}

/** A crisis kind as people say it ("border-incident" → "border incident", "incident frontalier"). */
export function crisisName(kind: string): string {
  const key = termKey("crisisKind", kind);
  return key ? t(key) : kind.replace(/[-_]/g, " ");
}

export function nationName(state: ClientState, id: string | null | undefined): string {
  if (!id) return t("game.none");
  if (id === "white") return t("term.role.facilitator");
  const spec = state.scenario.nations.find((n) => n.id === id);
  if (spec) return localName(state, spec, "name");
  return state.nations[id]?.name ?? t("game.unknownNation");
}

export function nationColor(state: ClientState, id: string | null | undefined): string {
  if (!id) return "#8c8c8c";
  return state.nations[id]?.color ?? state.scenario.nations.find((n) => n.id === id)?.color ?? "#8c8c8c";
}

/** The scenario's regions and asset types by id: a list of 5,000 assets names a region and a type each. */
const indexes = new WeakMap<ClientState["scenario"], { regions: Map<string, ScenarioRegion>; types: Map<string, AssetType> }>();
function indexOf(scenario: ClientState["scenario"]) {
  let index = indexes.get(scenario);
  if (!index) {
    index = { regions: new Map(scenario.regions.map((r) => [r.id, r])), types: new Map(scenario.assetTypes.map((x) => [x.id, x])) };
    indexes.set(scenario, index);
  }
  return index;
}

export function regionName(state: ClientState, id: string | null | undefined): string {
  if (!id) return "—";
  const spec = indexOf(state.scenario).regions.get(id);
  return spec ? localName(state, spec, "name") : t("game.unknownRegion");
}

export function assetType(state: ClientState, asset: Pick<ClientAsset, "type">): AssetType | undefined {
  return indexOf(state.scenario).types.get(asset.type);
}

/**
 * What the names above read that a patch can change: for `lastResult` (ui/memo.ts), so a list of
 * names is made again when a name, an asset or the language changed.
 */
export function nameInputs(state: ClientState): unknown[] {
  return [lang(), state.scenario, state.nations, state.perspective?.assets];
}

/** The three-letter mark of an asset category on tokens (NAV, AIR …; in French TER for land, SAN for medical). */
export function categoryLabel(category: string | undefined): string {
  if (!category) return "???";
  const key = `game.category.${category}`;
  return Object.hasOwn(EN, key) ? t(key as MessageKey) : category.slice(0, 3).toUpperCase();
}

const TITLE_WORDS = new Set([
  "kingdom",
  "republic",
  "federal",
  "federation",
  "of",
  "the",
  "united",
  "states",
  "state",
  "democratic",
  "people's",
  "peoples",
  "commonwealth",
  "principality",
  "grand",
  "duchy",
  "union",
  "islamic",
  "socialist",
  "and",
  "royaume",
  "république",
  "fédérale",
  "fédération",
  "de",
  "du",
  "des",
  "d'",
  "la",
  "le",
  "les",
  "unie",
  "unis",
  "états",
  "état",
  "principauté",
  "grand-duché",
  "et",
]);

/** Three-letter owner code for tokens from the nation's name, skipping titles ("Kingdom of Nordvik" → "NOR"). */
export function nationCode(state: ClientState, id: string): string {
  // Every token and line of the map in words asks: 5,000 asks of 14 nations each comparing with
  // all the others were a tenth of a large map's drawing. Known per nations record.
  let known = codes.get(state.nations);
  if (!known || known.scenario !== state.scenario) codes.set(state.nations, (known = { scenario: state.scenario, codes: new Map() }));
  let code = known.codes.get(id);
  if (code === undefined) known.codes.set(id, (code = codeFor(state, id)));
  return code;
}
const codes = new WeakMap<object, { scenario: unknown; codes: Map<string, string> }>();

function codeFor(state: ClientState, id: string): string {
  const codeOf = (nid: string) => {
    // From the main-language name: team-mates reading different languages see the same code.
    const name = state.scenario.nations.find((n) => n.id === nid)?.name ?? state.nations[nid]?.name ?? nid;
    const words = name.split(/\s+/).filter((w) => w && !TITLE_WORDS.has(w.toLowerCase()));
    return (
      (words[0] ?? nid)
        .replace(/[^A-Za-z]/g, "")
        .slice(0, 3)
        .toUpperCase() || nid.slice(0, 3).toUpperCase()
    );
  };
  const code = codeOf(id);
  const clash = Object.keys(state.nations).some((other) => other !== id && codeOf(other) === code);
  return clash ? id.slice(0, 4).toUpperCase() : code;
}

export function assetName(state: ClientState, id: string): string {
  const asset = state.perspective?.assets[id];
  return asset ? localName(state, asset, "name") : t("game.unknownAsset");
}

export function assetTypeName(state: ClientState, typeId: string): string {
  const type = state.scenario.assetTypes.find((x) => x.id === typeId);
  return type ? localName(state, type, "name") : typeId.replace(/[-_]/g, " ");
}

export function relationKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** A countdown: "4 min 05 s" / "1 h 02 min" (through Intl's units), never a bare 04:05 that reads as a time of day. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0
    ? t("game.clock.hm", { hours, minutes: String(minutes).padStart(2, "0") })
    : t("game.clock.ms", { minutes, seconds: String(seconds).padStart(2, "0") });
}

/** Scenario time as the seat's language writes it, in the scenario's zone (UTC unless the scenario names one). */
export function formatScenarioTime(iso: string, state?: ClientState): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const zone = (state?.scenario as { timeZone?: unknown } | undefined)?.timeZone;
  const timeZone = typeof zone === "string" && zone ? zone : "UTC";
  try {
    return formatDateTime(lang(), d.getTime(), timeZone, { dateStyle: "medium", timeStyle: "short", timeZoneName: "short" } as Intl.DateTimeFormatOptions);
  } catch {
    return formatDateTime(lang(), d.getTime(), "UTC", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
  }
}

/** The phase as people say it ("waiting to start", "en cours" …). */
export function phaseLabel(phase: string): string {
  return term("phase", phase);
}

/** How every reference in a server message is named on this seat's screen: by name, in the seat's language, never by id. */
export function nameLookup(state: ClientState): (ref: Ref) => string {
  const lookup = (r: Ref): string => {
    switch (r.ref) {
      case "nation":
        return r.id === "white" ? t("feed.exerciseControl") : nationName(state, r.id);
      case "region":
        return regionName(state, r.id);
      case "asset":
        return assetName(state, r.id);
      case "assetType":
        return assetTypeName(state, r.id);
      case "mission":
        return term("mission", r.id);
      case "inject": {
        const inject = state.perspective?.injects[r.id];
        return inject ? t("game.ref.inject", { number: inject.number, title: scenarioText(state, inject, "title") }) : t("game.ref.anInject");
      }
      case "objective": {
        const objective = state.perspective?.objectives[r.id];
        return objective ? scenarioText(state, objective, "title") : t("game.ref.anObjective");
      }
      case "report": {
        const report = (state.perspective?.reports as Record<string, Report> | undefined)?.[r.id];
        return report ? reportText(lang(), report, "title", lookup, mainLang(state)) : t("game.ref.aReport");
      }
      case "injectSender": {
        const inject = state.perspective?.injects[r.id];
        if (!inject) return t("common.unknown");
        const from = localName(state, inject, "from" as never);
        return isExerciseControlSignature(from) ? t("term.role.facilitator") : from;
      }
      case "agreement": {
        const agreement = (state.perspective?.agreements as Record<string, { kind?: string }> | undefined)?.[r.id];
        return agreement?.kind ? term("agreementKind", agreement.kind) : t("game.ref.anAgreement");
      }
      default:
        return t("common.unknown");
    }
  };
  return lookup;
}

export function otherNations(state: ClientState, me: string | null, opts: { playableOnly?: boolean } = {}): { value: string; label: string }[] {
  return Object.values(state.nations)
    .filter((n) => n.id !== me && (!opts.playableOnly || n.playable))
    .map((n) => ({ value: n.id, label: nationName(state, n.id) }));
}

/** The exercise's title: what exercise control typed, or the scenario's title in the seat's language when it is the scenario's. */
export function exerciseTitle(state: ClientState): string {
  return state.title === state.scenario.title ? scenarioText(state, state.scenario, "title") : state.title;
}
