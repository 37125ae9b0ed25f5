import { h, fill } from "../ui/html.ts";
import { t, lang } from "../i18n.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { panelWords, scenarioText } from "./words.ts";
import type { FeedbackObjective } from "../../../shared/engine/evaluation-view.ts";
import { formatDateTime } from "../../../shared/i18n/index.ts";

/** An objective's title in the seat's language: the EEG's own, or a learning objective with the scenario's translations. */
function objectiveTitle(ctx: GameContext, o: FeedbackObjective): string {
  const m = /^learning-(\d+)$/.exec(o.id);
  if (!m) return scenarioText(ctx.state, o, "title");
  const key = `learningObjectives[${m[1]}]`;
  return scenarioText(ctx.state, { [key]: o.title, i18n: (ctx.state.scenario as { i18n?: unknown }).i18n } as Record<string, unknown>, key);
}

/**
 * The HSEEP participant feedback form, on every participant seat once the exercise has ended:
 * strengths, areas for improvement, a 1–5 rating per objective, free comments. Answered once
 * per seat (the server refuses a second answer); the seat then reads that it answered. The
 * answers reach nobody by name: the AAR summarises them anonymously.
 */
export function feedbackPanel(getCtx: () => GameContext): Panel {
  const w = panelWords();
  const strengths = h("textarea", { name: "strengths", rows: "3", maxlength: "4000" });
  const improvements = h("textarea", { name: "improvements", rows: "3", maxlength: "4000" });
  const comments = h("textarea", { name: "comments", rows: "3", maxlength: "4000" });
  const scales = h("div", { class: "feedback-scales" });
  let scaleSig = "";
  const ratings = () =>
    Object.fromEntries(
      Array.from(scales.querySelectorAll<HTMLInputElement>("input[type=radio]:checked")).map((i) => [i.name.replace(/^rate-/, ""), Number(i.value)]),
    );
  const form = w.form({
    label: "evalui.feedback.form",
    submit: "evalui.feedback.submit",
    success: "evalui.feedback.thanks",
    send: (c) => getCtx().send(c),
    children: [
      w.field("evalui.feedback.strengths", strengths),
      w.field("evalui.feedback.improvements", improvements),
      scales,
      w.field("evalui.feedback.comments", comments),
    ],
    build: () => {
      const r = ratings();
      if (!strengths.value.trim() && !improvements.value.trim() && !comments.value.trim() && Object.keys(r).length === 0) return t("evaluation.feedback.empty");
      return {
        type: "submitFeedback",
        strengths: strengths.value.trim(),
        improvements: improvements.value.trim(),
        comments: comments.value.trim(),
        ratings: r,
      };
    },
  });
  const intro = w.text(h("p", { class: "hint" }), "evalui.feedback.intro");
  const waiting = w.text(h("p", { class: "hint", role: "status" }), "evalui.feedback.notYet");
  const done = h("p", { class: "feedback-done", role: "status" });
  const element = h("div", { class: "panel" }, w.text(h("h2", {}), "evalui.feedback.title"), waiting, done, intro, form);

  const renderScales = (ctx: GameContext) => {
    const objectives = Object.values(ctx.perspective?.feedbackObjectives ?? {}).sort((a, b) => a.order - b.order);
    const sig = JSON.stringify([lang(), objectives.map((o) => o.id)]);
    if (sig === scaleSig) return;
    const kept = ratings();
    scaleSig = sig;
    fill(
      scales,
      objectives.map((o) =>
        h(
          "fieldset",
          { class: "field scale" },
          h("legend", {}, t("evalui.feedback.rateObjective", { title: objectiveTitle(ctx, o) })),
          [1, 2, 3, 4, 5].map((v) => {
            const id = `fb-${o.id}-${v}`;
            return h(
              "span",
              { class: "check" },
              h("input", { type: "radio", id, name: `rate-${o.id}`, value: String(v), checked: kept[o.id] === v }),
              h("label", { for: id }, t("evalui.feedback.score", { score: v })),
            );
          }),
        ),
      ),
      h("p", { class: "hint" }, t("evalui.feedback.scaleHint")),
    );
  };

  return {
    id: "feedback",
    get title() {
      return t("evalui.feedback.tab");
    },
    element,
    update(ctx) {
      w.refresh();
      renderScales(ctx);
      const ended = ctx.state.phase === "ended";
      const answer = ctx.perspective?.feedbackAnswered?.[ctx.welcome.seatId];
      waiting.hidden = ended;
      done.hidden = !answer;
      if (answer)
        done.textContent = t("evalui.feedback.answered", {
          time: formatDateTime(lang(), answer.at, Intl.DateTimeFormat().resolvedOptions().timeZone, { hour: "2-digit", minute: "2-digit" }),
        });
      form.hidden = !ended || !!answer;
      intro.hidden = !ended || !!answer;
    },
    badge: (ctx) => (ctx.state.phase === "ended" && !ctx.perspective?.feedbackAnswered?.[ctx.welcome.seatId] ? 1 : 0),
  };
}
