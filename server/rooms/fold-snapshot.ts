import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { evolve } from "../../shared/engine/evolve.ts";
import { transiently } from "../../shared/state/records.ts";
import type { EventStore, ExerciseRecord, StoredSnapshot } from "../store/event-store.ts";
import type { Logger } from "../log.ts";
import { RoomFeeds } from "./room-feeds.ts";

/**
 * A room's fold is cached beside its log every SNAPSHOT_EVERY events: the state and the feeds
 * after event `seq`. Opening reads the newest snapshot and folds only the events after it (a
 * week-long log of 100,000 events: the last few thousand). It is a cache, never the truth:
 * a snapshot is used only when it was made by this very fold code (FOLD_VERSION), for this
 * exercise as created (its scenario and seed), its checksum holds and the log still has the
 * very event it was taken at; otherwise it is ignored and the whole log folded, as before.
 * Nothing acknowledged depends on it: appends are durable on their own (docs/RELIABILITY.md).
 */
export const SNAPSHOT_EVERY = 2000;

/** The modules whose code decides what a fold produces: the state's and the feeds'. */
const FOLD_ROOTS = ["../../shared/engine/evolve.ts", "../../shared/engine/initial-state.ts", "./room-feeds.ts", "./fold-snapshot.ts"];
/** Bumped by hand only if the snapshot's layout changes without any fold module changing. */
const FORMAT = "1";

let version: string | null = null;

/**
 * The fold's version: a hash of the source of every module the fold imports, followed
 * transitively. Any change to the rules, the state's shape or the feeds makes every stored
 * snapshot stale, without anyone having to remember to bump a number.
 */
export function foldVersion(): string {
  if (version) return version;
  const here = dirname(fileURLToPath(import.meta.url));
  const seen = new Set<string>();
  const pending = FOLD_ROOTS.map((root) => resolve(here, root));
  const hash = createHash("sha256").update(FORMAT);
  while (pending.length > 0) {
    const file = pending.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    hash
      .update(file.slice(resolve(here, "../..").length))
      .update("\0")
      .update(source)
      .update("\0");
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.ts)"/g)) pending.push(resolve(dirname(file), match[1]!));
  }
  version = hash.digest("hex").slice(0, 32);
  return version;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** What makes the exercise's first state: a snapshot of another exercise, or of one made again under the same id, never fits. */
export function originOf(record: ExerciseRecord): string {
  return sha256(JSON.stringify([record.id, record.seed, record.scenario]));
}

/** An event's fingerprint, whatever order the store gives its fields in. */
export function eventMark(event: ExerciseEvent): string {
  return sha256(stableJson(event));
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}

// The feeds hold Maps (per perspective, per asset); the state holds none and is written plainly.
const MAP = "$map";
const writeMaps = (_key: string, value: unknown) => (value instanceof Map ? { [MAP]: [...value] } : value);
/** The Maps writeMaps wrote, back in place (walks the feeds, not the state). */
function reviveMaps(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveMaps(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, MAP)) return new Map((record[MAP] as [unknown, unknown][]).map(([k, v]) => [k, reviveMaps(v)]));
  for (const key of Object.keys(record)) record[key] = reviveMaps(record[key]);
  return record;
}

type Header = { origin: string; seq: number; mark: string };

/** The snapshot of a room's fold after `last` (the state's last event); `feeds` as toSnapshot() gave them, already written. */
export function encodeSnapshot(origin: string, state: ExerciseState, feedsJson: string, last: ExerciseEvent): StoredSnapshot {
  const header: Header = { origin, seq: state.seq, mark: eventMark(last) };
  const body = `{"header":${JSON.stringify(header)},"feeds":${feedsJson},"state":${JSON.stringify(state)}}`;
  return { seq: state.seq, version: foldVersion(), data: `${sha256(body)}\n${body}` };
}

export function feedsJson(feeds: RoomFeeds): string {
  return JSON.stringify(feeds.toSnapshot(), writeMaps);
}

export type Decoded = { state: ExerciseState; feeds: RoomFeeds; seq: number; mark: string };

