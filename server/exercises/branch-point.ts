import type { ExerciseEvent } from "../../shared/protocol/events.ts";

/**
 * Where a branch may start. A turn's resolution is one decision: it starts with
 * `resolutionStarted`, pays and moves everything, clears drafts and commit flags at
 * `turnStarted` (or `exerciseEnded`) and releases the new turn's injects in the same batch
 * (stamped with the same time). A log cut inside it keeps the drafts and commit flags of a turn
 * whose orders are already paid: resolving it again pays them twice, and the new turn's injects
 * are never released. So a point inside a resolution moves back to just before it: the
 * facilitator gets the moment the turn was about to resolve, with every order still in the
 * drafts, which is the what-if a facilitator asks for ("what if turn 3 had gone otherwise").
 */
export function consistentBranchPoint(events: readonly ExerciseEvent[], seq: number): number {
  let start = -1;
  for (let i = 0; i < events.length && events[i]!.seq <= seq; i++) if (events[i]!.type === "resolutionStarted") start = i;
  if (start < 0) return seq;
  let end = start;
  while (end < events.length && events[end]!.type !== "turnStarted" && events[end]!.type !== "exerciseEnded") end++;
  if (end === events.length) return events[start]!.seq - 1;
  // The new turn's injects and the PRNG's position come in the same batch, right after.
  while (end + 1 < events.length && events[end + 1]!.at === events[end]!.at && events[end + 1]!.type !== "resolutionStarted") end++;
  return seq >= events[end]!.seq ? seq : events[start]!.seq - 1;
}
