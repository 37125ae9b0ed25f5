import { h, keyedList, setText } from "../ui/html.ts";
import { commandForm, field, section, statusLine, commandButton } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { PHASE_LABEL } from "../game/names.ts";

/**
 * Exercise control's main controls: the lifecycle, the turn timer, "Resolve turn now", and
 * which teams are ready. Whether a step is allowed now is the server's call: a refusal says why.
 */
export function controlPanel(getCtx: () => GameContext): Panel {
  const send = (c: { type: string } & Record<string, unknown>) => getCtx().send(c);
  const status = statusLine();
  const phase = h("p", { class: "phase-line", "aria-live": "polite" });
  const endButton = h("button", { type: "button", class: "danger" }, "End exercise");
  const confirmEnd = h("button", { type: "button", class: "danger", hidden: true }, "Confirm: end the exercise");
  const cancelEnd = h("button", { type: "button", hidden: true }, "Cancel");
  endButton.addEventListener("click", () => {
    endButton.hidden = true;
    confirmEnd.hidden = cancelEnd.hidden = false;
    confirmEnd.focus();
  });
  const closeConfirm = () => {
    endButton.hidden = false;
    confirmEnd.hidden = cancelEnd.hidden = true;
  };
  cancelEnd.addEventListener("click", closeConfirm);
  confirmEnd.addEventListener("click", async () => {
    closeConfirm();
    status.show(await send({ type: "endExercise" }), "The exercise has ended.");
  });
  const lifecycleButtons = {
    briefing: commandButton("Start briefing", {}, () => ({ type: "startBriefing" }), send, status, "Briefing started."),
    start: commandButton("Start exercise", { class: "primary" }, () => ({ type: "startExercise" }), send, status, "The exercise is running: turn 1 planning has begun."),
    pause: commandButton("Pause", {}, () => ({ type: "pauseExercise" }), send, status, "Paused: the timer is frozen."),
    resume: commandButton("Resume", { class: "primary" }, () => ({ type: "resumeExercise" }), send, status, "Resumed."),
  };
  // Only the steps possible in the current phase are offered (the server still has the last word).
  const offered: Record<string, (keyof typeof lifecycleButtons | "end")[]> = {
    lobby: ["briefing", "start", "end"],
    briefing: ["start", "end"],
    running: ["pause", "end"],
    paused: ["resume", "end"],
    ended: [],
  };
  const lifecycle = h(
    "div",
    { class: "actions lifecycle", role: "group", "aria-label": "Exercise lifecycle" },
    lifecycleButtons.briefing,
    lifecycleButtons.start,
    lifecycleButtons.pause,
    lifecycleButtons.resume,
    endButton,
    confirmEnd,
    cancelEnd,
  );
  const seconds = h("input", { type: "number", name: "seconds", min: "10", max: "86400", step: "10", inputmode: "numeric" });
  const timerForm = commandForm({
    label: "Turn timer",
    submit: "Set timer",
    success: "Timer set.",
    send,
    children: [field("Turn timer (seconds)", seconds, "10 s to 24 h; applies to the running turn at once and to the next turns.")],
    build: () => {
      const n = Math.round(Number(seconds.value));
      return Number.isFinite(n) && n >= 10 ? { type: "setTurnTimer", seconds: n } : "Enter at least 10 seconds.";
    },
  });
  const resolveStatus = statusLine();
  const resolve = commandButton("Resolve turn now", { class: "primary" }, () => ({ type: "forceResolve", turn: getCtx().state.turn }), send, resolveStatus, "Turn resolved.");
  const ready = h("ul", { class: "readiness", "aria-label": "Which teams are ready" });
  const element = h(
    "div",
    { class: "panel" },
    h("h2", {}, "Exercise control"),
    phase,
    lifecycle,
    status.element,
    section("Turn", timerForm, h("div", { class: "actions" }, resolve), resolveStatus.element),
    section("Teams ready", ready),
  );
  let seededTimer = false;
  return {
    id: "control",
    title: "Control",
    element,
    update(ctx) {
      const s = ctx.state;
      const allowed = offered[s.phase] ?? [];
      for (const [key, button] of Object.entries(lifecycleButtons)) button.hidden = !allowed.includes(key as keyof typeof lifecycleButtons);
      if (confirmEnd.hidden) endButton.hidden = !allowed.includes("end");
      setText(phase, `Phase: ${PHASE_LABEL[s.phase] ?? s.phase}${s.turn ? ` · turn ${s.turn} of ${s.turns}` : ""} · cohesion ${Math.round(s.cohesion)} · timer ${s.turnSeconds} s per turn`);
      if (!seededTimer || document.activeElement !== seconds) {
        if (!seededTimer || seconds.value === "") seconds.value = String(s.turnSeconds);
        seededTimer = true;
      }
      keyedList(
        ready,
        Object.values(s.nations).filter((n) => n.playable),
        (n) => n.id,
        (n) => h("li", {}, h("span", { class: "swatch", style: `background:${n.color}`, "aria-hidden": "true" }), ` ${n.name}: `, h("strong", {}, n.committed ? "✓ committed" : "… planning"), ` (${n.online} online)`),
      );
    },
  };
}