/** The snapshot's fold, or why it cannot be used. */
export function decodeSnapshot(stored: StoredSnapshot, origin: string): Decoded | { unusable: string } {
  if (stored.version !== foldVersion()) return { unusable: "made by another version of the fold" };
  const newline = stored.data.indexOf("\n");
  const body = stored.data.slice(newline + 1);
  if (newline !== 64 || sha256(body) !== stored.data.slice(0, newline)) return { unusable: "checksum does not match" };
  let parsed: { header: Header; feeds: unknown; state: ExerciseState };
  try {
    parsed = JSON.parse(body);
  } catch {
    return { unusable: "not JSON" };
  }
  const { header } = parsed;
  if (header?.origin !== origin) return { unusable: "made for another exercise" };
  if (header.seq !== stored.seq || parsed.state?.seq !== stored.seq) return { unusable: "seq does not match" };
  // The feeds were written with writeMaps: revived from their own JSON (small beside the state).
  const feeds = RoomFeeds.fromSnapshot(reviveMaps(parsed.feeds) as ReturnType<RoomFeeds["toSnapshot"]>);
  return { state: parsed.state, feeds, seq: header.seq, mark: header.mark };
}

export type Opened = { state: ExerciseState; feeds: RoomFeeds; folded: number; fromSnapshot: number | null; last: ExerciseEvent | undefined };

/**
 * The room's state and feeds from the store: the newest usable snapshot and the events after
 * it, or the whole log. One transient fold (records.ts), each feed line taken right after its
 * event (it reads the state at once and keeps none of it).
 */
export async function openFold(store: EventStore, record: ExerciseRecord, log?: Logger): Promise<Opened> {
  let start: Decoded | null = null;
  let events: ExerciseEvent[] | null = null;
  const origin = originOf(record);
  try {
    const stored = (await store.readSnapshot?.(record.id)) ?? null;
    if (stored) {
      const decoded = decodeSnapshot(stored, origin);
      if ("unusable" in decoded) log?.warn("snapshot ignored, folding the whole log", { exerciseId: record.id, seq: stored.seq, reason: decoded.unusable });
      else {
        // From the snapshot's own event: the log must still hold exactly that one.
        const tail = await store.readEvents(record.id, decoded.seq);
        if (tail[0] && tail[0].seq === decoded.seq && eventMark(tail[0]) === decoded.mark) {
          start = decoded;
          events = tail.slice(1);
        } else
          log?.warn("snapshot ignored, folding the whole log", {
            exerciseId: record.id,
            seq: stored.seq,
            reason: "the log does not hold the event it was taken at",
          });
      }
    }
  } catch (error) {
    // A snapshot that cannot be read is no snapshot: the log decides.
    log?.warn("snapshot ignored, folding the whole log", { exerciseId: record.id, reason: String((error as Error)?.message ?? error) });
    start = null;
  }
  if (!start) events = await store.readEvents(record.id);
  const feeds = start?.feeds ?? new RoomFeeds();
  const state = transiently(() => {
    let state = start?.state ?? initialState(record.scenario, record.id, record.seed);
    for (const event of events!) {
      state = evolve(state, event);
      feeds.record(event, state);
    }
    return state;
  });
  return { state, feeds, folded: events!.length, fromSnapshot: start?.seq ?? null, last: events!.at(-1) };
}

/**
 * Writes a room's snapshot every SNAPSHOT_EVERY events, one at a time, after the command that
 * crossed the mark was answered. A failed write is logged and changes nothing else.
 */
export class SnapshotWriter {
  private readonly store: EventStore;
  private readonly exerciseId: string;
  private readonly origin: string;
  private readonly log: Logger | undefined;
  private savedAt: number;
  private writing = false;

  constructor(store: EventStore, record: ExerciseRecord, savedAt: number, log?: Logger) {
    this.store = store;
    this.exerciseId = record.id;
    this.origin = originOf(record);
    this.savedAt = savedAt;
    this.log = log;
  }

  /** After events were appended and folded: a snapshot when SNAPSHOT_EVERY more have come (or `now`). */
  after(state: ExerciseState, feeds: RoomFeeds, last: ExerciseEvent | undefined, now = false): Promise<void> | null {
    if (!this.store.writeSnapshot || !last || this.writing || state.seq <= this.savedAt) return null;
    if (!now && state.seq - this.savedAt < SNAPSHOT_EVERY) return null;
    this.writing = true;
    // The feeds change in place as events come: a detached copy now (cheap), written out after
    // the command's answer with the state, which never changes once made.
    const detached = feeds.toSnapshot();
    return new Promise<void>((done) => setImmediate(done))
      .then(() => this.store.writeSnapshot!(this.exerciseId, encodeSnapshot(this.origin, state, JSON.stringify(detached, writeMaps), last)))
      .then(
        () => void (this.savedAt = state.seq),
        (error) => this.log?.warn("snapshot not written", { exerciseId: this.exerciseId, seq: state.seq, error: String((error as Error)?.message ?? error) }),
      )
      .finally(() => void (this.writing = false));
  }
}
