import { h, fill } from "../ui/html.ts";
import { Session, JoinError } from "../net/session.ts";
import { loadSeat, forgetSeat } from "../net/seat-store.ts";
import { showStartPage } from "../start/start-page.ts";
import { setExerciseHash } from "../route.ts";
import { showGameScreen } from "./game-screen.ts";

export type Entry = { exerciseId: string; options: Record<string, unknown> | null; title?: string };

/**
 * Joins an exercise and shows its screen. `options: null` means "rejoin with the seat this
 * browser holds". Every failure lands on the start page with a sentence saying what to do.
 */
export async function enterExercise(app: HTMLElement, entry: Entry): Promise<void> {
  let options = entry.options;
  const stored = loadSeat(entry.exerciseId);
  if (!options) {
    if (!stored) return showStartPage(app, { kind: "info", text: "This browser has no seat in that exercise yet: join with the code exercise control gave you." });
    options = { seat: stored.seat };
  }
  document.body.dataset.screen = "joining";
  fill(app, h("main", { id: "main", class: "joining" }, h("p", { role: "status" }, `Joining ${entry.title || stored?.title || "the exercise"}…`)));
  try {
    const session = await Session.join(entry.exerciseId, options, entry.title ?? stored?.title ?? "");
    setExerciseHash(entry.exerciseId);
    showGameScreen(app, session);
  } catch (error) {
    console.warn("joining failed", error);
    const refused = error instanceof JoinError ? error : new JoinError("other", (error as Error).message);
    if (refused.kind === "unknown_seat") forgetSeat(entry.exerciseId);
    const text =
      refused.kind === "rate_limited"
        ? `Too many attempts: ${refused.message}`
        : refused.kind === "offline"
          ? "Cannot reach the exercise server (offline?). Check your connection and try again."
          : refused.message;
    showStartPage(app, { kind: "error", text });
  }
}
