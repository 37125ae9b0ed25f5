import { h, fill, setOptions } from "../ui/html.ts";
import { MselWindow } from "./msel-window.ts";
import { rowActions } from "./msel-row-actions.ts";
import { statusLine } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { InjectView } from "../state/client-state.ts";
import { nationName, scenarioText, term } from "../game/names.ts";
import { responseLabel } from "./expected-response-editor.ts";
import { injectEditor, type EditorTarget } from "./inject-editor.ts";
import { mselSheets } from "./msel-sheets.ts";
import { t, lang } from "../i18n.ts";
import { listIn } from "../../../shared/i18n/index.ts";

/** The turn an inject is due in (null: only by hand). */
const dueTurn = (i: InjectView): number | null =>
  i.status === "delayed"
    ? (i.delayedToTurn ?? null)
    : i.trigger?.kind === "scheduled"
      ? i.trigger.turn
      : i.trigger?.kind === "conditional"
        ? (i.trigger.earliestTurn ?? 1)
        : null;
/** The status a person filters by: a held inject is its own kind. */
const shownStatus = (i: InjectView) => (i.held && i.status === "planned" ? "held" : (i.status ?? "planned"));

/**
 * The MSEL as exercise control works it: the current turn's injects first, then the MSEL's
 * order; filters by status, turn, addressee and controller, and a search; full width (map
 * hidden) when there is a lot to read. Injects not released yet can be edited, duplicated,
 * moved, held off the timeline or deleted (each a command, logged with a reason); a released
 * one offers a correction (a new inject). Skip and Delete ask twice; a skip can be undone
 * until the turn resolves.
 */
