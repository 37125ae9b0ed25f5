import { h, fill } from "../ui/html.ts";
import { requestJson, replayProblem, type ReplayAccess } from "./replay-access.ts";
import type { ImprovementItem } from "../../../shared/state/schema.ts";
import { CAPABILITY_ELEMENTS } from "../../../shared/scenario/eeg.ts";
import { t } from "../i18n.ts";

const STATUSES = ["open", "in-progress", "complete", "cancelled"] as const;
const statusKey = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Who edits the plan: exercise control, or the lead evaluator (when the server says the seat is one). */
export const editsImprovementPlan = (access: ReplayAccess) => access.role === "facilitator" || access.lead === true;

/**
 * The improvement plan (HSEEP IP): capability, issue, corrective action, capability element,
 * primary responsible organisation, point of contact, start and completion dates, status. Exercise
 * control (and the lead evaluator) add and edit items here; every version is an event in the
 * exercise's log (recordImprovement, editImprovement) and the AAR shows the last.
 */
export function improvementPlanSection(
  access: ReplayAccess,
  nations: { id: string; name: string }[],
  capabilities: { id: string; name: string }[] = [],
): HTMLElement {
  const list = h("div", {});
  const status = h("p", { class: "status-line", role: "status", "aria-live": "polite" });
  const nameOf = (id: string | null) => (id ? (nations.find((n) => n.id === id)?.name ?? id) : t("replay.ip.allianceOrControl"));
  const capabilityName = (id: string | undefined) => (id ? (capabilities.find((c) => c.id === id)?.name ?? id) : "");
  const path = `/api/exercises/${encodeURIComponent(access.exerciseId)}`;
  const editor = editsImprovementPlan(access);
  let editing: string | null = null;
  let items: ImprovementItem[] = [];

  const refresh = async () => {
    const aar = await requestJson<{ improvementPlan: ImprovementItem[] }>(`${path}/aar?format=json`, access.secret);
    items = aar.improvementPlan;
    const th = (key: Parameters<typeof t>[0]) => h("th", { scope: "col" }, t(key));
    fill(
      list,
      items.length === 0
        ? h("p", { class: "hint" }, t("replay.ip.none"))
        : h(
            "table",
            { class: "ip-table" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                th("evalui.ip.capability"),
                th("evalui.ip.issue"),
                th("evalui.ip.correctiveAction"),
                th("evalui.ip.element"),
                th("evalui.ip.organisation"),
                th("evalui.ip.contact"),
                th("evalui.ip.start"),
                th("evalui.ip.completion"),
                th("evalui.ip.status"),
                th("evalui.ip.by"),
                editor ? h("th", {}, h("span", { class: "hint" }, t("replay.ip.actions"))) : null,
              ),
            ),
            h(
              "tbody",
              {},
              items.map((item) =>
                h(
                  "tr",
                  { "data-item": item.id },
                  h("td", {}, capabilityName(item.capability)),
                  h("td", {}, item.issue),
                  h("td", {}, item.recommendation),
                  h("td", {}, item.element ? t("evaluation.element", { element: item.element }) : ""),
                  h("td", {}, item.organisation || nameOf(item.nation)),
                  h("td", {}, item.contact ?? ""),
                  h("td", {}, item.start ?? ""),
                  h("td", {}, item.completion || item.due),
                  h("td", {}, t("evaluation.ip.status", { status: statusKey(item.status ?? "open") })),
                  h("td", {}, item.by),
                  editor
                    ? h(
                        "td",
                        {},
                        h(
                          "button",
                          { type: "button", "aria-label": t("evalui.ip.editLabel", { issue: item.issue }), onclick: () => edit(item) },
                          t("evalui.ip.edit"),
                        ),
                        " ",
                        h(
                          "button",
                          { type: "button", "aria-label": t("replay.ip.removeLabel", { issue: item.issue }), onclick: () => remove(item.id) },
                          t("replay.ip.remove"),
                        ),
                      )
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
      if (editing === id) stopEditing();
      await refresh();
    } catch (error) {
      status.textContent = replayProblem(error);
    }
  };

  const capability = h(
    "select",
    { id: "ip-capability" },
    h("option", { value: "" }, t("evalui.ip.noCapability")),
    capabilities.map((c) => h("option", { value: c.id }, c.name)),
  );
  const issue = h("textarea", { id: "ip-issue", rows: 2, required: true, maxlength: 1000 });
  const recommendation = h("textarea", { id: "ip-recommendation", rows: 2, required: true, maxlength: 2000 });
  const element = h(
    "select",
    { id: "ip-element" },
    h("option", { value: "" }, t("evalui.ip.noElement")),
    CAPABILITY_ELEMENTS.map((e) => h("option", { value: e }, t("evaluation.element", { element: e }))),
  );
  const organisation = h("input", { id: "ip-organisation", maxlength: 200 });
  const contact = h("input", { id: "ip-contact", maxlength: 200 });
  const nation = h(
    "select",
    { id: "ip-nation" },
    h("option", { value: "" }, t("replay.ip.allianceOrControl")),
    nations.map((n) => h("option", { value: n.id }, n.name)),
  );
  const start = h("input", { id: "ip-start", type: "date" });
  const completion = h("input", { id: "ip-completion", type: "date" });
  const itemStatus = h(
    "select",
    { id: "ip-status" },
    STATUSES.map((s) => h("option", { value: s }, t("evaluation.ip.status", { status: statusKey(s) }))),
  );
  const submit = h("button", { type: "submit" }, t("replay.ip.add"));
  const cancel = h("button", { type: "button", hidden: true, onclick: () => stopEditing() }, t("evalui.ip.cancel"));
  const legend = h("h3", {}, t("evalui.ip.form"));

  const clear = () => {
    for (const f of [issue, recommendation, organisation, contact, start, completion]) f.value = "";
    for (const s of [capability, element, nation]) s.value = "";
    itemStatus.value = "open";
  };
  const stopEditing = () => {
    editing = null;
    clear();
    submit.textContent = t("replay.ip.add");
    legend.textContent = t("evalui.ip.form");
    cancel.hidden = true;
  };
  const edit = (item: ImprovementItem) => {
    editing = item.id;
    capability.value = item.capability ?? "";
    issue.value = item.issue;
    recommendation.value = item.recommendation;
    element.value = item.element ?? "";
    organisation.value = item.organisation ?? "";
    contact.value = item.contact ?? "";
    nation.value = item.nation ?? "";
    start.value = item.start ?? "";
    completion.value = item.completion || item.due || "";
    itemStatus.value = item.status ?? "open";
    submit.textContent = t("evalui.ip.save");
    legend.textContent = t("evalui.ip.editForm");
    cancel.hidden = false;
    issue.focus();
  };
  // Every field is sent as it stands: an emptied optional field is sent empty, so an edit can clear it.
  const body = () => ({
    issue: issue.value,
    recommendation: recommendation.value,
    nation: nation.value || null,
    due: completion.value,
    ...(capability.value ? { capability: capability.value } : {}),
    ...(element.value ? { element: element.value } : {}),
    organisation: organisation.value,
    contact: contact.value,
    start: start.value,
    completion: completion.value,
    status: itemStatus.value,
  });

  const field = (label: Parameters<typeof t>[0], control: HTMLElement) => h("div", { class: "field" }, h("label", { for: control.id }, t(label)), control);
  const form = editor
    ? h(
        "form",
        {
          "aria-label": t("evalui.ip.form"),
          class: "ip-form",
          onsubmit: async (event: Event) => {
            event.preventDefault();
            try {
              if (editing) await requestJson(`${path}/improvements/${encodeURIComponent(editing)}`, access.secret, { method: "PATCH", body: body() });
              else await requestJson(`${path}/improvements`, access.secret, { method: "POST", body: body() });
              status.textContent = editing ? t("evalui.ip.saved") : t("replay.ip.added");
              stopEditing();
              await refresh();
            } catch (error) {
              status.textContent = replayProblem(error);
            }
          },
        },
        legend,
        field("evalui.ip.capability", capability),
        field("evalui.ip.issue", issue),
        field("evalui.ip.correctiveAction", recommendation),
        field("evalui.ip.element", element),
        field("evalui.ip.organisation", organisation),
        field("evalui.ip.contact", contact),
        field("evalui.ip.responsible", nation),
        field("evalui.ip.start", start),
        field("evalui.ip.completion", completion),
        field("evalui.ip.status", itemStatus),
        h("div", { class: "actions" }, submit, " ", cancel),
      )
    : h("p", { class: "hint" }, t("evalui.ip.readOnly"));

  void refresh().catch((error) => (status.textContent = replayProblem(error)));
  return h("section", { class: "panel", "aria-labelledby": "ip-h" }, h("h2", { id: "ip-h" }, t("replay.ip.title")), list, form, status);
}
