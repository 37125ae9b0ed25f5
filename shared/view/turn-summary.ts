import type { ExerciseEvent } from "../protocol/events.ts";
import { relationKey, type ExerciseState } from "../state/schema.ts";
import { msg, ref, isMsg, type Msg } from "../i18n/message.ts";
import { turnEconomy } from "../engine/economy.ts";
import { orderMsg } from "./feed.ts";
import { round1 } from "../engine/numbers.ts";
import { term } from "../engine/words.ts";

/** One line of a nation's books for the turn: signed changes (+ received, − spent). */
export type MoneyLine = { what: Msg; budget: number; politicalCapital: number; readiness: number };
type Books = { budget: number; politicalCapital: number; readiness: number };

/**
 * A team's card for one turn: what its turn did to it, from its planning to the end of the
 * resolution. It holds only what the nation's own view holds (its assets, its relations, its
 * books, its reports, its orders, its objectives, public crises): the same fog as viewFor.
 */
export type TurnSummary = {
  turn: number;
  nation: string;
  moves: Msg[];
  crises: Msg[];
  relations: { partner: string; trust: number; trustChange: number; interoperability: number; interoperabilityChange: number }[];
  start: Books;
  end: Books;
  money: MoneyLine[];
  reports: string[];
  /** Foreign forces whose place in the nation's known-forces picture changed. */
  sightings: number;
  objectives: Msg[];
  failures: { order: Msg; reason: Msg | string }[];
  /** Why the rules changed what they did (the turn's ruleApplied lines addressed to the nation). */
  why: Msg[];
};

type Asset = { owner: string; region: string; status: string; destination: string | null; eta: number | null; routed: boolean };
type Working = { summary: TurnSummary; pending: MoneyLine[]; moveLine: Map<string, number> };
type Relation = { trust: number; interoperability: number };

/** Where a turn starts: the assets, relations and crises its card compares against, and the playable nations' books. */
type TurnStart = {
  turn: number;
  assets: Map<string, Asset>;
  relations: Map<string, Relation>;
  crises: Map<string, string>;
  books: { nation: string; books: Books }[];
};

/**
 * What the cards take from the state after an event, read while that state is whole: a
 * decision changes its records in place at its next event (builder.ts), so the room reads each
 * event's state as the event is folded and makes the cards once the events are stored.
 */
export type SummaryReading = {
  /** At exerciseStarted and turnStarted. */
  start?: TurnStart;
  /** At turnStarted and exerciseEnded: the nations, in order, whose relations a finished card lists. */
  nations?: string[];
  /** At the economy's nationUpdated: its income, upkeep and standing cost. */
  economy?: ReturnType<typeof turnEconomy>;
  /** At objectiveMet. */
  objective?: ExerciseState["scenario"]["objectives"][number];
};

/** Most events: the cards read nothing of the state (one object for all of them; a reading is never changed). */
const NOTHING: SummaryReading = Object.freeze({});

/** What `TurnSummaries.apply` needs of the state after `event`. */
export function readSummary(event: ExerciseEvent, state: ExerciseState): SummaryReading {
  switch (event.type) {
    case "exerciseStarted":
      return { start: turnStart(state) };
    case "turnStarted":
      return { start: turnStart(state), nations: Object.keys(state.nations).sort() };
    case "exerciseEnded":
      return { nations: Object.keys(state.nations).sort() };
    case "nationUpdated":
      return event.cause === "economy" ? { economy: turnEconomy(state, event.nation) } : NOTHING;
    case "objectiveMet":
      return { objective: state.scenario.objectives.find((o) => o.id === event.objective) };
    default:
      return NOTHING;
  }
}

function turnStart(state: ExerciseState): TurnStart {
  const assets = new Map<string, Asset>();
  for (const a of Object.values(state.assets)) assets.set(a.id, assetOf(a));
  const relations = new Map<string, Relation>();
  for (const [key, r] of Object.entries(state.relations)) relations.set(key, { trust: r.trust, interoperability: r.interoperability });
  const crises = new Map<string, string>();
  for (const r of Object.values(state.regions)) crises.set(r.id, crisisKey(r.crisis));
  const books = Object.values(state.nations)
    .filter((nation) => nation.playable)
    .map((nation) => ({ nation: nation.id, books: { budget: nation.budget, politicalCapital: nation.politicalCapital, readiness: nation.readiness } }));
  return { turn: state.turn, assets, relations, crises, books };
}

/**
 * Builds every playable nation's card as the events go by (`record(event, stateAfter)`, or
 * `apply(event, readSummary(event, stateAfter))`), keeping only numbers and ids, never the states
 * themselves: a fold reuses its records (records.ts).
 * A card covers a turn from its start to the end of its resolution and is finished when the
 * next turn starts or the exercise ends.
 */
export class TurnSummaries {
  private working = new Map<string, Working>();
  private assets = new Map<string, Asset>();
  private relations = new Map<string, Relation>();
  private startRelations = new Map<string, Relation>();
  private crises = new Map<string, string>();
  private resolving = false;
  private turn = 0;
  /** Finished cards, oldest first. */
  readonly done: TurnSummary[] = [];

