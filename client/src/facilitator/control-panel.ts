import { h, keyedList, setText } from "../ui/html.ts";
import { commandForm, section, statusLine, commandButton, blockWithReason, reasonNote } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { phaseLabel, nationName } from "../game/names.ts";
import { t } from "../i18n.ts";
import { commanderSection } from "./commander-form.ts";
import { openHandout } from "./handout.ts";

/**
 * Exercise control's main controls: the lifecycle, the turn timer, "Resolve turn now", and
 * which teams are ready. Whether a step is allowed now is the server's call: a refusal says why.
 */
export function controlPanel(getCtx: () => GameContext): Panel {
  const send = (c: { type: string } & Record<string, unknown>) => getCtx().send(c);
  const status = statusLine();
  const phase = h("p", { class: "phase-line", "aria-live": "polite" });
  const endButton = h("button", { type: "button", class: "danger" }, t("console.control.end"));
  const confirmEnd = h("button", { type: "button", class: "danger", hidden: true }, t("console.control.confirmEnd"));
  const cancelEnd = h("button", { type: "button", hidden: true }, t("console.control.cancel"));
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
    status.show(await send({ type: "endExercise" }), t("console.control.ended"));
  });
  const lifecycleButtons = {
    briefing: commandButton(t("console.control.briefing"), {}, () => ({ type: "startBriefing" }), send, status, t("console.control.briefingDone")),
    start: commandButton(t("console.control.start"), { class: "primary" }, () => ({ type: "startExercise" }), send, status, t("console.control.startDone")),
    pause: commandButton(t("console.control.pause"), {}, () => ({ type: "pauseExercise" }), send, status, t("console.control.pauseDone")),
    resume: commandButton(t("console.control.resume"), { class: "primary" }, () => ({ type: "resumeExercise" }), send, status, t("console.control.resumeDone")),
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
    { class: "actions lifecycle", role: "group", "aria-label": t("console.control.lifecycle") },
    lifecycleButtons.briefing,
    lifecycleButtons.start,
    lifecycleButtons.pause,
    lifecycleButtons.resume,
    endButton,
    confirmEnd,
    cancelEnd,
  );
  // Minutes and seconds, as a control room says it ("12 min 30 s"); the command carries seconds.
  const minutes = h("input", {
    type: "number",
    name: "minutes",
    min: "0",
    max: "1440",
    step: "1",
    inputmode: "numeric",
    class: "tiny",
    "aria-label": t("msel.timer.minutes"),
  });
  const seconds = h("input", {
    type: "number",
    name: "seconds",
    min: "0",
    max: "59",
    step: "1",
    inputmode: "numeric",
    class: "tiny",
    "aria-label": t("msel.timer.seconds"),
  });
  const timerForm = commandForm({
    label: t("console.control.timer"),
    submit: t("console.control.setTimer"),
    success: t("console.control.timerSet"),
    send,
    children: [
      h(
        "div",
        { class: "field timer-field" },
        h("span", { class: "label" }, t("msel.timer.field")),
        h("span", { class: "row" }, h("label", {}, minutes, " ", t("msel.timer.min")), h("label", {}, seconds, " ", t("msel.timer.s"))),
        h("span", { class: "hint" }, t("msel.timer.hint")),
      ),
    ],
    build: () => {
      const m = Number(minutes.value || 0);
      const sec = Number(seconds.value || 0);
      if (!Number.isFinite(m) || !Number.isFinite(sec) || m < 0 || sec < 0 || sec > 59) return t("msel.timer.invalid");
      const n = Math.round(m * 60 + sec);
      return n >= 10 ? { type: "setTurnTimer", seconds: n } : t("console.control.timerTooShort");
    },
  });
  const resolveStatus = statusLine();
  const resolve = commandButton(
    t("console.control.resolve"),
    { class: "primary" },
    () => ({ type: "forceResolve", turn: getCtx().state.turn }),
    send,
    resolveStatus,
    t("console.control.resolved"),
  );
  const ready = h("ul", { class: "readiness", "aria-label": t("console.control.readyName") });
  const command = commanderSection(getCtx);
  const handout = h("button", { type: "button", class: "small" }, t("msel.handout.open"));
  handout.addEventListener("click", () => void openHandout(getCtx()));
  const element = h(
    "div",
    { class: "panel" },
    h("h2", {}, t("console.control.title")),
    phase,
    lifecycle,
    status.element,
    section(t("console.control.turn"), timerForm, h("div", { class: "actions" }, resolve), reasonNote(resolve), resolveStatus.element),
    section(t("console.control.ready"), ready),
    section(t("msel.handout.title"), h("p", { class: "hint" }, t("msel.handout.hint")), h("div", { class: "actions" }, handout)),
    command.element,
  );
  let seededTimer = false;
  return {
    id: "control",
    title: t("console.control.tab"),
    element,
    update(ctx) {
      const s = ctx.state;
      command.update(ctx);
      const allowed = offered[s.phase] ?? [];
      for (const [key, button] of Object.entries(lifecycleButtons)) button.hidden = !allowed.includes(key as keyof typeof lifecycleButtons);
      if (confirmEnd.hidden) endButton.hidden = !allowed.includes("end");
      // After End there is no timer and no turn: the controls say so instead of inviting a refusal.
      blockWithReason(timerForm, s.phase === "ended" ? t("participant.console.timerEnded") : null);
      blockWithReason(
        resolve,
        s.phase === "running" || s.phase === "paused" ? null : t("participant.console.noTurn", { phase: t("engine.phase.state", { phase: s.phase }) }),
      );
      setText(
        phase,
        t(s.turn ? "console.control.phaseTurn" : "console.control.phase", {
          phase: phaseLabel(s.phase),
          turn: s.turn,
          turns: s.turns,
          cohesion: Math.round(s.cohesion),
          timer: t("msel.timer.value", { minutes: Math.floor(s.turnSeconds / 60), seconds: s.turnSeconds % 60 }),
        }),
      );
      if (!seededTimer || (document.activeElement !== seconds && document.activeElement !== minutes)) {
        if (!seededTimer || (seconds.value === "" && minutes.value === "")) {
          minutes.value = String(Math.floor(s.turnSeconds / 60));
          seconds.value = String(s.turnSeconds % 60);
        }
        seededTimer = true;
      }
      keyedList(
        ready,
        Object.values(s.nations).filter((n) => n.playable),
        (n) => n.id,
        (n) =>
          h(
            "li",
            {},
            h("span", { class: "swatch", style: `background:${n.color}`, "aria-hidden": "true" }),
            " ",
            t("console.control.readyNation", { nation: nationName(s, n.id) }),
            " ",
            h("strong", {}, n.committed ? t("console.control.committed") : t("console.control.planning")),
            " ",
            t("console.control.online", { count: n.online }),
          ),
        (n) => JSON.stringify([n, t("console.control.committed")]),
      );
    },
  };
}
