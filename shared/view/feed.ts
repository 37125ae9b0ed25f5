import { mselChangeMsg } from "../aar/msel-changes.ts";
import { reportText, isExerciseControlSignature } from "./report-words.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import type { ExerciseState, Order } from "../state/schema.ts";
import type { Viewer } from "../engine/view-for.ts";
import { msg, ref, isMsg, type Msg, type Param, type Ref } from "../i18n/message.ts";
import { termKey } from "../i18n/terms.ts";
import { localText, type Localized } from "../i18n/text.ts";
import { translate, type NameOf } from "../i18n/format.ts";
import { DEFAULT_LANG, isLang, type Lang } from "../i18n/languages.ts";
import { caveatsMsg } from "../engine/toa.ts";
import { controlOf } from "../engine/nation-control.ts";
import { signedAction } from "../engine/control-actions.ts";
import { EN, type MessageKey } from "../i18n/catalog/index.ts";

/**
 * One line in a team's feed: what happened that this viewer is entitled to hear about, as a
 * catalogue message (codes and references, never prose), so each reader sees it in their own
 * language: two team-mates reading English and French get the same item.
 */
export type FeedItem = {
  seq: number;
  turn: number;
  kind: "inject" | "order" | "turn" | "intel" | "diplomacy" | "adjudication" | "lifecycle" | "rule";
  msg: Msg;
};

/** The scenario's main language (the language of its plain fields); English when it does not say. */
export function scenarioLang(state: Pick<ExerciseState, "scenario">): Lang {
  const scenario = state.scenario as { language?: unknown; lang?: unknown };
  return isLang(scenario.language) ? scenario.language : isLang(scenario.lang) ? scenario.lang : DEFAULT_LANG;
}

/**
 * How references in feed lines (and other messages about this exercise) become names in a
 * language: the names the scenario gives, translated when it has translations; never the id
 * unless the thing is unknown to the state.
 */
export function namesIn(state: ExerciseState, lang: Lang): NameOf {
  const main = scenarioLang(state);
  const local = <T extends Localized>(item: T | undefined, field: keyof T & string): string | null =>
    item ? localText(lang, item, field, main).text || null : null;
  /** Titles (not names) say so when they fall back to the scenario's main language. */
  const marked = <T extends Localized>(item: T, field: keyof T & string): string => {
    const text = localText(lang, item, field, main);
    return text.fallback ? translate(lang, msg("common.untranslated", { text: text.text })) : text.text;
  };
  const scenario = state.scenario;
  const nameOf = (r: Ref): string => {
    switch (r.ref) {
      case "nation":
        if (r.id === "white") return translate(lang, msg("feed.exerciseControl"));
        return local(scenario.nations.find((n) => n.id === r.id) as Localized & { name: string }, "name") ?? state.nations[r.id]?.name ?? r.id;
      case "region":
        return local(scenario.regions.find((x) => x.id === r.id) as Localized & { name: string }, "name") ?? r.id;
      case "asset":
        return (
          local(state.assets[r.id] as (Localized & { name: string }) | undefined, "name") ??
          local(scenario.assets.find((x) => x.id === r.id) as Localized & { name: string }, "name") ??
          r.id
        );
      case "assetType":
        return local(scenario.assetTypes.find((x) => x.id === r.id) as Localized & { name: string }, "name") ?? r.id;
      case "inject": {
        const spec = state.injects[r.id]?.spec ?? scenario.msel.find((x) => x.id === r.id);
        return spec ? `${spec.number} ${marked(spec as Localized & { title: string }, "title")}` : r.id;
      }
      case "injectSender": {
        const spec = state.injects[r.id]?.spec ?? scenario.msel.find((x) => x.id === r.id);
        if (!spec) return r.id;
        const from = localText(lang, spec as Localized & { from: string }, "from", main).text;
        return isExerciseControlSignature(from) ? translate(lang, msg("term.role.facilitator")) : from;
      }
      case "objective": {
        const spec = scenario.objectives.find((x) => x.id === r.id);
        return spec ? marked(spec as Localized & { title: string }, "title") : r.id;
      }
      case "report": {
        const report = state.reports[r.id];
        return report ? reportText(lang, report, "title", nameOf, main) : r.id;
      }
      case "agreement":
        return state.agreements[r.id]?.title ?? r.id;
      case "mission": {
        const key = termKey("mission", r.id);
        return key ? translate(lang, msg(key)) : r.id;
      }
      case "playbookLevel":
      case "playbookRule": {
        const [nation, id] = r.id.split("/");
        const levels = scenario.nations.find((n) => n.id === nation)?.playbook?.levels ?? [];
        const named = r.ref === "playbookLevel" ? levels.find((l) => l.id === id) : levels.flatMap((l) => l.rules).find((rule) => rule.id === id);
        return named ? marked(named, "name") : translate(lang, msg("common.unknown"));
      }
      default:
        return r.id;
    }
  };
  return nameOf;
}

