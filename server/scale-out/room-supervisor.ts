import { matchMaker } from "@colyseus/core";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import { hasLiveDeadline } from "../exercises/exercise-status.ts";
import type { Logger } from "../log.ts";

/** How often the exercises whose turn timer runs are checked for a room (every this many ticks). */
const DEADLINE_SWEEP_TICKS = 15;

/**
 * With several processes, a room lives on one of them. When that process dies, its rooms'
 * listings stay in Redis until someone notices. Every process runs this supervisor, which watches
 * only what it must:
 * - the rooms that are loaded (their listings in the driver, not every stored exercise): the
 *   owner of each listing on another process is health-checked once per tick (Colyseus sweeps a
 *   dead owner's listings) and the exercises it held are reopened here from the shared store;
 * - every DEADLINE_SWEEP_TICKS ticks, the exercises whose turn timer runs (their status, beside
 *   the log): one without a room anywhere is loaded, so its timer fires with nobody in it.
 * Any other exercise loads on its next join (rooms on demand). The driver refuses a second room
 * with the same id, so two survivors racing to reopen one exercise end with one room.
 */
export function superviseRooms(service: ExerciseService, log: Logger, ensureRoom: (id: string) => Promise<void>, intervalMs = 1000): () => void {
  let busy = false;
  let ticks = 0;
  const reopen = (exerciseId: string) => ensureRoom(exerciseId).catch((error) => log.error("could not reopen exercise", { exerciseId, error: String(error) }));
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const listings = await matchMaker.query({ name: "exercise" });
      const held = new Map<string, string[]>();
      for (const listing of listings) {
        if (listing.processId === matchMaker.processId) continue;
        held.set(listing.processId, [...(held.get(listing.processId) ?? []), listing.roomId]);
      }
      for (const [processId, roomIds] of held) {
        if (await matchMaker.healthCheckProcessId(processId)) continue;
        log.warn("process lost; reopening its exercises", { processId, exercises: roomIds.length });
        for (const roomId of roomIds) await reopen(roomId);
      }
      if (ticks++ % DEADLINE_SWEEP_TICKS === 0) {
        for (const exercise of await service.store.listExercises()) {
          if (exercise.archivedAt !== null || !hasLiveDeadline(exercise.status)) continue;
          if (!(await matchMaker.getRoomById(exercise.id))) await reopen(exercise.id);
        }
      }
    } catch (error) {
      log.error("room supervisor failed", { error: String(error) });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
