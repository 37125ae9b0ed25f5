import type { z } from "zod";
import { ScenarioSpec } from "./schema.ts";
import type { Condition } from "./conditions.ts";
import type { Effect } from "./effects.ts";
import { mapTextOwners, TEXT_FIELDS } from "./localized.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/languages.ts";
import { msg, type Msg, type Params } from "../i18n/message.ts";
import { translate } from "../i18n/format.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import { eegProblems } from "./validate-eeg.ts";
import { liftSpecProblems, reachabilityProblems } from "./validate-lift.ts";
import { playbookProblems } from "./validate-playbook.ts";
import { paletteProblems } from "./validate-palette.ts";
import { EXPECTABLE_COMMANDS } from "./expectable-commands.ts";

/**
 * One problem: the place in the file (`nations[2].color`, never translated: the author looks it
 * up), the sentence as a message for the reader's language (`msg`), and that sentence rendered in
 * English (`message`) for logs and older callers. Problems made elsewhere (the MSEL sheet) may
 * have only `message`.
 */
export type ValidationError = { path: string; message: string; msg?: Msg };
/** Warnings never stop a scenario from loading (a missing translation falls back to the main language). */
export type ValidationResult =
  | { ok: true; scenario: ScenarioSpec; warnings: ValidationError[] }
  | { ok: false; errors: ValidationError[]; warnings: ValidationError[] };
export type ValidationOptions = { /** Missing translations are errors, not warnings. */ strict?: boolean };

function problem(path: string, key: MessageKey, params?: Params): ValidationError {
  const m = msg(key, params);
  return { path, msg: m, message: translate(DEFAULT_LANG, m) };
}

/** A problem's sentence in a language (its English `message` when it has no `msg`). */
export function problemText(lang: Lang, e: ValidationError): string {
  return e.msg ? translate(lang, e.msg) : e.message;
}

/** `nations[2].color`, the way an author finds a place in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || "(file)";
}

/** The schema's own sentences (shared/scenario/schema.ts, localized.ts), by their English text. */
const SCHEMA_SENTENCES: Record<string, MessageKey> = {
  "ids are lower-case letters, digits, '-' or '_' (max 40)": "scenario.schema.id",
  "colours are #rrggbb": "scenario.schema.colour",
  "a translated field is title, summary, briefing or learningObjectives[n]": "scenario.schema.translatedField",
  "each language's text is a string": "scenario.schema.textPerLanguage",
};

const kindOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
const quoted = (values: readonly unknown[]) => values.map((v) => (typeof v === "string" ? `"${v}"` : String(v))).join(", ");

/** A zod issue as a message; a sentence we do not know stays as zod wrote it. */
function issueMsg(issue: z.core.$ZodIssue): { key: MessageKey; params?: Params } {
  const known = SCHEMA_SENTENCES[issue.message];
  if (known) return { key: known };
  const notMain = /^written in (.*) but not in the scenario's main language "(.*)"$/.exec(issue.message);
  if (notMain) return { key: "scenario.schema.notInMainLanguage", params: { langs: notMain[1]!, main: notMain[2]! } };
  switch (issue.code) {
    case "invalid_type":
      return {
        key: "scenario.schema.invalidType",
        params: { expected: String(issue.expected), received: "input" in issue ? kindOf(issue.input) : (/received (\w+)/.exec(issue.message)?.[1] ?? "other") },
      };
    case "too_small":
      return {
        key: "scenario.schema.tooSmall",
        params: { origin: issue.origin, minimum: Number(issue.minimum), inclusive: issue.inclusive === false ? "no" : "yes" },
      };
    case "too_big":
      return {
        key: "scenario.schema.tooBig",
        params: { origin: issue.origin, maximum: Number(issue.maximum), inclusive: issue.inclusive === false ? "no" : "yes" },
      };
    case "invalid_value":
      return { key: "scenario.schema.invalidValue", params: { values: quoted(issue.values) } };
    case "unrecognized_keys":
      return { key: "scenario.schema.unrecognizedKeys", params: { count: issue.keys.length, keys: quoted(issue.keys) } };
    case "invalid_format":
      return { key: "scenario.schema.invalidFormat", params: { format: issue.format } };
    case "invalid_union":
      return { key: "scenario.schema.invalidUnion" };
    case "not_multiple_of":
      return { key: "scenario.schema.notMultipleOf", params: { divisor: Number(issue.divisor) } };
    default:
      return { key: "scenario.schema.other", params: { text: issue.message } };
  }
}

