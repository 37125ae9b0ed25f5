import { h, setText } from "../ui/html.ts";
import type { ClientState } from "../state/client-state.ts";
import { formatClock, formatScenarioTime, PHASE_LABEL } from "./names.ts";

/** Phase, turn, scenario time and the planning countdown, ticking every half second. */
export function turnClock(): { element: HTMLElement; update(state: ClientState): void } {
  const phase = h("span", { class: "phase-pill", "data-phase": "lobby" });
  const turn = h("span", { class: "turn" });
  const time = h("span", { class: "scenario-time" });
  const timer = h("span", { class: "timer", role: "timer", "aria-live": "off" });
  const element = h("div", { class: "turn-clock", "aria-label": "Exercise clock" }, h("span", { class: "visually-hidden" }, "Phase: "), phase, turn, time, timer);
  let state: ClientState | null = null;
  const tick = () => {
    if (!state) return;
    let text = "";
    if (state.phase === "running" && state.deadline) text = `${formatClock(state.deadline - Date.now())} left`;
    else if (state.phase === "paused" && state.pausedRemainingMs) text = `Paused: ${formatClock(state.pausedRemainingMs)} left`;
    else if (state.phase === "running") text = "No timer";
    setText(timer, text);
    timer.classList.toggle("urgent", state.phase === "running" && !!state.deadline && state.deadline - Date.now() < 60_000);
  };
  setInterval(tick, 500);
  return {
    element,
    update(s) {
      state = s;
      phase.dataset.phase = s.phase;
      setText(phase, PHASE_LABEL[s.phase] ?? s.phase);
      setText(turn, s.turn > 0 ? `Turn ${s.turn} of ${s.turns}` : `${s.turns} turns`);
      setText(time, formatScenarioTime(s.scenarioTime));
      tick();
    },
  };
}
