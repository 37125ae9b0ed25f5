import { h, replace } from "../ui/dom.ts";
import { requestJson, type ReplayAccess } from "./replay-access.ts";
import type { ImprovementItem } from "../../../shared/state/schema.ts";

/**
 * The improvement plan (HSEEP): issue, recommendation, responsible nation, due date. Exercise
 * control edits it here; every item is an event in the exercise's log and appears in the AAR.
 */
export function improvementPlanSection(access: ReplayAccess, nations: { id: string; name: string }[]): HTMLElement {
  const list = h("div", {});
  const status = h("p", { className: "status-line", role: "status", "aria-live": "polite" });
  const nameOf = (id: string | null) => (id ? (nations.find((n) => n.id === id)?.name ?? id) : "Alliance / exercise control");
  const path = `/api/exercises/${encodeURIComponent(access.exerciseId)}`;

  const refresh = async () => {
    const aar = await requestJson<{ improvementPlan: ImprovementItem[] }>(`${path}/aar?format=json`, access.secret);
    replace(
      list,
      aar.improvementPlan.length === 0
        ? h("p", { className: "hint" }, "No items yet.")
        : h(
            "table",
            {},
            h("thead", {}, h("tr", {}, h("th", {}, "Issue"), h("th", {}, "Recommendation"), h("th", {}, "Responsible"), h("th", {}, "Due"), access.role === "facilitator" ? h("th", {}, h("span", { className: "hint" }, "Actions")) : null)),
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
                    ? h("td", {}, h("button", { type: "button", "aria-label": `Remove improvement item: ${item.issue}`, onclick: () => remove(item.id) }, "Remove"))
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
      status.textContent = "Item removed.";
      await refresh();
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  };

  const issue = h("textarea", { id: "ip-issue", rows: 2, required: true });
  const recommendation = h("textarea", { id: "ip-recommendation", rows: 2, required: true });
  const nation = h("select", { id: "ip-nation" }, h("option", { value: "" }, "Alliance / exercise control"), nations.map((n) => h("option", { value: n.id }, n.name)));
  const due = h("input", { id: "ip-due", type: "date" });
  const form =
    access.role === "facilitator"
      ? h(
          "form",
          {
            "aria-label": "Add an improvement item",
            className: "ip-form",
            onsubmit: async (event: Event) => {
              event.preventDefault();
              try {
                await requestJson(`${path}/improvements`, access.secret, { method: "POST", body: { issue: issue.value, recommendation: recommendation.value, nation: nation.value || null, due: due.value } });
                issue.value = "";
                recommendation.value = "";
                status.textContent = "Item added to the improvement plan.";
                await refresh();
              } catch (error) {
                status.textContent = (error as Error).message;
              }
            },
          },
          h("div", { className: "field" }, h("label", { for: "ip-issue" }, "Issue"), issue),
          h("div", { className: "field" }, h("label", { for: "ip-recommendation" }, "Recommendation"), recommendation),
          h("div", { className: "field" }, h("label", { for: "ip-nation" }, "Responsible"), nation),
          h("div", { className: "field" }, h("label", { for: "ip-due" }, "Due"), due),
          h("button", { type: "submit" }, "Add to improvement plan"),
        )
      : h("p", { className: "hint" }, "Exercise control fills in the improvement plan.");

  void refresh().catch((error) => (status.textContent = (error as Error).message));
  return h("section", { className: "panel", "aria-labelledby": "ip-h" }, h("h2", { id: "ip-h" }, "Improvement plan"), list, form, status);
}
