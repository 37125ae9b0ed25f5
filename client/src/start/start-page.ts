import { h, fill } from "../ui/html.ts";
import { joinForm } from "./join-form.ts";
import { facilitatorForm } from "./facilitator-form.ts";
import { createForm } from "./create-form.ts";
import { lastSeat } from "../net/seat-store.ts";
import { clearHash } from "../route.ts";

export type StartMessage = { text: string; kind: "error" | "info" };

/**
 * The start page: join with a code and a name (participants and observers), open exercise
 * control with the facilitator link, or create a new exercise from a scenario.
 */
export function showStartPage(app: HTMLElement, message?: StartMessage): void {
  document.body.dataset.screen = "start";
  delete document.body.dataset.exercise;
  document.title = "Concord — join an exercise";
  clearHash();
  const previous = lastSeat();
  const rejoin = previous
    ? h(
        "section",
        { class: "card rejoin", "aria-labelledby": "rejoin-title" },
        h("h2", { id: "rejoin-title" }, "Continue where you left off"),
        h("p", {}, `${previous.title || "Your last exercise"} — as ${previous.name}${previous.nation ? ` (${previous.nation})` : ""}, ${previous.role}.`),
        h("a", { class: "button primary", href: `#exercise=${encodeURIComponent(previous.exerciseId)}` }, "Rejoin exercise"),
      )
    : null;
  fill(
    app,
    h(
      "main",
      { id: "main", class: "start" },
      h("header", { class: "start-header" }, h("h1", {}, "Concord"), h("p", { class: "tagline" }, "Crisis exercises between allied nations: plan together, share what you know, respond as one.")),
      message ? h("p", { class: `banner ${message.kind}`, role: message.kind === "error" ? "alert" : "status" }, message.text) : null,
      h("div", { class: "start-grid" }, rejoin, joinForm(app), facilitatorForm(app), createForm()),
      h(
        "p",
        { class: "replay-link" },
        "Trainers and evaluators: ",
        h("a", { href: "/replay.html" }, "open the replay and after-action review"),
        " with the observer code or the facilitator token.",
      ),
    ),
  );
}
