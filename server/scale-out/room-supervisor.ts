import { matchMaker } from "@colyseus/core";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import type { Logger } from "../log.ts";

/**
 * With several processes, a room lives on one of them. When that process dies, its rooms'
 * listings stay in Redis until someone notices. Every process runs this supervisor: it asks
 * Colyseus to health-check the owner of every exercise room (a dead owner's listings are swept),
 * and reopens swept exercises from the shared event store. The driver refuses a second room with
 * the same id, so two survivors racing to reopen one exercise end with one room.
 */
export function superviseRooms(service: ExerciseService, log: Logger, ensureRoom: (id: string) => Promise<void>, intervalMs = 1000): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const exercises = await service.store.listExercises();
      const checked = new Map<string, boolean>();
      for (const exercise of exercises) {
        const listing = await matchMaker.getRoomById(exercise.id);
        if (listing && listing.processId !== matchMaker.processId) {
          let alive = checked.get(listing.processId);
          if (alive === undefined) {
            alive = Boolean(await matchMaker.healthCheckProcessId(listing.processId));
            checked.set(listing.processId, alive);
            if (!alive) log.warn("process lost; reopening its exercises", { processId: listing.processId });
          }
          if (alive) continue;
        } else if (listing) continue;
        await ensureRoom(exercise.id).catch((error) => log.error("could not reopen exercise", { exerciseId: exercise.id, error: String(error) }));
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
