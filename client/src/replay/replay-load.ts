import { ReplaySession, type RecordedExercise } from "../../../shared/replay/replay-session.ts";
import { logRanges } from "../../../shared/replay/log-ranges.ts";
import { requestJson, type ReplayAccess } from "./replay-access.ts";

/**
 * Events per range of the log the viewer asks for. The ranges are asked for at once and folded
 * in order as each arrives, so the server writing the later ones, their download and parsing
 * overlap the fold of the earlier ones (a week of play, 100,000 events, is ten ranges of 2.6 MB).
 * A multiple of the kept states' interval, though any size folds to the same states.
 */
export const RANGE_EVENTS = 10_000;

/**
 * The recorded exercise, downloaded in ranges and folded as they come (ReplaySession.append):
 * the same session as one built from the whole log.
 */
export async function loadSession(access: ReplayAccess, snapshotEvery: number): Promise<{ session: ReplaySession; title: string }> {
  const base = `/api/exercises/${encodeURIComponent(access.exerciseId)}`;
  const path = (from: number, to?: number) => `${base}/events?from=${from}${to === undefined ? "" : `&to=${to}`}`;
  // The first range goes with the exercise's information (its title and the log's length), not after it.
  const first = requestJson<RecordedExercise>(path(1, RANGE_EVENTS), access.secret);
  first.catch(() => undefined);
  const info = await requestJson<{ title: string; lastSeq: number }>(base, access.secret);
  // The later ranges without the header (`only=events`): the scenario (0.24 MB in a week-long
  // exercise) is the same in every range and is read from the first.
  const rest = logRanges(info.lastSeq, RANGE_EVENTS)
    .slice(1)
    .map((r) => requestJson<Pick<RecordedExercise, "events">>(`${path(r.from, r.to)}&only=events`, access.secret));
  // The first failure is the one said; the others must not surface as unhandled rejections.
  for (const part of rest) part.catch(() => undefined);
  const session = new ReplaySession(await first, snapshotEvery);
  for (const part of rest) session.append((await part).events);
  return { session, title: info.title };
}