export function mselPanel(getCtx: () => GameContext): Panel {
  const status = statusLine();
  const rows = h("tbody", {});
  const notice = h("p", { class: "hint-banner", hidden: true }, t("console.msel.viewingAs"));
  const columns = [
    t("console.msel.number"),
    t("console.msel.turn"),
    t("console.msel.injectTitle"),
    t("console.msel.audience"),
    t("console.msel.status"),
    t("console.msel.actions"),
  ];
  const table = h(
    "table",
    { class: "grid msel", "aria-label": t("console.msel.name") },
    h("thead", {}, h("tr", {}, ...columns.map((c) => h("th", { scope: "col" }, c)))),
    rows,
  );
  const editorSlot = h("div", { class: "msel-editor-slot" });
  const search = h("input", { type: "search", name: "mselSearch", placeholder: t("msel.view.searchHint"), "aria-label": t("msel.view.search") });
  const byStatus = h("select", { name: "mselStatus", "aria-label": t("msel.view.status") });
  const byTurn = h("select", { name: "mselTurn", "aria-label": t("msel.view.turn") });
  const byNation = h("select", { name: "mselNation", "aria-label": t("msel.view.addressee") });
  const byController = h("select", { name: "mselController", "aria-label": t("msel.view.controller") });
  const wide = h("button", { type: "button", class: "small", "aria-pressed": "false" }, t("msel.view.fullWidth"));
  wide.addEventListener("click", () => {
    const on = wide.getAttribute("aria-pressed") !== "true";
    wide.setAttribute("aria-pressed", String(on));
    wide.textContent = on ? t("msel.view.withMap") : t("msel.view.fullWidth");
    document.body.classList.toggle("msel-wide", on);
  });
  const add = h("button", { type: "button", class: "small primary" }, t("msel.view.add"));
  const count = h("p", { class: "meta", "aria-live": "polite" });
  const sheets = mselSheets(getCtx);
  const toolbar = h(
    "div",
    { class: "msel-toolbar", role: "group", "aria-label": t("msel.view.tools") },
    add,
    wide,
    search,
    byStatus,
    byTurn,
    byNation,
    byController,
  );
  const rowWindow = new MselWindow<InjectView>(rows, () => last && update(last));
  const element = h(
    "div",
    { class: "panel msel-panel" },
    h("h2", {}, t("console.msel.title")),
    notice,
    toolbar,
    status.element,
    editorSlot,
    count,
    h("div", { class: "table-scroll" }, table),
    rowWindow.more,
    sheets.element,
  );

  let editing: string | null = null;
  const openEditor = (target: EditorTarget) => {
    editing = target.mode === "edit" ? target.inject.id : "new";
    fill(
      editorSlot,
      injectEditor(getCtx, target, (done) => {
        editing = null;
        fill(editorSlot);
        if (done) status.show({ ok: true, seq: 0 }, done);
        if (last) update(last);
      }),
    );
    editorSlot.scrollIntoView({ block: "nearest" });
  };
  add.addEventListener("click", () => openEditor({ mode: "add", after: null, number: nextNumber() }));
  const nextNumber = () => `${Math.max(getCtx().state.turn, 1)}.${String(Object.keys(getCtx().perspective?.injects ?? {}).length + 1).padStart(2, "0")}`;

  // Sorted again only when the injects changed (a filter's key typed must not sort 2,000 numbers again).
  let sortedFrom: unknown = null;
  let sorted: InjectView[] = [];
  const ordered = (ctx: GameContext) => {
    const injects = ctx.perspective?.injects ?? {};
    if (injects !== sortedFrom) {
      sortedFrom = injects;
      sorted = Object.values(injects).sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.number.localeCompare(b.number, undefined, { numeric: true }));
    }
    return sorted;
  };
  // The MSEL's order and each inject's place in it, made once per update (a row's ↑ and ↓ name its neighbours).
  let all: InjectView[] = [];
  let place = new Map<string, number>();
  const expanded = new Set<string>();

  const render = (i: InjectView) => {
    const ctx = getCtx();
    const { state } = ctx;
    const trigger =
      i.trigger?.kind === "scheduled"
        ? t("console.msel.scheduled", { turn: i.trigger.turn })
        : i.trigger?.kind === "conditional"
          ? t("console.msel.conditional", { turn: i.trigger.earliestTurn ?? 1 })
          : t("console.msel.manual");
    const statusWord = i.held && i.status === "planned" ? t("msel.view.held") : term("injectStatus", i.status ?? "planned");
    const statusText =
      i.status === "released" && i.releasedTurn
        ? t("console.msel.releasedIn", { status: statusWord, turn: i.releasedTurn })
        : i.status === "delayed" && i.delayedToTurn
          ? t("console.msel.delayedTo", { status: statusWord, turn: i.delayedToTurn })
          : statusWord;
    const title = scenarioText(state, i, "title");
    const at = place.get(i.id) ?? -1;
    const before = { up: at > 0 ? all[at - 1]!.id : all[0]!.id, down: at + 2 < all.length ? all[at + 2]!.id : null };
    return h(
      "tr",
      { "data-inject": i.number, "data-status": shownStatus(i) },
      h("td", {}, i.number),
      h("td", {}, trigger),
      h(
        "td",
        {},
        // What the inject says is made when its row is opened: a closed row is its summary alone.
        lazyDetails(title, () => [
          h(
            "p",
            { class: "meta" },
            t("console.msel.meta", { type: term("injectType", i.type), delivery: term("delivery", i.delivery), from: scenarioText(state, i, "from") }),
          ),
          h("p", { class: "inject-body" }, scenarioText(state, i, "body")),
          i.expectedActions?.length
            ? h(
                "div",
                {},
                h("strong", {}, t("console.msel.expected")),
                h(
                  "ul",
                  {},
                  ...i.expectedActions.map((a) =>
                    h(
                      "li",
                      {},
                      a.withinTurns !== undefined
                        ? t("console.msel.expectedWithin", {
                            description: scenarioText(state, a, "description"),
                            action: responseLabel(a.command),
                            turns: a.withinTurns,
                          })
                        : t("console.msel.expectedLine", { description: scenarioText(state, a, "description"), action: responseLabel(a.command) }),
                    ),
                  ),
                ),
              )
            : null,
          i.objective ? h("p", {}, t("console.msel.objective", { objective: scenarioText(state, i, "objective") })) : null,
          i.capability ? h("p", {}, t("console.msel.capability", { capability: scenarioText(state, i, "capability") })) : null,
          i.controller ? h("p", {}, t("msel.view.controllerLine", { controller: i.controller })) : null,
          i.notes ? h("p", { class: "meta" }, t("msel.view.notesLine", { notes: i.notes })) : null,
        ]),
      ),
      h(
        "td",
        {},
        i.to === "all"
          ? t("console.msel.all")
          : listIn(
              lang(),
              i.to.map((n) => nationName(state, n)),
            ),
      ),
      h("td", {}, h("span", { class: `status-word status-${shownStatus(i)}` }, statusText)),
      h("td", { class: "row-actions" }, rowActions(i, { ctx, status, openEditor, before, expanded })),
    );
  };

  const matches = (ctx: GameContext, i: InjectView): boolean => {
    if (byStatus.value && shownStatus(i) !== byStatus.value) return false;
    if (byTurn.value && String(dueTurn(i) ?? i.releasedTurn ?? "") !== byTurn.value) return false;
    if (byNation.value && i.to !== "all" && !i.to.includes(byNation.value)) return false;
    if (byController.value && (i.controller ?? "") !== byController.value) return false;
    const q = search.value.trim().toLocaleLowerCase();
    if (!q) return true;
    return searchable(ctx, i).some((s) => s.includes(q));
  };
  // Each inject's searched words, lower-cased once per inject record and language (not per key typed).
  const words = new WeakMap<InjectView, { language: string; words: string[] }>();
  const searchable = (ctx: GameContext, i: InjectView): string[] => {
    let known = words.get(i);
    if (!known || known.language !== lang()) {
      known = {
        language: lang(),
        words: [
          i.number,
          scenarioText(ctx.state, i, "title"),
          scenarioText(ctx.state, i, "body"),
          scenarioText(ctx.state, i, "from"),
          i.controller ?? "",
          i.notes ?? "",
        ].map((s) => s.toLocaleLowerCase()),
      };
      words.set(i, known);
    }
    return known.words;
  };
  let last: GameContext | null = null;
  const refresh = () => {
    // New filters: the reader starts from the top of what they show.
    rowWindow.rewind();
    if (last) update(last);
  };
  for (const control of [search, byStatus, byTurn, byNation, byController]) control.addEventListener("input", refresh);

  const setFilterOptions = (ctx: GameContext, injects: InjectView[]) => {
    const keep = (el: HTMLSelectElement, options: { value: string; label: string }[], anyLabel: string) => {
      const value = el.value;
      const next = JSON.stringify(options);
      if (el.dataset.options !== next) {
        setOptions(el, [{ value: "", label: anyLabel }, ...options]);
        el.dataset.options = next;
        el.value = options.some((o) => o.value === value) ? value : "";
      }
    };
    keep(
      byStatus,
      ["planned", "held", "delayed", "released", "skipped"].map((s) => ({ value: s, label: s === "held" ? t("msel.view.held") : term("injectStatus", s) })),
      t("msel.view.anyStatus"),
    );
    keep(
      byTurn,
      Array.from({ length: ctx.state.turns }, (_, k) => ({ value: String(k + 1), label: t("msel.view.turnN", { turn: k + 1 }) })),
      t("msel.view.anyTurn"),
    );
    keep(
      byNation,
      Object.values(ctx.state.nations).map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) })),
      t("msel.view.anyNation"),
    );
    const controllers = [...new Set(injects.map((i) => i.controller ?? "").filter(Boolean))].sort();
    keep(
      byController,
      controllers.map((c) => ({ value: c, label: c })),
      t("msel.view.anyController"),
    );
  };

  function update(ctx: GameContext) {
    last = ctx;
    notice.hidden = ctx.viewNation === null;
    add.hidden = wide.hidden = !ctx.isFacilitator;
    const injects = ordered(ctx);
    all = injects;
    place = new Map(injects.map((x, k) => [x.id, k]));
    setFilterOptions(ctx, injects);
    // The current turn's injects first: what exercise control must act on now.
    const now = ctx.state.turn;
    const isNow = (i: InjectView) => (i.status === "planned" || i.status === "delayed") && dueTurn(i) === now;
    const shown = [...injects.filter(isNow), ...injects.filter((i) => !isNow(i))].filter((i) => matches(ctx, i));
    count.textContent = t("msel.view.count", { shown: shown.length, total: injects.length });
    // A row's neighbours matter only to its ↑ and ↓ (ids of the ones before and after).
    const language = lang();
    rowWindow.show(
      shown,
      injects,
      (i) => i.id,
      (i) => JSON.stringify([i, ctx.state.turn, ctx.state.phase, language, all[place.get(i.id)! - 1]?.id, all[place.get(i.id)! + 2]?.id]),
      render,
    );
    sheets.update(ctx);
    if (editing && editing !== "new" && !ctx.perspective?.injects[editing]) fill(editorSlot);
  }
  return { id: "msel", title: t("console.msel.tab"), element, update };
}

/** A `<details>` whose content is made the first time it is opened. */
function lazyDetails(summary: string, content: () => (HTMLElement | null)[]): HTMLDetailsElement {
  const details = h("details", {}, h("summary", {}, summary)) as HTMLDetailsElement;
  let made = false;
  details.addEventListener("toggle", () => {
    if (!details.open || made) return;
    made = true;
    details.append(...content().filter((c): c is HTMLElement => c !== null));
  });
  return details;
}