/** Renders a feed item's message in a language against the state's names. */
export function feedText(item: Pick<FeedItem, "msg">, state: ExerciseState, lang: Lang): string {
  return translate(lang, item.msg, namesIn(state, lang));
}

/** A term of the vocabulary as a message, or the value itself when the vocabulary does not know it. */
function term(vocabulary: Parameters<typeof termKey>[0], value: string): Param {
  const key = termKey(vocabulary, value);
  return key ? msg(key) : value;
}

/** An order in plain words ("deploy Task Group Nord to Lakeland (mission: patrol)"). */
export function orderMsg(order: Order): Msg {
  switch (order.kind) {
    case "deployAsset":
      return msg("feed.order.deployAsset", {
        asset: ref("asset", order.asset),
        destination: ref("region", order.destination),
        mission: term("mission", order.mission),
      });
    case "prepositionAsset":
      return msg("feed.order.prepositionAsset", { asset: ref("asset", order.asset), destination: ref("region", order.destination) });
    case "recallAsset":
      return msg("feed.order.recallAsset", { asset: ref("asset", order.asset), destination: ref("region", order.destination) });
    case "setMission":
      return msg("feed.order.setMission", { asset: ref("asset", order.asset), mission: term("mission", order.mission) });
    case "setPolicy":
      return msg("feed.order.setPolicy");
    case "fundCapacityBuilding":
      return msg("feed.order.fundCapacityBuilding", { partner: ref("nation", order.partner), amount: order.amount });
    case "transferAuthority":
      return msg("toa.order.transferAuthority", {
        asset: ref("asset", order.asset),
        caveats: caveatsMsg({ since: 0, excludedMissions: order.excludedMissions ?? [], excludedRegions: order.excludedRegions ?? [] }),
      });
    case "revokeAuthority":
      return msg("toa.order.revokeAuthority", { asset: ref("asset", order.asset) });
    case "embarkAsset":
      return msg("lift.order.embarkAsset", { asset: ref("asset", order.asset), carrier: ref("asset", order.carrier) });
    case "disembarkAsset":
      return order.destination
        ? msg("lift.order.disembarkAssetAt", { asset: ref("asset", order.asset), destination: ref("region", order.destination) })
        : msg("lift.order.disembarkAsset", { asset: ref("asset", order.asset) });
    default: {
      const never: never = order;
      return never ?? msg("common.unknown");
    }
  }
}

/** ICU select option names cannot hold hyphens: "intel-sharing" → "intelSharing". */
const selectable = (value: string) => value.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const nations = (ids: readonly string[]) => ids.map((id) => ref("nation", id));

/**
 * Turns an event into a feed line for a viewer, or null when the viewer may not learn of it.
 * `state` is the state after the event. Pure, so the replay viewer shows the same feed.
 * Events recorded before messages were data (order outcomes as English prose) still give a line:
 * their prose is shown as it was recorded.
 */
