import { h, fill } from "../ui/html.ts";
import { request as api, ApiError, type CreatedExercise } from "../net/http.ts";
import { facilitatorKeys, facilitatorKeyFor, forgetFacilitatorKey, rememberFacilitatorKey } from "../net/facilitator-keys.ts";
import { facilitatorLink } from "../route.ts";
import { createdExercise } from "./created-exercise.ts";
import { apiProblem } from "./api-errors.ts";
import { t, lang } from "../i18n.ts";
import { termKey } from "../../../shared/i18n/index.ts";

/** A row of the library, as server/http/library-api.ts sends it. */
type Entry = {
  id: string;
  title: string;
  scenarioTitle: string;
  lastActivityAt: number;
  phase: string;
  turn: number;
  seatsOnline: number;
  loaded: boolean;
  archivedAt: number | null;
};

/**
 * The exercise library on the start page (issue #20.5): the exercises whose facilitator links this
 * browser opened, or every exercise with the operator password. Each row opens the console, archives
 * (read-only, unloaded, still replayable) or brings back, deletes after a confirmation that offers
 * the log's download first, and starts a new run of the same scenario.
 */
export function libraryCard(): HTMLElement {
  const password = h("input", { type: "password", name: "library-password", autocomplete: "off" });
  const status = h("p", { class: "form-status", role: "status" });
  const body = h("div", { class: "library-rows" });
  let rows: Entry[] = [];
  let asOperator = false;
  /** The credential that acts on one exercise: its key here, else the operator password. */
  const credential = (id: string) => facilitatorKeyFor(id) ?? (asOperator ? password.value : null);

  const load = async () => {
    status.textContent = t("library.loading");
    try {
      if (asOperator) rows = (await api<{ exercises: Entry[] }>("/api/library", { token: password.value })).exercises;
      else {
        const keys = facilitatorKeys();
        const answer = keys.length
          ? await api<{ exercises: Entry[]; notOpened: string[] }>("/api/library", { body: { keys: keys.map(({ id, token }) => ({ id, token })) } })
          : { exercises: [], notOpened: [] };
        // Deleted exercises (or keys replaced) are forgotten.
        for (const id of answer.notOpened) forgetFacilitatorKey(id);
        rows = answer.exercises;
      }
      status.textContent = rows.length ? "" : t(asOperator ? "library.emptyAll" : "library.empty");
    } catch (error) {
      status.textContent = `⚠ ${apiProblem(error)}`;
    }
    render();
  };

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await load();
    } catch (error) {
      status.textContent = `⚠ ${error instanceof ApiError && error.code === "confirm_required" ? t("library.delete.confirmFirst") : apiProblem(error)}`;
    }
  };

  const confirmDelete = (entry: Entry, cell: HTMLElement) => {
    const token = credential(entry.id)!;
    const download = h("button", { type: "button", onclick: () => void downloadLog(entry.id, token) }, t("library.delete.export"));
    const yes = h(
      "button",
      {
        type: "button",
        class: "danger",
        onclick: () =>
          void act(() =>
            api(`/api/exercises/${encodeURIComponent(entry.id)}`, { method: "DELETE", token, body: { confirm: entry.id } }).then(() =>
              forgetFacilitatorKey(entry.id),
            ),
          ),
      },
      t("library.delete.confirm"),
    );
    const no = h("button", { type: "button", onclick: () => render() }, t("library.delete.cancel"));
    fill(
      cell,
      h(
        "div",
        { class: "library-confirm", role: "alertdialog", "aria-label": t("library.delete.title", { title: entry.title }) },
        h("p", {}, t("library.delete.question", { title: entry.title })),
        h("p", {}, t("library.delete.offer")),
        h("div", { class: "actions" }, download, yes, no),
      ),
    );
    download.focus();
  };

  const rerun = async (entry: Entry) => {
    const created = await api<CreatedExercise>(`/api/exercises/${encodeURIComponent(entry.id)}/rerun`, {
      token: credential(entry.id)!,
      body: { ...(password.value ? { password: password.value } : {}) },
    });
    rememberFacilitatorKey(created.id, created.facilitatorToken);
    await load();
    body.prepend(createdExercise(created));
  };

  const row = (entry: Entry) => {
    const token = credential(entry.id);
    const actions = h("td", { class: "library-actions" });
    const phase = termKey("phase", entry.phase);
    const button = (label: string, onclick: () => void, extra: Record<string, unknown> = {}) => h("button", { type: "button", onclick, ...extra }, label);
    const keyHere = facilitatorKeyFor(entry.id);
    if (entry.archivedAt === null) {
      if (keyHere) actions.append(h("a", { class: "button primary", href: facilitatorLink(keyHere, entry.id) }, t("library.open")));
      if (token)
        actions.append(
          button(
            t("library.archive"),
            () => void act(() => api(`/api/exercises/${encodeURIComponent(entry.id)}/archive`, { method: "POST", token, body: {} })),
          ),
        );
    } else if (token) {
      actions.append(
        button(
          t("library.unarchive"),
          () => void act(() => api(`/api/exercises/${encodeURIComponent(entry.id)}/unarchive`, { method: "POST", token, body: {} })),
        ),
      );
    }
    if (token) {
      actions.append(button(t("library.rerun"), () => void act(() => rerun(entry))));
      actions.append(button(t("library.delete.button"), () => confirmDelete(entry, actions), { class: "danger" }));
    }
    return h(
      "tr",
      { "data-exercise": entry.id },
      h("th", { scope: "row" }, entry.title, entry.archivedAt !== null ? h("span", { class: "pill" }, ` ${t("library.archived")}`) : null),
      h("td", {}, entry.scenarioTitle),
      h("td", {}, phase ? t(phase) : entry.phase),
      h("td", {}, String(entry.turn)),
      h("td", {}, String(entry.seatsOnline)),
      h("td", {}, new Date(entry.lastActivityAt).toLocaleString(lang())),
      actions,
    );
  };

  const render = () => {
    if (!rows.length) return fill(body);
    const head = [
      "library.col.title",
      "library.col.scenario",
      "library.col.phase",
      "library.col.turn",
      "library.col.seats",
      "library.col.activity",
      "library.col.actions",
    ] as const;
    fill(
      body,
      h(
        "table",
        { class: "library", "aria-label": t("library.title") },
        h("thead", {}, h("tr", {}, ...head.map((k) => h("th", { scope: "col" }, t(k))))),
        h("tbody", {}, ...rows.map(row)),
      ),
    );
  };

  const operatorForm = h(
    "form",
    {
      class: "library-operator",
      noValidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        asOperator = password.value.length > 0;
        void load();
      },
    },
    h("label", {}, t("library.password"), " ", password),
    h("button", { type: "submit" }, t("library.showAll")),
  );
  void load();
  return h(
    "section",
    { class: "card library-card", "aria-labelledby": "library-title" },
    h("h2", { id: "library-title" }, t("library.title")),
    h("p", {}, t("library.intro")),
    operatorForm,
    status,
    body,
  );
}

/** The exercise's log (scenario, seed, every event) as a file, through a one-time download ticket. */
async function downloadLog(id: string, token: string): Promise<void> {
  const { ticket } = await api<{ ticket: string }>(`/api/exercises/${encodeURIComponent(id)}/tickets`, { method: "POST", token, body: {} });
  const link = h("a", { href: `/api/exercises/${encodeURIComponent(id)}/events?ticket=${encodeURIComponent(ticket)}`, download: `${id}.json` });
  document.body.append(link);
  link.click();
  link.remove();
}