function zodErrors(error: z.ZodError): ValidationError[] {
  const out: ValidationError[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      if (issue.code === "invalid_union" && issue.errors.length > 0) {
        // Report the branch that got furthest: the author meant that one.
        const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
        walk(best, [...prefix, ...issue.path]);
      } else {
        const { key, params } = issueMsg(issue);
        const m = msg(key, params);
        // The English stays zod's own sentence, as before.
        out.push({ path: formatPath([...prefix, ...issue.path]), msg: m, message: issue.message });
      }
    }
  };
  walk(error.issues, []);
  return out;
}

/**
 * Checks a scenario file: first its shape (the zod schema), then its meaning — references,
 * symmetric adjacency, a connected map, sensible turns. Every problem is reported at once, each
 * with the path inside the file, so an author fixes them in one pass.
 */
export function validateScenario(input: unknown, options: ValidationOptions = {}): ValidationResult {
  const parsed = ScenarioSpec.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error), warnings: [] };
  const errors = meaningErrors(parsed.data);
  let warnings = translationWarnings(parsed.data);
  // An asset that can never reach its work is an error unless the author says "warn" (a draft).
  const unreachable = reachabilityProblems(parsed.data).map((p) => problem(p.path, p.key, p.params));
  if (parsed.data.validation?.unreachableAssets === "warn") warnings = [...unreachable, ...warnings];
  else errors.push(...unreachable);
  // Map fills too alike for some colour vision: a warning (the map still carries owner codes).
  warnings = [...paletteProblems(parsed.data).map((p) => problem(p.path, p.key, p.params)), ...warnings];
  if (options.strict) errors.push(...warnings), (warnings = []);
  return errors.length ? { ok: false, errors, warnings } : { ok: true, scenario: parsed.data, warnings };
}

/** The report source an author did not write (the schema's default): not a text to translate. */
const DEFAULT_REPORT_SOURCE = "exercise control";

/**
 * Each text the scenario does not give in a language it declares (`languages`), at its path,
 * e.g. `msel[3].title: no French translation ("fr")`. Empty texts need none.
 */
export function translationWarnings(s: ScenarioSpec): ValidationError[] {
  const main = s.language ?? DEFAULT_LANG;
  const out: ValidationError[] = [];
  const wanted = (s.languages ?? [main]).filter((l) => l !== main);
  mapTextOwners(s, (owner, kind, path) => {
    const i18n = (owner["i18n"] ?? {}) as Partial<Record<Lang, Record<string, string | undefined>>>;
    const fields: string[] = [...TEXT_FIELDS[kind]];
    if (kind === "scenario") s.learningObjectives.forEach((_, i) => fields.push(`learningObjectives[${i}]`));
    const mainText = (field: string) =>
      kind === "scenario" && field.startsWith("learningObjectives[") ? s.learningObjectives[Number(field.slice(19, -1))] : owner[field];
    for (const lang of wanted) {
      for (const field of fields) {
        const text = mainText(field);
        if (typeof text !== "string" || text === "" || (kind === "report" && field === "source" && text === DEFAULT_REPORT_SOURCE)) continue;
        if (!i18n[lang]?.[field])
          out.push(problem(path ? `${path}.${field}` : field, "scenario.validate.missingTranslation", { language: msg("scenario.lang.name", { lang }), lang }));
      }
    }
    return owner;
  });
  return out;
}

/** The languages themselves: declared consistently, translations in their place. */
function languageErrors(s: ScenarioSpec, err: (path: string, key: MessageKey, params?: Params) => void): void {
  const main = s.language ?? DEFAULT_LANG;
  const declared = s.languages ?? [main];
  if (s.languages && !s.languages.includes(main)) err("languages", "scenario.validate.mainLanguageNotListed", { main });
  if (s.languages && new Set(s.languages).size !== s.languages.length) err("languages", "scenario.validate.languageTwice");
  mapTextOwners(s, (owner, _kind, path) => {
    const i18n = (owner["i18n"] ?? {}) as Record<string, Record<string, string> | undefined>;
    const at = (lang: string) => (path ? `${path}.i18n.${lang}` : `i18n.${lang}`);
    for (const [lang, texts] of Object.entries(i18n)) {
      if (!texts || Object.keys(texts).length === 0) continue;
      if (lang === main) err(at(lang), "scenario.validate.mainLanguageInI18n", { main });
      else if (!(declared as string[]).includes(lang))
        err(at(lang), "scenario.validate.languageNotListed", { lang, languages: [...declared, lang].map((l) => `"${l}"`).join(", ") });
    }
    return owner;
  });
}

