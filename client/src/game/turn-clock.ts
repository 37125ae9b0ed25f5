import { h, setText } from "../ui/html.ts";
import type { ClientState } from "../state/client-state.ts";
import { formatClock, formatScenarioTime, phaseLabel } from "./names.ts";
import { t } from "../i18n.ts";

/** Phase, turn, scenario time and the planning countdown, ticking every half second. */
export function turnClock(): { element: HTMLElement; update(state: ClientState): void; destroy(): void } {
  const phase = h("span", { class: "phase-pill", "data-phase": "lobby" });
  const turn = h("span", { class: "turn" });
  const time = h("span", { class: "scenario-time" });
  const timer = h("span", { class: "timer", role: "timer", "aria-live": "off" });
  const element = h(
    "div",
    { class: "turn-clock", "aria-label": t("game.clock.name") },
    h("span", { class: "visually-hidden" }, t("game.clock.phase")),
    phase,
    turn,
    time,
    timer,
  );
  let state: ClientState | null = null;
  const tick = () => {
    if (!state) return;
    let text = "";
    if (state.phase === "running" && state.deadline) text = t("game.clock.left", { time: formatClock(state.deadline - Date.now()) });
    else if (state.phase === "paused" && state.pausedRemainingMs) text = t("game.clock.pausedLeft", { time: formatClock(state.pausedRemainingMs) });
    else if (state.phase === "running") text = t("game.clock.noTimer");
    setText(timer, text);
    timer.classList.toggle("urgent", state.phase === "running" && !!state.deadline && state.deadline - Date.now() < 60_000);
  };
  const interval = setInterval(tick, 500);
  return {
    element,
    update(s) {
      state = s;
      phase.dataset.phase = s.phase;
      setText(phase, phaseLabel(s.phase));
      setText(turn, s.turn > 0 ? t("game.clock.turnOf", { turn: s.turn, turns: s.turns }) : t("game.clock.turns", { turns: s.turns }));
      setText(time, formatScenarioTime(s.scenarioTime, s));
      tick();
    },
    destroy: () => clearInterval(interval),
  };
}