  /**
   * Everything it holds, for the room's cached fold (server/rooms/fold-snapshot.ts), detached
   * from what later events change, so that it may be written out later; Maps stay Maps. Cheap:
   * finished cards never change (shared), the maps' values are replaced, never changed; only
   * the cards in the making are copied.
   */
  toSnapshot(): { done: TurnSummary[] } & Record<string, unknown> {
    return {
      working: structuredClone(this.working),
      assets: new Map(this.assets),
      relations: new Map(this.relations),
      startRelations: new Map(this.startRelations),
      crises: new Map(this.crises),
      resolving: this.resolving,
      turn: this.turn,
      done: this.done.slice(),
    };
  }

  /** The builder a snapshot's `toSnapshot()` came from, as it was. */
  static fromSnapshot(data: { done: TurnSummary[] }): TurnSummaries {
    return Object.assign(new TurnSummaries(), data);
  }

  /** `state` is the state after the event. Returns the cards this event finished. */
  record(event: ExerciseEvent, state: ExerciseState): TurnSummary[] {
    return this.apply(event, readSummary(event, state));
  }

  /** The same from what was read of the state after the event. Returns the cards this event finished. */
  apply(event: ExerciseEvent, read: SummaryReading): TurnSummary[] {
    if (event.type === "exerciseStarted" || (event.type === "turnStarted" && !this.resolving)) {
      this.begin(read.start!);
      return [];
    }
    if (this.working.size === 0) return [];
    if (event.type === "turnStarted" || event.type === "exerciseEnded") {
      const finished = this.resolving ? this.finish(read.nations!) : [];
      if (event.type === "turnStarted") this.begin(read.start!);
      else this.working.clear();
      return finished;
    }
    if (event.type === "resolutionStarted") this.resolving = true;
    this.take(event, read);
    return [];
  }

  private begin(start: TurnStart): void {
    this.resolving = false;
    this.turn = start.turn;
    this.working.clear();
    // A reading is applied once: its maps become the cards' own.
    this.assets = start.assets;
    this.relations = new Map(start.relations);
    this.startRelations = start.relations;
    this.crises = start.crises;
    for (const { nation, books } of start.books) {
      this.working.set(nation, {
        pending: [],
        moveLine: new Map(),
        summary: {
          turn: start.turn,
          nation,
          moves: [],
          crises: [],
          relations: [],
          start: books,
          end: { ...books },
          money: [],
          reports: [],
          sightings: 0,
          objectives: [],
          failures: [],
          why: [],
        },
      });
    }
  }

  private take(event: ExerciseEvent, read: SummaryReading): void {
    const card = (nation: string) => this.working.get(nation);
    switch (event.type) {
      case "nationUpdated": {
        const w = card(event.nation);
        if (!w) return;
        const end = w.summary.end;
        const change = {
          budget: round1(event.budget - end.budget),
          politicalCapital: round1(event.politicalCapital - end.politicalCapital),
          readiness: round1(event.readiness - end.readiness),
        };
        w.summary.end = { budget: event.budget, politicalCapital: event.politicalCapital, readiness: event.readiness };
        if (!change.budget && !change.politicalCapital && !change.readiness) return;
        if (event.cause === "economy") return void w.summary.money.push(...economyLines(read.economy!, change));
        if (event.cause) return void w.summary.money.push({ what: msg(`turns.cause.${event.cause}`), ...change });
        // An order's cost comes just before its orderExecuted; anything else is said as such when the next event comes.
        w.pending.push({ what: msg("turns.cause.other"), ...change });
        return;
      }
      case "orderExecuted":
      case "orderFailed": {
        for (const [nation, w] of this.working) {
          const label = nation === event.nation ? orderMsg(event.order) : msg("turns.cause.partnerOrder", { nation: ref("nation", event.nation) });
          w.summary.money.push(...w.pending.map((line) => ({ ...line, what: label })));
          w.pending = [];
        }
        if (event.type === "orderFailed") {
          const failure = (event as { failure?: unknown }).failure;
          card(event.nation)?.summary.failures.push({ order: orderMsg(event.order), reason: isMsg(failure) ? failure : event.reason });
        }
        return;
      }
      case "assetUpdated":
        return void this.moved(event.asset.id, assetOf(event.asset));
      case "relationUpdated":
        this.relations.set(relationKey(event.a, event.b), { trust: event.trust, interoperability: event.interoperability });
        break;
      case "regionUpdated": {
        const was = this.crises.get(event.region) ?? "";
        const now = crisisKey(event.crisis);
        this.crises.set(event.region, now);
        if (was === now || !this.resolving) break;
        const line = !event.crisis
          ? msg("turns.crisis.ended", { region: ref("region", event.region) })
          : !was
            ? msg("turns.crisis.started", { region: ref("region", event.region), kind: term("crisisKind", event.crisis.kind), severity: event.crisis.severity })
            : msg("turns.crisis.changed", {
                region: ref("region", event.region),
                kind: term("crisisKind", event.crisis.kind),
                severity: event.crisis.severity,
              });
        for (const w of this.working.values()) w.summary.crises.push(line);
        break;
      }
      case "reportCreated":
        card(event.report.owner)?.summary.reports.push(event.report.id);
        break;
      case "assetDetected":
        if (card(event.observer)) card(event.observer)!.summary.sightings++;
        break;
      case "assetsDetected":
        if (card(event.observer)) card(event.observer)!.summary.sightings += event.detections.length;
        break;
      case "objectiveMet": {
        const spec = read.objective;
        if (!spec) break;
        for (const [nation, w] of this.working)
          if (!spec.nation || spec.nation === nation) w.summary.objectives.push(msg("turns.objective.met", { title: ref("objective", spec.id) }));
        break;
      }
      case "ruleApplied":
        if (!this.resolving) break;
        for (const [nation, w] of this.working) if (event.nations.length === 0 || event.nations.includes(nation)) w.summary.why.push(event.msg);
        break;
      default:
        break;
    }
  }

