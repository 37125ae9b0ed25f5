import { h, fill } from "../ui/html.ts";
import { section } from "../ui/form.ts";
import type { Panel } from "../game/context.ts";
import type { ClientState, OwnAsset } from "../state/client-state.ts";
import { exerciseTitle, nationName, assetName, regionName, assetType, categoryLabel } from "../game/names.ts";
import type { GameContext } from "../game/context.ts";
import { num, term } from "./words.ts";
import { t, lang } from "../i18n.ts";
import { scenarioText } from "./words.ts";

/**
 * The read-ahead every seat gets before and during play: the scenario's situation briefing (its
 * paragraphs as the author separated them by blank lines), each nation's description, and the
 * learning objectives. All of it is public (shared/view/public-scenario.ts); it is shown in the
 * seat's language when the author translated it, and marked as not translated otherwise.
 */
export function briefingPanel(opts: { id?: string; onDone?: () => void } = {}): Panel {
  const body = h("div", { class: "briefing" });
  const done = opts.onDone ? h("button", { type: "button", class: "primary big", onclick: opts.onDone }, "") : null;
  const element = h("div", { class: "panel" }, body, done);
  let sig = "";
  return {
    id: opts.id ?? "briefing",
    get title() {
      return t("briefing.title");
    },
    element,
    update(ctx) {
      const p = ctx.perspective;
      const me = ctx.viewNation;
      const next = JSON.stringify([
        lang(),
        ctx.state.scenario.id,
        ctx.state.title,
        ctx.state.scenario.nations.length,
        me,
        me ? [p?.nations[me], p?.objectives, p?.agreements, Object.keys(p?.assets ?? {})] : null,
      ]);
      if (next === sig) return;
      sig = next;
      const s = ctx.state;
      if (done) done.textContent = t("participant.briefing.toMap");
      // The seat's own nation first: who it is, what it must achieve, what it has, what binds it.
      fill(body, h("h2", {}, exerciseTitle(s)), me ? ownNation(ctx, me) : null, situation(s), objectives(s), nations(s));
    },
  };
}

/** The nation's description, objectives, resources and standing agreements (its own perspective only). */
function ownNation(ctx: GameContext, me: string): HTMLElement {
  const s = ctx.state;
  const p = ctx.perspective;
  const spec = s.scenario.nations.find((n) => n.id === me);
  const books = p?.nations[me];
  const own = Object.values(p?.assets ?? {}).filter((a): a is OwnAsset => !a.foreign && a.owner === me);
  const goals = Object.values(p?.objectives ?? {});
  const standing = Object.values(p?.agreements ?? {}).filter((a) => a.status === "accepted" && a.parties.includes(me));
  return h(
    "section",
    { class: "panel-section briefing-own", "aria-labelledby": "briefing-own-h" },
    h("h3", { id: "briefing-own-h" }, t("participant.briefing.you", { nation: nationName(s, me) })),
    spec?.description ? h("p", {}, scenarioText(s, spec, "description")) : null,
    h("h4", {}, t("participant.briefing.goals")),
    goals.length
      ? h(
          "ul",
          {},
          goals.map((o) => h("li", {}, scenarioText(s, o, "title"), o.nation ? "" : ` ${t("panels.nation.objectiveAlliance")}`)),
        )
      : h("p", { class: "muted" }, t("participant.briefing.noGoals")),
    h("h4", {}, t("participant.briefing.resources")),
    books
      ? h(
          "p",
          {},
          t("participant.briefing.books", {
            budget: num(books.budget),
            perTurn: num(books.budgetPerTurn),
            capital: num(books.politicalCapital),
            readiness: num(books.readiness),
          }),
        )
      : null,
    own.length
      ? h(
          "ul",
          { class: "briefing-assets" },
          own.map((a) =>
            h(
              "li",
              {},
              t("participant.briefing.asset", {
                category: categoryLabel(assetType(s, a)?.category),
                name: assetName(s, a.id),
                region: regionName(s, a.region),
                status: term("assetStatus", a.status),
              }),
            ),
          ),
        )
      : null,
    h("h4", {}, t("participant.briefing.agreements")),
    standing.length
      ? h(
          "ul",
          {},
          standing.map((a) =>
            h(
              "li",
              {},
              t("participant.briefing.agreement", {
                title: (a as typeof a & { i18n?: object }).i18n ? scenarioText(s, a, "title") : a.title,
                kind: term("agreementKind", a.kind),
                parties: a.parties
                  .filter((n) => n !== me)
                  .map((n) => nationName(s, n))
                  .join(", "),
              }),
            ),
          ),
        )
      : h("p", { class: "muted" }, t("participant.briefing.noAgreements")),
  );
}

function situation(s: ClientState): HTMLElement {
  const text = s.scenario.briefing ? scenarioText(s, s.scenario, "briefing") : "";
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return section(t("briefing.situation"), paragraphs.length ? paragraphs.map((p) => h("p", {}, p)) : h("p", { class: "muted" }, t("briefing.none")));
}

function nations(s: ClientState): HTMLElement {
  const items = s.scenario.nations
    .filter((n) => n.description)
    .flatMap((n) => [h("dt", {}, h("strong", {}, nationName(s, n.id))), h("dd", {}, scenarioText(s, n, "description"))]);
  return section(t("briefing.nations"), h("dl", { class: "briefing-nations" }, items));
}

function objectives(s: ClientState): HTMLElement {
  const scenario = s.scenario as { learningObjectives: string[]; i18n?: unknown };
  const items = scenario.learningObjectives.map((text, i) => {
    const key = `learningObjectives[${i}]`;
    return h("li", {}, scenarioText(s, { [key]: text, i18n: scenario.i18n } as Record<string, unknown>, key));
  });
  return section(t("briefing.objectives"), h("ul", {}, items));
}
