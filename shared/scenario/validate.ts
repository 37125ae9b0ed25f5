import type { z } from "zod";
import { ScenarioSpec } from "./schema.ts";
import type { Condition } from "./conditions.ts";
import type { Effect } from "./effects.ts";
import { mapTextOwners, TEXT_FIELDS } from "./localized.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/languages.ts";

/** "French": validator messages are written in English for now. */
const languageName = (lang: Lang) => new Intl.DisplayNames("en", { type: "language" }).of(lang) ?? lang;

export type ValidationError = { path: string; message: string };
/** Warnings never stop a scenario from loading (a missing translation falls back to the main language). */
export type ValidationResult = { ok: true; scenario: ScenarioSpec; warnings: ValidationError[] } | { ok: false; errors: ValidationError[]; warnings: ValidationError[] };
export type ValidationOptions = { /** Missing translations are errors, not warnings. */ strict?: boolean };

/** `nations[2].color`, the way an author finds a place in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || "(file)";
}

function zodErrors(error: z.ZodError): ValidationError[] {
  const out: ValidationError[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      if (issue.code === "invalid_union" && issue.errors.length > 0) {
        // Report the branch that got furthest: the author meant that one.
        const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
        walk(best, [...prefix, ...issue.path]);
      } else out.push({ path: formatPath([...prefix, ...issue.path]), message: issue.message });
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
  const parsed = ScenarioSpec.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error), warnings: [] };
  const errors = meaningErrors(parsed.data);
  let warnings = translationWarnings(parsed.data);
  if (options.strict) (errors.push(...warnings), (warnings = []));
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
    const mainText = (field: string) => (kind === "scenario" && field.startsWith("learningObjectives[") ? s.learningObjectives[Number(field.slice(19, -1))] : owner[field]);
    for (const lang of wanted) {
      for (const field of fields) {
        const text = mainText(field);
        if (typeof text !== "string" || text === "" || (kind === "report" && field === "source" && text === DEFAULT_REPORT_SOURCE)) continue;
        if (!i18n[lang]?.[field]) out.push({ path: path ? `${path}.${field}` : field, message: `no ${languageName(lang)} translation ("${lang}"), though "languages" lists it` });
      }
    }
    return owner;
  });
  return out;
}

/** The languages themselves: declared consistently, translations in their place. */
function languageErrors(s: ScenarioSpec, err: (path: string, message: string) => void): void {
  const main = s.language ?? DEFAULT_LANG;
  const declared = s.languages ?? [main];
  if (s.languages && !s.languages.includes(main)) err("languages", `must include the main language "${main}" (the language of the plain texts)`);
  if (s.languages && new Set(s.languages).size !== s.languages.length) err("languages", "a language is listed twice");
  mapTextOwners(s, (owner, _kind, path) => {
    const i18n = (owner["i18n"] ?? {}) as Record<string, Record<string, string> | undefined>;
    const at = (lang: string) => (path ? `${path}.i18n.${lang}` : `i18n.${lang}`);
    for (const [lang, texts] of Object.entries(i18n)) {
      if (!texts || Object.keys(texts).length === 0) continue;
      if (lang === main) err(at(lang), `"${main}" is the main language: its text belongs in the field itself`);
      else if (!(declared as string[]).includes(lang)) err(at(lang), `translated into "${lang}", which "languages" does not list (add it: "languages": [${[...declared, lang].map((l) => `"${l}"`).join(", ")}])`);
    }
    return owner;
  });
}