  /** Costs that no order claimed (only a log from before causes were recorded has them) stay "other changes". */
  private settlePending(): void {
    for (const w of this.working.values()) if (w.pending.length) w.summary.money.push(...w.pending), (w.pending = []);
  }

  private moved(id: string, now: Asset): void {
    const was = this.assets.get(id);
    this.assets.set(id, now);
    if (!this.resolving || !was) return;
    const w = this.working.get(now.owner);
    if (!w) return;
    const asset = ref("asset", id);
    let line: Msg | null = null;
    if (was.region !== now.region && !now.routed) line = msg("turns.move.arrived", { asset, region: ref("region", now.region) });
    else if (was.region !== now.region)
      line = msg("turns.move.moved", {
        asset,
        region: ref("region", now.region),
        destination: ref("region", now.destination ?? now.region),
        eta: now.eta ?? 0,
      });
    else if (!was.routed && now.routed)
      line = msg("turns.move.setOff", { asset, destination: ref("region", now.destination ?? now.region), eta: now.eta ?? 0 });
    else if (was.routed && !now.routed && now.status !== "moving") line = msg("turns.move.stopped", { asset, region: ref("region", now.region) });
    if (!line) return;
    // One line per asset: where the turn left it ("set off" then "arrived" in one turn reads "arrived").
    const at = w.moveLine.get(id);
    if (at === undefined) w.moveLine.set(id, w.summary.moves.push(line) - 1);
    else w.summary.moves[at] = line;
  }

  private finish(nations: readonly string[]): TurnSummary[] {
    this.settlePending();
    const out: TurnSummary[] = [];
    for (const [nation, w] of this.working) {
      const s = w.summary;
      s.relations = this.relationChanges(nation, nations);
      s.turn = this.turn;
      out.push(s);
    }
    this.done.push(...out);
    this.working.clear();
    return out;
  }

  private relationChanges(nation: string, nations: readonly string[]): TurnSummary["relations"] {
    const out: TurnSummary["relations"] = [];
    for (const other of nations) {
      if (other === nation) continue;
      const key = relationKey(nation, other);
      const start = this.startRelations.get(key);
      const now = this.relations.get(key);
      if (!start || !now) continue;
      const trustChange = round1(now.trust - start.trust);
      const interoperabilityChange = round1(now.interoperability - start.interoperability);
      if (trustChange || interoperabilityChange)
        out.push({ partner: other, trust: now.trust, trustChange, interoperability: now.interoperability, interoperabilityChange });
    }
    return out;
  }
}

function assetOf(a: { owner: string; region: string; status: string; destination: string | null; eta: number | null; route: readonly string[] }): Asset {
  return { owner: a.owner, region: a.region, status: a.status, destination: a.destination, eta: a.eta, routed: a.route.length > 0 };
}

function crisisKey(crisis: { kind: string; severity: number } | null | undefined): string {
  return crisis ? `${crisis.kind}:${crisis.severity}` : "";
}

/** The economy's change split as the economy computed it (economy.ts): income, upkeep, the alert's standing cost, readiness. */
function economyLines(books: ReturnType<typeof turnEconomy>, change: Books): MoneyLine[] {
  // Read from the state after the economy's event: assets and policies, which decide upkeep, are as the economy saw them.
  const lines: MoneyLine[] = [];
  const none = { budget: 0, politicalCapital: 0, readiness: 0 };
  if (books.income) lines.push({ what: msg("turns.money.income"), ...none, budget: round1(books.income) });
  if (books.upkeep) lines.push({ what: msg("turns.money.upkeep"), ...none, budget: -round1(books.upkeep) });
  if (books.standing) lines.push({ what: msg("turns.money.alertStanding"), ...none, budget: -round1(books.standing) });
  const explained = round1(books.income - books.upkeep - books.standing);
  // Budgets stop at zero: what could not be paid is said, so the lines add up to the change.
  if (round1(change.budget - explained) !== 0) lines.push({ what: msg("turns.money.unpaid"), ...none, budget: round1(change.budget - explained) });
  if (change.readiness)
    lines.push({ what: msg(change.readiness < 0 ? "turns.money.readinessOverstretched" : "turns.money.readiness"), ...none, readiness: change.readiness });
  return lines;
}
