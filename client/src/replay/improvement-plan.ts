import { h, fill } from "../ui/html.ts";
import { requestJson, replayProblem, type ReplayAccess } from "./replay-access.ts";
import type { ImprovementItem } from "../../../shared/state/schema.ts";
import { t } from "../i18n.ts";

/**
 * The improvement plan (HSEEP): issue, recommendation, responsible nation, due date. Exercise
 * control edits it here; every item is an event in the exercise's log and appears in the AAR.
 */
export function improvementPlanSection(access: ReplayAccess, nations: { id: string; name: string }[]): HTMLElement {
  const list = h("div", {});
  const status = h("p", { class: "status-line", role: "status", "aria-live": "polite" });
  const nameOf = (id: string | null) => (id ? (nations.find((n) => n.id === id)?.name ?? id) : t("replay.ip.allianceOrControl"));
  const path = `/api/exercises/${encodeURIComponent(access.exerciseId)}`;

  const refresh = async () => {
    const aar = await requestJson<{ improvementPlan: ImprovementItem[] }>(`${path}/aar?format=json`, access.secret);
    fill(
      list,
      aar.improvementPlan.length === 0
        ? h("p", { class: "hint" }, t("replay.ip.none"))
        : h(
            "table",
            {},
            h("thead", {}, h("tr", {}, h("th", {}, t("replay.ip.issue")), h("th", {}, t("replay.ip.recommendation")), h("th", {}, t("replay.ip.responsible")), h("th", {}, t("replay.ip.due")), access.role === "facilitator" ? h("th", {}, h("span", { class: "hint" }, t("replay.ip.actions"))) : null)),
            h(
              "tbody",
              {},
              aar.improvementPlan.map((item) =>
                h(
                  "tr",
                  {},
                  h("td", {}, item.issue),
                  h("td", {}, item.recommendation),
                  h("td", {}, nameOf(item.nation)),
                  h("td", {}, item.due),
                  access.role === "facilitator"
                    ? h("td", {}, h("button", { type: "button", "aria-label": t("replay.ip.removeLabel", { issue: item.issue }), onclick: () => remove(item.id) }, t("replay.ip.remove")))
                    : null,
                ),
              ),
            ),
          ),
    );
  };

  const remove = async (id: string) => {
    try {
      await requestJson(`${path}/improvements/${encodeURIComponent(id)}`, access.secret, { method: "DELETE" });
      status.textContent = t("replay.ip.removed");
      await refresh();
    } catch (error) {
      status.textContent = replayProblem(error);
    }
  };

  const issue = h("textarea", { id: "ip-issue", rows: 2, required: true });
  const recommendation = h("textarea", { id: "ip-recommendation", rows: 2, required: true });
  const nation = h("select", { id: "ip-nation" }, h("option", { value: "" }, t("replay.ip.allianceOrControl")), nations.map((n) => h("option", { value: n.id }, n.name)));
  const due = h("input", { id: "ip-due", type: "date" });
  const form =
    access.role === "facilitator"
      ? h(
          "form",
          {
            "aria-label": t("replay.ip.form"),
            class: "ip-form",
            onsubmit: async (event: Event) => {
              event.preventDefault();
              try {
                await requestJson(`${path}/improvements`, access.secret, { method: "POST", body: { issue: issue.value, recommendation: recommendation.value, nation: nation.value || null, due: due.value } });
                issue.value = "";
                recommendation.value = "";
                status.textContent = t("replay.ip.added");
                await refresh();
              } catch (error) {
                status.textContent = replayProblem(error);
              }
            },
          },
          h("div", { class: "field" }, h("label", { for: "ip-issue" }, t("replay.ip.issue")), issue),
          h("div", { class: "field" }, h("label", { for: "ip-recommendation" }, t("replay.ip.recommendation")), recommendation),
          h("div", { class: "field" }, h("label", { for: "ip-nation" }, t("replay.ip.responsible")), nation),
          h("div", { class: "field" }, h("label", { for: "ip-due" }, t("replay.ip.due")), due),
          h("button", { type: "submit" }, t("replay.ip.add")),
        )
      : h("p", { class: "hint" }, t("replay.ip.readOnly"));

  void refresh().catch((error) => (status.textContent = replayProblem(error)));
  return h("section", { class: "panel", "aria-labelledby": "ip-h" }, h("h2", { id: "ip-h" }, t("replay.ip.title")), list, form, status);
}
