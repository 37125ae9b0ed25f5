import type { EventStore, ExerciseRecord, ExerciseStatus, ExerciseSummary, SeatCode, SeatRecord, StoredSnapshot } from "./event-store.ts";
import { SequenceConflict } from "./event-store.ts";
import { sharedScenarios } from "./shared-scenarios.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";

/** For tests and benchmarks: the same contract as the SQLite store, kept in memory. */
export class MemoryStore implements EventStore {
  readonly kind = "memory";
  /** The records without their scenarios, which are kept beside them as sharedScenarios gives them (one frozen copy each, as the databases' readers get). */
  private exercises = new Map<string, Omit<ExerciseRecord, "scenario"> & { scenario: { id: string } }>();
  private scenarios = new Map<string, ExerciseRecord["scenario"]>();
  /** Kept as JSON, as a database keeps them: nobody can change a stored event through a reference, and JSON is cheaper than structuredClone for small events. */
  private events = new Map<string, string[]>();
  private seats = new Map<string, SeatRecord>();
  private statuses = new Map<string, ExerciseStatus>();
  private archived = new Map<string, number>();
  private snapshots = new Map<string, StoredSnapshot>();

  async createExercise(record: ExerciseRecord): Promise<void> {
    if (this.exercises.has(record.id)) throw new Error(`exercise ${record.id} already exists`);
    const { scenario, ...rest } = record;
    this.exercises.set(record.id, { ...structuredClone(rest), scenario: { id: scenario.id } });
    this.scenarios.set(record.id, sharedScenarios.fromJson(JSON.stringify(scenario)));
    this.events.set(record.id, []);
  }
  async getExercise(id: string): Promise<ExerciseRecord | null> {
    const record = this.exercises.get(id);
    if (!record) return null;
    const archivedAt = this.archived.get(id);
    const { scenario: _, ...rest } = record;
    const scenario = this.scenarios.get(id)!;
    return archivedAt === undefined ? { ...structuredClone(rest), scenario } : { ...structuredClone(rest), scenario, archivedAt };
  }
  async listExercises(): Promise<ExerciseSummary[]> {
    return [...this.exercises.values()]
      .map((r) => {
        const log = this.events.get(r.id)!;
        const status = this.statuses.get(r.id);
        return {
          id: r.id,
          title: r.title,
          scenarioId: r.scenario.id,
          createdAt: r.createdAt,
          lastSeq: log.length,
          lastActivityAt: log.length ? (JSON.parse(log.at(-1)!) as ExerciseEvent).at : r.createdAt,
          status: status ? { ...status } : null,
          archivedAt: this.archived.get(r.id) ?? null,
        };
      })
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }
  async findByCode(code: string) {
    const wanted = code.toUpperCase();
    for (const record of this.exercises.values()) {
      if (record.observerCode === wanted) return { exerciseId: record.id, role: "observer" as const, nation: null };
      for (const [nation, joinCode] of Object.entries(record.joinCodes)) {
        if (joinCode === wanted) return { exerciseId: record.id, role: "participant" as const, nation };
      }
      const seatCode = record.seatCodes?.find((c) => c.code === wanted);
      if (seatCode) return { exerciseId: record.id, role: seatCode.role, nation: seatCode.nation };
    }
    return null;
  }
  async append(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    const log = this.events.get(exerciseId);
    if (!log) throw new Error(`unknown exercise ${exerciseId}`);
    let expected = log.length + 1;
    for (const event of events) {
      if (event.seq !== expected) throw new SequenceConflict(exerciseId, expected, event.seq);
      expected++;
    }
    for (const event of events) log.push(JSON.stringify(event));
  }
  async readEvents(exerciseId: string, fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER): Promise<ExerciseEvent[]> {
    // The log is dense from seq 1, so the wanted range is a slice.
    const log = this.events.get(exerciseId) ?? [];
    return log.slice(Math.max(0, fromSeq - 1), Math.min(log.length, toSeq)).map((json) => JSON.parse(json) as ExerciseEvent);
  }
  async lastSeq(exerciseId: string): Promise<number> {
    return this.events.get(exerciseId)?.length ?? 0;
  }
  async saveSeat(seat: SeatRecord): Promise<void> {
    this.seats.set(seat.token, structuredClone(seat));
  }
  async getSeat(token: string): Promise<SeatRecord | null> {
    const seat = this.seats.get(token);
    return seat ? structuredClone(seat) : null;
  }
  async listSeats(exerciseId: string): Promise<SeatRecord[]> {
    return [...this.seats.values()]
      .filter((s) => s.exerciseId === exerciseId)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((s) => structuredClone(s));
  }
  async removeSeat(token: string): Promise<void> {
    this.seats.delete(token);
  }
  async replaceJoinCode(exerciseId: string, nation: string | null, code: string): Promise<void> {
    const record = this.exercises.get(exerciseId);
    if (!record) throw new Error(`unknown exercise ${exerciseId}`);
    if (nation === null) record.observerCode = code;
    else record.joinCodes[nation] = code;
  }
  async setStatus(exerciseId: string, status: ExerciseStatus): Promise<void> {
    if (!this.exercises.has(exerciseId)) throw new Error(`unknown exercise ${exerciseId}`);
    const stored = this.statuses.get(exerciseId);
    if (!stored || stored.seq <= status.seq)
      this.statuses.set(exerciseId, { seq: status.seq, phase: status.phase, turn: status.turn, deadline: status.deadline });
  }
  async readSnapshot(exerciseId: string): Promise<StoredSnapshot | null> {
    const stored = this.snapshots.get(exerciseId);
    return stored ? { ...stored } : null;
  }
  async writeSnapshot(exerciseId: string, snapshot: StoredSnapshot): Promise<void> {
    if (!this.exercises.has(exerciseId)) throw new Error(`unknown exercise ${exerciseId}`);
    const stored = this.snapshots.get(exerciseId);
    if (!stored || stored.seq <= snapshot.seq || stored.version !== snapshot.version)
      this.snapshots.set(exerciseId, { seq: snapshot.seq, version: snapshot.version, data: snapshot.data });
  }
  async setArchived(exerciseId: string, archivedAt: number | null): Promise<void> {
    if (!this.exercises.has(exerciseId)) throw new Error(`unknown exercise ${exerciseId}`);
    if (archivedAt === null) this.archived.delete(exerciseId);
    else this.archived.set(exerciseId, archivedAt);
  }
  async deleteExercise(exerciseId: string): Promise<void> {
    this.exercises.delete(exerciseId);
    this.scenarios.delete(exerciseId);
    this.events.delete(exerciseId);
    this.statuses.delete(exerciseId);
    this.archived.delete(exerciseId);
    this.snapshots.delete(exerciseId);
    for (const [token, seat] of this.seats) if (seat.exerciseId === exerciseId) this.seats.delete(token);
  }
  async saveSeatCode(exerciseId: string, seatCode: SeatCode): Promise<void> {
    const record = this.exercises.get(exerciseId);
    if (!record) throw new Error(`unknown exercise ${exerciseId}`);
    record.seatCodes = [...(record.seatCodes ?? []).filter((c) => c.slot !== seatCode.slot), structuredClone(seatCode)];
  }
  async removeSeatCode(exerciseId: string, slot: string): Promise<void> {
    const record = this.exercises.get(exerciseId);
    if (!record) throw new Error(`unknown exercise ${exerciseId}`);
    const kept = (record.seatCodes ?? []).filter((c) => c.slot !== slot);
    if (kept.length > 0) record.seatCodes = kept;
    else delete record.seatCodes;
  }
  async close(): Promise<void> {}
}
