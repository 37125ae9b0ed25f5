import { h, fill } from "../ui/html.ts";
import { section } from "../ui/form.ts";
import type { Panel } from "../game/context.ts";
import type { ClientState } from "../state/client-state.ts";
import { exerciseTitle, nationName } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { scenarioText } from "./words.ts";

/**
 * The read-ahead every seat gets before and during play: the scenario's situation briefing (its
 * paragraphs as the author separated them by blank lines), each nation's description, and the
 * learning objectives. All of it is public (shared/view/public-scenario.ts); it is shown in the
 * seat's language when the author translated it, and marked as not translated otherwise.
 */
export function briefingPanel(): Panel {
  const body = h("div", { class: "briefing" });
  const element = h("div", { class: "panel" }, body);
  let sig = "";
  return {
    id: "briefing",
    get title() {
      return t("briefing.title");
    },
    element,
    update(ctx) {
      const next = JSON.stringify([lang(), ctx.state.scenario.id, ctx.state.title, ctx.state.scenario.nations.length]);
      if (next === sig) return;
      sig = next;
      const s = ctx.state;
      fill(body, h("h2", {}, exerciseTitle(s)), situation(s), nations(s), objectives(s));
    },
  };
}

function situation(s: ClientState): HTMLElement {
  const text = s.scenario.briefing ? scenarioText(s, s.scenario, "briefing") : "";
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
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
