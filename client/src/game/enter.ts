import { h, fill } from "../ui/html.ts";
import { Session, JoinError } from "../net/session.ts";
import { loadSeat, forgetSeat } from "../net/seat-store.ts";
import { showStartPage } from "../start/start-page.ts";
import { setExerciseHash } from "../route.ts";
import { showGameScreen } from "./game-screen.ts";
import { t } from "../i18n.ts";
import { showReloadOffer } from "../ui/reload-offer.ts";
import { loadMap } from "../map/load-map.ts";

export type Entry = { exerciseId: string; options: Record<string, unknown> | null; title?: string };

export { FACILITATOR_SEAT_NAME } from "./names.ts";

/**
 * Why a join failed, in the reader's language. A refusal with a stable code comes with its
 * sentence from the catalogue already (client/src/net/session.ts); a link to an exercise that
 * does not exist, or anything unexpected, gets a plain sentence here: the server's own words
 * (English, for operators, e.g. `room "hello" not found`) never reach the screen.
 */
export function joinProblem(error: unknown): () => string {
  const kind = error instanceof JoinError ? String(error.kind) : "other";
  if (kind === "offline") return () => t("start.enter.offline");
  if (kind === "unknown_exercise" || kind === "other" || !(error instanceof JoinError)) return () => t("start.enter.notFound");
  const sentence = error.message;
  return () => sentence;
}

/**
 * Joins an exercise and shows its screen. `options: null` means "rejoin with the seat this
 * browser holds". Every failure lands on the start page with a sentence saying what to do.
 */
export async function enterExercise(app: HTMLElement, entry: Entry): Promise<void> {
  let options = entry.options;
  const stored = loadSeat(entry.exerciseId);
  if (!options) {
    if (!stored) return showStartPage(app, { kind: "info", text: () => t("start.enter.noSeat") });
    options = { seat: stored.seat };
  }
  document.body.dataset.screen = "joining";
  // The map's code (Phaser, a chunk of its own) downloads while the seat is admitted.
  void loadMap().catch(() => undefined);
  const title = entry.title || stored?.title;
  fill(
    app,
    h("main", { id: "main", class: "joining" }, h("p", { role: "status" }, title ? t("start.enter.joining", { title }) : t("start.enter.joiningUntitled"))),
  );
  try {
    const session = await Session.join(entry.exerciseId, options, entry.title ?? stored?.title ?? "");
    setExerciseHash(entry.exerciseId);
    showGameScreen(app, session);
    // Into the game: focus on its title (the exercise's name), not lost on the page's body.
    app.querySelector<HTMLElement>("h1.exercise-title")?.focus();
  } catch (error) {
    console.warn("joining failed", error);
    if (error instanceof JoinError && error.kind === "protocol_mismatch") return showReloadOffer(app, error.message);
    if (error instanceof JoinError && error.kind === "unknown_seat") forgetSeat(entry.exerciseId);
    showStartPage(app, { kind: "error", text: joinProblem(error) });
  }
}