export function feedItemFor(event: ExerciseEvent, state: ExerciseState, viewer: Viewer): FeedItem | null {
  const white = viewer.kind !== "nation";
  const me = viewer.kind === "nation" ? viewer.nation : null;
  const item = (kind: FeedItem["kind"], message: Msg): FeedItem => ({ seq: event.seq, turn: state.turn, kind, msg: message });
  /** Exercise control reads whose order it was; a team knows its own. */
  const ofNation = (nation: string, message: Msg): Msg => (white ? msg("feed.byNation", { nation: ref("nation", nation), text: message }) : message);
  switch (event.type) {
    case "exerciseStarted":
      return item("lifecycle", msg("feed.lifecycle.started"));
    case "exercisePaused":
      return item("lifecycle", msg("feed.lifecycle.paused"));
    case "exerciseResumed":
      return item("lifecycle", msg("feed.lifecycle.resumed"));
    case "exerciseEnded":
      return item("lifecycle", msg("feed.lifecycle.ended"));
    case "briefingStarted":
      return item("lifecycle", msg("feed.lifecycle.briefing"));
    case "turnStarted":
      return item("turn", msg("feed.turn.started", { turn: event.turn }));
    case "resolutionStarted":
      return item("turn", msg("feed.turn.resolving", { turn: event.turn, cause: event.cause }));
    case "orderExecuted": {
      if (!white && event.nation !== me) return null;
      const result = (event as { result?: unknown }).result;
      return item(
        "order",
        ofNation(event.nation, isMsg(result) ? msg("feed.order.executed", { result }) : msg("feed.order.executedAsRecorded", { text: event.outcome })),
      );
    }
    case "draftWithdrawn":
      // A draft never vanishes silently: its team (and exercise control) hears who withdrew it.
      if (!event.nation || !event.order || (!white && event.nation !== me)) return null;
      return item(
        "order",
        ofNation(
          event.nation,
          msg("participant.feed.withdrawn", { by: event.by, author: event.author ?? "", order: orderMsg(event.order), draft: event.draft }),
        ),
      );
    case "orderFailed": {
      if (!white && event.nation !== me) return null;
      const failure = (event as { failure?: unknown }).failure;
      return item("order", ofNation(event.nation, msg("feed.order.failed", { order: orderMsg(event.order), reason: isMsg(failure) ? failure : event.reason })));
    }
    case "injectReleased": {
      const inject = state.injects[event.inject];
      if (!inject) return null;
      const to = inject.spec.to;
      if (!white && to !== "all" && !to.includes(me!)) return null;
      return item("inject", msg("feed.inject.released", { inject: ref("inject", inject.id), from: ref("injectSender", inject.id) }));
    }
    case "intelShared":
      if (white) return item("intel", msg("feed.intel.sharedWith", { from: ref("nation", event.from), to: nations(event.to) }));
      if (event.to.includes(me!))
        return item("intel", msg("feed.intel.sharedWithYou", { from: ref("nation", event.from), redacted: event.redacted ? "yes" : "no" }));
      if (event.from === me) return item("intel", msg("feed.intel.youShared", { to: nations(event.to) }));
      return null;
    case "reportCreated":
      if (event.report.copiedFrom !== null || !(white || event.report.owner === me)) return null;
      return item(
        "intel",
        white
          ? msg("feed.intel.received", { nation: ref("nation", event.report.owner), title: ref("report", event.report.id) })
          : msg("feed.intel.new", { title: ref("report", event.report.id) }),
      );
    case "agreementProposed":
      return white || event.agreement.parties.includes(me!)
        ? item(
            "diplomacy",
            msg("feed.agreement.proposed", {
              proposer: ref("nation", event.agreement.proposer ?? "white"),
              kind: selectable(event.agreement.kind),
              title: event.agreement.title,
            }),
          )
        : null;
    case "agreementStatusChanged": {
      const agreement = state.agreements[event.agreement];
      return agreement && (white || agreement.parties.includes(me!))
        ? item("diplomacy", msg("feed.agreement.status", { title: agreement.title, status: term("agreementStatus", event.status) }))
        : null;
    }
    case "consentRequested":
      return white || event.request.host === me || event.request.requester === me
        ? item(
            "diplomacy",
            msg("feed.consent.requested", {
              requester: ref("nation", event.request.requester),
              host: ref("nation", event.request.host),
              region: ref("region", event.request.region),
            }),
          )
        : null;
    case "consentAnswered": {
      const request = state.consentRequests[event.request];
      return request && (white || request.host === me || request.requester === me)
        ? item("diplomacy", msg("feed.consent.answered", { region: ref("region", request.region), granted: event.granted ? "yes" : "no" }))
        : null;
    }
    case "infoRequested":
      return white || event.request.target === me || event.request.requester === me
        ? item("intel", msg("feed.intel.infoRequested", { requester: ref("nation", event.request.requester), target: ref("nation", event.request.target) }))
        : null;
    case "infoAnswered": {
      const request = state.infoRequests[event.request];
      return request && (white || request.requester === me || request.target === me)
        ? item("intel", msg("feed.intel.infoAnswered", { target: ref("nation", request.target) }))
        : null;
    }
    case "diplomacyScheduled":
      return white || event.nations.includes(me!)
        ? item("diplomacy", msg("feed.diplomacy.scheduled", { kind: event.kind, topic: event.topic, nations: nations(event.nations) }))
        : null;
    case "statementMade":
      // The statement itself is the nation's own words, like chat: not translated.
      return item(
        "diplomacy",
        msg("feed.statement.made", { nation: ref("nation", event.nation), stance: term("publicStance", event.stance), text: event.text }),
      );
    case "actedFor":
      return actedForItem(event, state, me, white, item);
    case "ruleApplied":
      return white || event.nations.length === 0 || event.nations.includes(me!) ? item("rule", event.msg) : null;
    case "stateAdjusted":
      return white ? item("adjudication", msg("seats.feed.adjudicatedBy", { by: event.by, rationale: event.rationale })) : null;
    case "controlActed": {
      if (!white) return null;
      // What a named controller did, in words (the signing line before its action's own lines).
      const action = signedAction(event.command);
      return action ? item("adjudication", msg("seats.feed.controlActed", { by: event.by, action: { key: action } })) : null;
    }
    case "controlLogged":
      return white ? item("adjudication", msg("seats.feed.controlLogged", { by: event.entry.by, text: event.entry.text })) : null;
    case "objectiveMet": {
      const spec = state.scenario.objectives.find((o) => o.id === event.objective);
      return spec && (white || !spec.nation || spec.nation === me) ? item("lifecycle", msg("feed.objective.met", { title: ref("objective", spec.id) })) : null;
    }
    case "injectEdited":
    case "injectAdded":
    case "injectDeleted":
    case "injectMoved":
    case "injectHeld":
    case "injectUnskipped":
    case "mselImported": {
      // The MSEL's bookkeeping is the white cell's; the teams see only what is released.
      const change = white ? mselChangeMsg(event, state) : null;
      return change ? item("inject", change) : null;
    }
    default:
      return null;
  }
}

