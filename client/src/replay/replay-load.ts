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
 * the same session as one built from the whole log. The exercise's information comes first, for
 * its title and how long its log is.
 */
export async function loadSession(access: ReplayAccess, snapshotEvery: number): Promise<{ session: ReplaySession; title: string }> {
  const base = `/api/exercises/${encodeURIComponent(access.exerciseId)}`;
  const info = await requestJson<{ title: string; lastSeq: number }>(base, access.secret);
  const parts = logRanges(info.lastSeq, RANGE_EVENTS).map((range) =>
    requestJson<RecordedExercise>(`${base}/events?from=${range.from}${range.to === undefined ? "" : `&to=${range.to}`}`, access.secret),
  );
  // The first failure is the one said; the others must not surface as unhandled rejections.
  for (const part of parts) part.catch(() => undefined);
  let session: ReplaySession | null = null;
  for (const part of parts) {
    const range = await part;
    if (session) session.append(range.events);
    else session = new ReplaySession(range, snapshotEvery);
  }
  return { session: session!, title: info.title };
}