function meaningErrors(s: ScenarioSpec): ValidationError[] {
  const errors: ValidationError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  languageErrors(s, err);
  const unique = <T extends { id: string }>(list: T[], what: string) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) err(`${what}[${i}].id`, `duplicate id "${item.id}" (also ${what}[${seen.get(item.id)}])`);
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
    if (numbers.has(inject.number)) err(`msel[${i}].number`, `duplicate inject number "${inject.number}" (also msel[${numbers.get(inject.number)}])`);
    else numbers.set(inject.number, i);
  });

  const nation = (path: string, id: string | null | undefined) => id != null && !nations.has(id) && err(path, `unknown nation "${id}"`);
  const region = (path: string, id: string | undefined) => id !== undefined && !regions.has(id) && err(path, `unknown region "${id}"`);
  const asset = (path: string, id: string | undefined) => id !== undefined && !assets.has(id) && err(path, `unknown asset "${id}"`);
  const injectRef = (path: string, id: string) => !injects.has(id) && err(path, `unknown inject "${id}"`);

  if (!s.nations.some((n) => n.playable)) err("nations", "at least one nation must be playable");
  s.nations.forEach((n, i) => {
    for (const partner of Object.keys(n.policies.intelSharing)) {
      if (partner === n.id) err(`nations[${i}].policies.intelSharing.${partner}`, "a nation has no sharing policy with itself");
      else nation(`nations[${i}].policies.intelSharing.${partner}`, partner);
    }
  });

  const pairs = new Map<string, number>();
  s.relations.forEach((r, i) => {
    nation(`relations[${i}].a`, r.a);
    nation(`relations[${i}].b`, r.b);
    if (r.a === r.b) err(`relations[${i}]`, `a relation needs two different nations ("${r.a}" twice)`);
    const key = [r.a, r.b].sort().join("|");
    if (pairs.has(key)) err(`relations[${i}]`, `the pair ${r.a}–${r.b} is listed twice (also relations[${pairs.get(key)}])`);
    else pairs.set(key, i);
  });

  const byId = new Map(s.regions.map((r) => [r.id, r]));
  s.regions.forEach((r, i) => {
    nation(`regions[${i}].owner`, r.owner);
    r.adjacent.forEach((other, k) => {
      const path = `regions[${i}].adjacent[${k}]`;
      if (other === r.id) err(path, `"${r.id}" lists itself as adjacent`);
      else if (!byId.has(other)) err(path, `unknown region "${other}"`);
      else if (!byId.get(other)!.adjacent.includes(r.id)) err(path, `"${r.id}" lists "${other}" but "${other}" does not list "${r.id}"`);
    });
  });
  // Connected map: every region reachable from the first.
  if (s.regions.length > 0) {
    const seen = new Set([s.regions[0]!.id]);
    const queue = [s.regions[0]!.id];
    while (queue.length) for (const next of byId.get(queue.shift()!)?.adjacent ?? []) if (byId.has(next) && !seen.has(next)) (seen.add(next), queue.push(next));
    const cut = s.regions.filter((r) => !seen.has(r.id)).map((r) => r.id);
    if (cut.length) err("regions", `the map is not connected: ${cut.join(", ")} cannot be reached from "${s.regions[0]!.id}"`);
  }

  const typeById = new Map(s.assetTypes.map((t) => [t.id, t]));
  s.assets.forEach((a, i) => {
    nation(`assets[${i}].owner`, a.owner);
    region(`assets[${i}].region`, a.region);
    const type = typeById.get(a.type);
    if (!type) err(`assets[${i}].type`, `unknown asset type "${a.type}"`);
    const where = byId.get(a.region);
    // Ships may start in port: a land region on the coast (next to a sea region).
    const inPort = type?.domain === "sea" && where?.kind === "land" && where.adjacent.some((id) => byId.get(id)?.kind === "sea");
    if (type && where && type.domain !== "any" && type.domain !== where.kind && !inPort) {
      err(`assets[${i}].region`, `a ${type.domain} asset (${type.name}) cannot start in the ${where.kind} region "${where.id}"${type.domain === "sea" ? " (ships start at sea or in a coastal port)" : ""}`);
    }
    if (type && a.mission && !type.missions.includes(a.mission)) err(`assets[${i}].mission`, `${type.name} cannot take the mission "${a.mission}"`);
  });

  s.agreements.forEach((ag, i) => {
    ag.parties.forEach((p, k) => nation(`agreements[${i}].parties[${k}]`, p));
    if (new Set(ag.parties).size !== ag.parties.length) err(`agreements[${i}].parties`, "a party is listed twice");
    if (ag.expiresTurn !== undefined && ag.expiresTurn > s.turns) err(`agreements[${i}].expiresTurn`, `turn ${ag.expiresTurn} is after the last turn (${s.turns})`);
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
        if (c.turn > s.turns) err(`${path}.turn`, `turn ${c.turn} is after the last turn (${s.turns})`);
        return;
      case "injectReleased":
        return void injectRef(`${path}.inject`, c.inject);
      case "assetInRegion":
        region(`${path}.region`, c.region);
        nation(`${path}.owner`, c.owner);
        if (c.withinTurnsOfInject) injectRef(`${path}.withinTurnsOfInject.inject`, c.withinTurnsOfInject.inject);
        if (c.category && !s.assetTypes.some((t) => t.category === c.category)) err(`${path}.category`, `no asset type has the category "${c.category}"`);
        return;
      case "agreementInForce":
        return c.parties.forEach((p, k) => nation(`${path}.parties[${k}]`, p));
      case "all":
      case "any":
        return c.of.forEach((sub, k) => condition(`${path}.of[${k}]`, sub));
      case "not":
        return condition(`${path}.condition`, c.condition);
    }
  };

  s.msel.forEach((inject, i) => {
    const path = `msel[${i}]`;
    if (inject.to !== "all") inject.to.forEach((n, k) => nation(`${path}.to[${k}]`, n));
    if (inject.trigger.kind === "scheduled" && inject.trigger.turn > s.turns) err(`${path}.trigger.turn`, `turn ${inject.trigger.turn} is after the last turn (${s.turns})`);
    if (inject.trigger.kind === "conditional") {
      condition(`${path}.trigger.condition`, inject.trigger.condition);
      if (inject.trigger.earliestTurn > s.turns) err(`${path}.trigger.earliestTurn`, `turn ${inject.trigger.earliestTurn} is after the last turn (${s.turns})`);
      if (JSON.stringify(inject.trigger.condition).includes(`"inject":"${inject.id}"`)) err(`${path}.trigger.condition`, "an inject cannot wait for its own release");
    }
    inject.effects.forEach((e, k) => effect(`${path}.effects[${k}]`, e));
    inject.expectedActions.forEach((ex, k) => {
      ex.nations?.forEach((n, j) => nation(`${path}.expectedActions[${k}].nations[${j}]`, n));
      region(`${path}.expectedActions[${k}].region`, ex.region);
      if (!(EXPECTABLE_COMMANDS as readonly string[]).includes(ex.command)) err(`${path}.expectedActions[${k}].command`, `"${ex.command}" is not a command teams can take (one of: ${EXPECTABLE_COMMANDS.join(", ")})`);
    });
  });
  s.objectives.forEach((o, i) => {
    nation(`objectives[${i}].nation`, o.nation);
    condition(`objectives[${i}].condition`, o.condition);
  });
  s.assetTypes.forEach((t, i) => {
    if (t.category === "isr" && t.detectionRange === 0) err(`assetTypes[${i}].detectionRange`, "an ISR asset type needs a detection range of at least 1 to see beyond its own region");
  });
  return errors;
}

/** What teams can do that an expected action can name (see shared/protocol/commands.ts). */
export const EXPECTABLE_COMMANDS = [
  "deployAsset",
  "prepositionAsset",
  "recallAsset",
  "setMission",
  "setPolicy",
  "fundCapacityBuilding",
  "shareIntel",
  "requestInfo",
  "answerInfo",
  "proposeAgreement",
  "answerAgreement",
  "proposeJointExercise",
  "requestConsent",
  "answerConsent",
  "conveneDialogue",
  "makeStatement",
  "sendMessage",
] as const;
export type ExpectableCommand = (typeof EXPECTABLE_COMMANDS)[number];