function meaningErrors(s: ScenarioSpec): ValidationError[] {
  const errors: ValidationError[] = [];
  const err = (path: string, key: MessageKey, params?: Params) => errors.push(problem(path, key, params));
  languageErrors(s, err);
  const unique = <T extends { id: string }>(list: T[], what: string) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) err(`${what}[${i}].id`, "scenario.validate.duplicateId", { id: item.id, other: `${what}[${seen.get(item.id)}]` });
      else seen.set(item.id, i);
    });
    return new Set(list.map((x) => x.id));
  };
  const nations = unique(s.nations, "nations");
  const regions = unique(s.regions, "regions");
  unique(s.assetTypes, "assetTypes");
  const assets = unique(s.assets, "assets");
  unique(s.agreements, "agreements");
  const injects = unique(s.msel, "msel");
  unique(s.objectives, "objectives");
  const numbers = new Map<string, number>();
  s.msel.forEach((inject, i) => {
    if (numbers.has(inject.number))
      err(`msel[${i}].number`, "scenario.validate.duplicateInjectNumber", { number: inject.number, other: `msel[${numbers.get(inject.number)}]` });
    else numbers.set(inject.number, i);
  });

  const nation = (path: string, id: string | null | undefined) =>
    id != null && !nations.has(id) && err(path, "scenario.validate.unknown", { kind: "nation", id });
  const region = (path: string, id: string | undefined) =>
    id !== undefined && !regions.has(id) && err(path, "scenario.validate.unknown", { kind: "region", id });
  const asset = (path: string, id: string | undefined) => id !== undefined && !assets.has(id) && err(path, "scenario.validate.unknown", { kind: "asset", id });
  const injectRef = (path: string, id: string) => !injects.has(id) && err(path, "scenario.validate.unknown", { kind: "inject", id });

  if (!s.nations.some((n) => n.playable)) err("nations", "scenario.validate.noPlayableNation");
  s.nations.forEach((n, i) => {
    for (const partner of Object.keys(n.policies.intelSharing)) {
      if (partner === n.id) err(`nations[${i}].policies.intelSharing.${partner}`, "scenario.validate.policyWithItself");
      else nation(`nations[${i}].policies.intelSharing.${partner}`, partner);
    }
  });

  const pairs = new Map<string, number>();
  s.relations.forEach((r, i) => {
    nation(`relations[${i}].a`, r.a);
    nation(`relations[${i}].b`, r.b);
    if (r.a === r.b) err(`relations[${i}]`, "scenario.validate.relationSameNation", { nation: r.a });
    const key = [r.a, r.b].sort().join("|");
    if (pairs.has(key)) err(`relations[${i}]`, "scenario.validate.relationTwice", { a: r.a, b: r.b, other: `relations[${pairs.get(key)}]` });
    else pairs.set(key, i);
  });

  const byId = new Map(s.regions.map((r) => [r.id, r]));
  s.regions.forEach((r, i) => {
    nation(`regions[${i}].owner`, r.owner);
    r.adjacent.forEach((other, k) => {
      const path = `regions[${i}].adjacent[${k}]`;
      if (other === r.id) err(path, "scenario.validate.adjacentToItself", { region: r.id });
      else if (!byId.has(other)) err(path, "scenario.validate.unknown", { kind: "region", id: other });
      else if (!byId.get(other)!.adjacent.includes(r.id)) err(path, "scenario.validate.adjacencyOneWay", { region: r.id, other });
    });
  });
  // Connected map: every region reachable from the first.
  if (s.regions.length > 0) {
    const seen = new Set([s.regions[0]!.id]);
    const queue = [s.regions[0]!.id];
    while (queue.length) for (const next of byId.get(queue.shift()!)?.adjacent ?? []) if (byId.has(next) && !seen.has(next)) seen.add(next), queue.push(next);
    const cut = s.regions.filter((r) => !seen.has(r.id)).map((r) => r.id);
    if (cut.length) err("regions", "scenario.validate.mapNotConnected", { cut: cut.join(", "), first: s.regions[0]!.id });
  }

  const typeById = new Map(s.assetTypes.map((t) => [t.id, t]));
  s.assets.forEach((a, i) => {
    nation(`assets[${i}].owner`, a.owner);
    region(`assets[${i}].region`, a.region);
    const type = typeById.get(a.type);
    if (!type) err(`assets[${i}].type`, "scenario.validate.unknown", { kind: "assetType", id: a.type });
    const where = byId.get(a.region);
    // Ships may start in port: a land region on the coast (next to a sea region). A unit that
    // starts aboard a carrier is where the carrier is (liftSpecProblems checks it).
    const inPort = type?.domain === "sea" && where?.kind === "land" && where.adjacent.some((id) => byId.get(id)?.kind === "sea");
    if (type && where && type.domain !== "any" && type.domain !== where.kind && !inPort && a.embarkedOn === undefined) {
      err(`assets[${i}].region`, "scenario.validate.assetWrongRegion", { domain: type.domain, type: type.name, kind: where.kind, region: where.id });
    }
    if (type && a.mission && !type.missions.includes(a.mission))
      err(`assets[${i}].mission`, "scenario.validate.missionNotAllowed", { type: type.name, mission: a.mission });
  });

  nation("allianceCommander", s.allianceCommander);
  const commanderSpec = s.nations.find((n) => n.id === s.allianceCommander);
  if (commanderSpec && (!commanderSpec.alliance || commanderSpec.adversary || !commanderSpec.playable))
    err("allianceCommander", "toa.validate.commanderAllied", { nation: commanderSpec.id });
  s.agreements.forEach((ag, i) => {
    ag.parties.forEach((p, k) => nation(`agreements[${i}].parties[${k}]`, p));
    if (new Set(ag.parties).size !== ag.parties.length) err(`agreements[${i}].parties`, "scenario.validate.partyTwice");
    if (ag.expiresTurn !== undefined && ag.expiresTurn > s.turns)
      err(`agreements[${i}].expiresTurn`, "scenario.validate.turnAfterLast", { turn: ag.expiresTurn, turns: s.turns });
    // TOA (docs/RULES.md): a command arrangement names one of its parties; a scope belongs to an MOU.
    if (ag.kind === "command-arrangement" && (!ag.commander || !ag.parties.includes(ag.commander)))
      err(`agreements[${i}].commander`, "toa.validate.commanderParty");
    if (ag.kind === "command-arrangement" && ag.commander) {
      // As in play: the commander is a member a team plays, and every such member is a party.
      const spec = s.nations.find((n) => n.id === ag.commander);
      if (spec && (!spec.alliance || spec.adversary || !spec.playable)) err(`agreements[${i}].commander`, "toa.validate.commanderAllied", { nation: spec.id });
      const missing = s.nations.filter((n) => n.alliance && n.playable && !n.adversary && !ag.parties.includes(n.id)).map((n) => n.id);
      if (missing.length) err(`agreements[${i}].parties`, "toa.validate.arrangementBindsAll", { nations: missing.join(", ") });
    }
    if (ag.commander !== undefined && ag.kind !== "command-arrangement") err(`agreements[${i}].commander`, "agreements.refuse.commanderArrangementOnly");
    if (ag.scope !== undefined && ag.kind !== "mou") err(`agreements[${i}].scope`, "agreements.refuse.scopeMouOnly");
  });

  const effect = (path: string, e: Effect) => {
    if ("region" in e) region(`${path}.region`, e.region);
    if ("asset" in e) asset(`${path}.asset`, e.asset);
    if ("nation" in e) nation(`${path}.nation`, e.nation);
    if ("a" in e) {
      nation(`${path}.a`, e.a);
      nation(`${path}.b`, e.b);
    }
    if (e.kind === "grantIntel") {
      e.to.forEach((n, k) => nation(`${path}.to[${k}]`, n));
      e.report.regions.forEach((r, k) => region(`${path}.report.regions[${k}]`, r));
      e.report.assets.forEach((a, k) => asset(`${path}.report.assets[${k}]`, a));
      (e.report.claims ?? []).forEach((c, k) => (asset(`${path}.report.claims[${k}].asset`, c.asset), region(`${path}.report.claims[${k}].region`, c.region)));
      (e.report.releasability?.nations ?? []).forEach((n, k) => nation(`${path}.report.releasability.nations[${k}]`, n));
    }
  };
  const condition = (path: string, c: Condition): void => {
    switch (c.kind) {
      case "regionStability":
      case "crisisSeverity":
        return void region(`${path}.region`, c.region);
      case "trust":
      case "interoperability":
        nation(`${path}.a`, c.a);
        return void nation(`${path}.b`, c.b);
      case "readiness":
        return void nation(`${path}.nation`, c.nation);
      case "turnReached":
        if (c.turn > s.turns) err(`${path}.turn`, "scenario.validate.turnAfterLast", { turn: c.turn, turns: s.turns });
        return;
      case "injectReleased":
        return void injectRef(`${path}.inject`, c.inject);
      case "assetInRegion":
        region(`${path}.region`, c.region);
        nation(`${path}.owner`, c.owner);
        asset(`${path}.asset`, c.asset);
        if (c.withinTurnsOfInject) injectRef(`${path}.withinTurnsOfInject.inject`, c.withinTurnsOfInject.inject);
        if (c.category && !s.assetTypes.some((t) => t.category === c.category))
          err(`${path}.category`, "scenario.validate.noAssetTypeWithCategory", { category: c.category });
        return;
      case "forcesInRegion":
        return void region(`${path}.region`, c.region);
      case "agreementInForce":
        return void c.parties.forEach((p, k) => nation(`${path}.parties[${k}]`, p));
      case "all":
      case "any":
        return void c.of.forEach((sub, k) => condition(`${path}.of[${k}]`, sub));
      case "not":
        return void condition(`${path}.condition`, c.condition);
    }
  };

  s.msel.forEach((inject, i) => {
    const path = `msel[${i}]`;
    if (inject.to !== "all") inject.to.forEach((n, k) => nation(`${path}.to[${k}]`, n));
    if (inject.trigger.kind === "scheduled" && inject.trigger.turn > s.turns)
      err(`${path}.trigger.turn`, "scenario.validate.turnAfterLast", { turn: inject.trigger.turn, turns: s.turns });
    if (inject.trigger.kind === "conditional") {
      condition(`${path}.trigger.condition`, inject.trigger.condition);
      if (inject.trigger.earliestTurn > s.turns)
        err(`${path}.trigger.earliestTurn`, "scenario.validate.turnAfterLast", { turn: inject.trigger.earliestTurn, turns: s.turns });
      if (JSON.stringify(inject.trigger.condition).includes(`"inject":"${inject.id}"`)) err(`${path}.trigger.condition`, "scenario.validate.waitsForItself");
    }
    inject.effects.forEach((e, k) => effect(`${path}.effects[${k}]`, e));
    inject.expectedActions.forEach((ex, k) => {
      ex.nations?.forEach((n, j) => nation(`${path}.expectedActions[${k}].nations[${j}]`, n));
      region(`${path}.expectedActions[${k}].region`, ex.region);
      if (!(EXPECTABLE_COMMANDS as readonly string[]).includes(ex.command))
        err(`${path}.expectedActions[${k}].command`, "scenario.validate.notACommand", { command: ex.command, commands: EXPECTABLE_COMMANDS.join(", ") });
    });
  });
  s.objectives.forEach((o, i) => {
    nation(`objectives[${i}].nation`, o.nation);
    condition(`objectives[${i}].condition`, o.condition);
  });
  s.assetTypes.forEach((t, i) => {
    if (t.category === "isr" && t.detectionRange === 0) err(`assetTypes[${i}].detectionRange`, "scenario.validate.isrNeedsRange");
  });
  for (const p of liftSpecProblems(s)) err(p.path, p.key, p.params);
  for (const p of eegProblems(s)) err(p.path, p.key, p.params);
  playbookProblems(s, err, condition);
  return errors;
}

/** The list lives on its own (expectable-commands.ts) so the console and the scenario schema share it. */
export { EXPECTABLE_COMMANDS, type ExpectableCommand } from "./expectable-commands.ts";