/**
 * A move someone else made for a nation (a bot, a role-player, exercise control, the playbook):
 * exercise control reads who, for whom and what; the nation's own team reads that it was not
 * theirs. Other nations hear nothing of it: to them it is that nation's move.
 */
function actedForItem(
  event: Extract<ExerciseEvent, { type: "actedFor" }>,
  state: ExerciseState,
  me: string | null,
  white: boolean,
  item: (kind: FeedItem["kind"], message: Msg) => FeedItem,
): FeedItem | null {
  if (!white && event.nation !== me) return null;
  // A person playing a nation (a role-player, exercise control in person) is named to exercise
  // control before the move it made; a bot's line says what it did.
  if (white && event.as !== "bot") return item("rule", msg("seats.feed.actedFor", { by: event.by, as: event.as, nation: ref("nation", event.nation) }));
  const persona = controlOf(state, event.nation).persona ?? "";
  const who = msg("botNations.who", { as: event.as, by: event.by, persona: msg("botNations.persona", { persona: selectable(persona) }) });
  const key = `botNations.command.${event.command}`;
  const what = msg(Object.hasOwn(EN, key) ? (key as MessageKey) : "botNations.command.other");
  return item("order", white ? msg("botNations.feed.white", { who, nation: ref("nation", event.nation), what }) : msg("botNations.feed.own", { who, what }));
}
