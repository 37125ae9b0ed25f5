import { h, fill } from "../ui/html.ts";
import { t, lang } from "../i18n.ts";
import { request } from "../net/http.ts";
import { section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { AfterActionReport } from "../../../shared/aar/build-aar.ts";
import type { Observation } from "../../../shared/state/schema.ts";
import { scenarioText } from "../game/names.ts";
import { clockTime, ratingWords } from "./evaluation-words.ts";

/** The AAR's JSON export: the report as data plus each timeline message rendered in the asked language. */
type AarJson = Omit<AfterActionReport, "timeline"> & { timeline: (AfterActionReport["timeline"][number] & { text: string })[] };

/** The kinds of line that make a key moment: injects, adjudications, turns and the exercise's start and end. */
const KEY_KINDS = new Set(["inject", "adjudication", "turn", "lifecycle"]);
const TOP = 5;

/**
 * The hot wash (HSEEP): right after End, or whenever exercise control asks, the key moments on a
 * timeline, the objectives met, the capability ratings so far and the top observations, each a
 * link into the replay at that moment. It reads the AAR's JSON export (the same fold as every
 * export), so nothing on this screen can disagree with the report.
 */
export function hotWashPanel(getCtx: () => GameContext): Panel {
  const body = h("div", { class: "hot-wash" });
  const status = h("p", { class: "form-status", role: "status", "aria-live": "polite" });
  const refresh = h("button", { type: "button", onclick: () => void load() }, t("evalui.hotwash.refresh"));
  let lastPhase: string | null = null;
  let loadedSeq = -1;

  /** The replay viewer at one moment, opened with this seat's own credential (the replay keeps it in the tab only). */
  const moment = (seq: number, label: string) => {
    const w = getCtx().welcome;
    return h(
      "a",
      {
        href: `/replay.html#exercise=${encodeURIComponent(w.exerciseId)}&token=${encodeURIComponent(w.seat)}&seq=${seq}&lang=${lang()}`,
        target: "_blank",
        rel: "noopener",
        class: "moment",
        "data-seq": String(seq),
      },
      label,
    );
  };

  const observationItem = (o: Observation) =>
    h(
      "li",
      { class: `obs ${o.kind}` },
      moment(o.seq, t("evalui.hotwash.obsAt", { turn: o.turn, time: clockTime(o.at) })),
      " ",
      t("evalui.hotwash.signed", { author: o.author }),
      h("p", {}, o.text),
    );

  async function load() {
    const ctx = getCtx();
    status.textContent = t("evalui.hotwash.loading");
    try {
      const r = await request<AarJson>(`/api/exercises/${encodeURIComponent(ctx.welcome.exerciseId)}/aar?format=json&lang=${lang()}`, {
        token: ctx.welcome.seat,
      });
      loadedSeq = ctx.state.seq;
      render(r);
      status.textContent = t("evalui.hotwash.asOf", { seq: r.exercise.events });
    } catch {
      status.textContent = t("evalui.hotwash.failed");
    }
  }

  function render(r: AarJson) {
    const ctx = getCtx();
    const moments = r.timeline.filter((i) => KEY_KINDS.has(i.kind));
    const objectiveTitle = (o: AarJson["objectives"][number]) => scenarioText(ctx.state, o, "title");
    const capabilities = r.analysis.flatMap((o) => o.capabilities);
    const strengths = r.observations
      .filter((o) => o.kind === "strength")
      .slice(-TOP)
      .reverse();
    const improvements = r.observations
      .filter((o) => o.kind === "improvement")
      .slice(-TOP)
      .reverse();
    fill(
      body,
      section(
        t("evalui.hotwash.moments"),
        moments.length
          ? h(
              "ol",
              { class: "hot-timeline" },
              moments.map((i) => h("li", { class: `moment-${i.kind}` }, moment(i.seq, t("evalui.hotwash.turnLabel", { turn: i.turn })), " ", i.text)),
            )
          : h("p", { class: "hint" }, t("evalui.hotwash.noMoments")),
      ),
      section(
        t("evalui.hotwash.objectives", { met: r.objectives.filter((o) => o.met).length, total: r.objectives.length }),
        h(
          "ul",
          {},
          r.objectives.map((o) =>
            h(
              "li",
              { class: o.met ? "met" : "not-met" },
              o.met
                ? t("evalui.hotwash.objectiveMet", { title: objectiveTitle(o), turn: o.metTurn ?? 0 })
                : t("evalui.hotwash.objectiveNotMet", { title: objectiveTitle(o) }),
            ),
          ),
        ),
      ),
      section(
        t("evalui.hotwash.ratings"),
        capabilities.length
          ? h(
              "ul",
              {},
              capabilities.map((c) =>
                h(
                  "li",
                  {},
                  h("strong", {}, scenarioText(ctx.state, c, "name")),
                  " — ",
                  c.consensus
                    ? t("evalui.hotwash.consensus", { rating: ratingWords(c.consensus.rating), by: c.consensus.by })
                    : t("evalui.hotwash.noConsensus"),
                  c.ratings.length ? ` (${c.ratings.map((g) => t("evalui.hotwash.ratedBy", { rating: g.rating, by: g.by })).join(", ")})` : "",
                ),
              ),
            )
          : h("p", { class: "hint" }, t("evalui.eeg.none")),
      ),
      section(t("evalui.hotwash.strengths"), strengths.length ? h("ul", {}, strengths.map(observationItem)) : h("p", { class: "hint" }, t("evalui.obs.none"))),
      section(
        t("evalui.hotwash.improvements"),
        improvements.length ? h("ul", {}, improvements.map(observationItem)) : h("p", { class: "hint" }, t("evalui.obs.none")),
      ),
    );
  }

  const element = h(
    "div",
    { class: "panel" },
    h("h2", {}, t("evalui.hotwash.title")),
    h("p", { class: "hint" }, t("evalui.hotwash.intro")),
    h("div", { class: "actions" }, refresh),
    status,
    body,
  );
  return {
    id: "hotwash",
    title: t("evalui.hotwash.tab"),
    element,
    update(ctx) {
      // Right after End the hot wash comes forward, loaded: exercise control holds it while memories are fresh.
      // The phase is noted first: showing the tab renders the panels again, and so calls this again.
      const before = lastPhase;
      lastPhase = ctx.state.phase;
      if (ctx.state.phase === "ended" && before !== null && before !== "ended") {
        loadedSeq = ctx.state.seq;
        ctx.bus.showTab("hotwash");
        void load();
      } else if (!element.hidden && loadedSeq < 0) {
        loadedSeq = ctx.state.seq;
        void load();
      }
    },
  };
}
