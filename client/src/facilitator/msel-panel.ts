import { h, fill, setOptions } from "../ui/html.ts";
import { MselWindow } from "./msel-window.ts";
import { statusLine } from "../ui/form.ts";
import { twoStepButton } from "../ui/two-step-button.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { InjectView } from "../state/client-state.ts";
import { nationName, scenarioText, term } from "../game/names.ts";
import { responseLabel } from "./expected-response-editor.ts";
import { injectEditor, type EditorTarget } from "./inject-editor.ts";
import { mselSheets } from "./msel-sheets.ts";
import { t, lang } from "../i18n.ts";
import { listIn } from "../../../shared/i18n/index.ts";

type Command = { type: string } & Record<string, unknown>;
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

  const act = async (button: HTMLButtonElement, command: Command, success: string) => {
    button.disabled = true;
    status.show(await getCtx().send(command), success);
    button.disabled = false;
  };
  const small = (text: string, name: string, onclick: (e: Event) => void, extra = "") =>
    h("button", { type: "button", class: `small ${extra}`.trim(), "aria-label": name, onclick }, text);
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

  const render = (i: InjectView) => {
    const ctx = getCtx();
    const { state } = ctx;
    const trigger =
      i.trigger?.kind === "scheduled"
        ? t("console.msel.scheduled", { turn: i.trigger.turn })
        : i.trigger?.kind === "conditional"
          ? t("console.msel.conditional", { turn: i.trigger.earliestTurn ?? 1 })
          : t("console.msel.manual");
    const delayTo = h("input", {
      type: "number",
      min: "1",
      max: "1000",
      value: String(Math.max(state.turn + 1, 1)),
      class: "tiny",
      "aria-label": t("console.msel.delayTo", { number: i.number }),
    });
    const open = ctx.isFacilitator && (i.status === "planned" || i.status === "delayed");
    const statusWord = i.held && i.status === "planned" ? t("msel.view.held") : term("injectStatus", i.status ?? "planned");
    const statusText =
      i.status === "released" && i.releasedTurn
        ? t("console.msel.releasedIn", { status: statusWord, turn: i.releasedTurn })
        : i.status === "delayed" && i.delayedToTurn
          ? t("console.msel.delayedTo", { status: statusWord, turn: i.delayedToTurn })
          : statusWord;
    const title = scenarioText(state, i, "title");
    const at = place.get(i.id) ?? -1;
    const move = (before: string | null, label: string) => (e: Event) =>
      act(e.currentTarget as HTMLButtonElement, { type: "moveInject", inject: i.id, before }, label);
    const undoable = i.status === "skipped" && i.skippedTurn !== undefined && state.phase !== "ended" && state.turn <= Math.max(i.skippedTurn, 1);
    const actions: HTMLElement[] = [];
    if (open) {
      actions.push(
        small(
          t("console.msel.release"),
          t("console.msel.releaseName", { number: i.number }),
          (e) => act(e.currentTarget as HTMLButtonElement, { type: "releaseInject", inject: i.id }, t("console.msel.released", { number: i.number })),
          "primary",
        ),
        twoStepButton(
          {
            text: t("console.msel.skip"),
            name: t("console.msel.skipName", { number: i.number }),
            confirmName: t("msel.view.confirmSkipName", { number: i.number }),
          },
          async () => status.show(await ctx.send({ type: "skipInject", inject: i.id }), t("msel.view.skippedUndo", { number: i.number })),
        ),
        h(
          "span",
          { class: "delay" },
          delayTo,
          small(t("console.msel.delay"), t("console.msel.delayName", { number: i.number }), (e) =>
            act(
              e.currentTarget as HTMLButtonElement,
              { type: "delayInject", inject: i.id, toTurn: Math.round(Number(delayTo.value)) },
              t("console.msel.delayed", { number: i.number, turn: delayTo.value }),
            ),
          ),
        ),
      );
    }
    if (ctx.isFacilitator && i.status !== "released") {
      actions.push(
        small(t("msel.view.edit"), t("msel.view.editName", { number: i.number }), () => openEditor({ mode: "edit", inject: i })),
        small(t("msel.view.duplicate"), t("msel.view.duplicateName", { number: i.number }), () =>
          openEditor({ mode: "add", from: i, after: i.id, number: `${i.number}b` }),
        ),
        small(i.held ? t("msel.view.unhold") : t("msel.view.hold"), t(i.held ? "msel.view.unholdName" : "msel.view.holdName", { number: i.number }), (e) =>
          act(
            e.currentTarget as HTMLButtonElement,
            { type: "holdInject", inject: i.id, held: !i.held },
            t(i.held ? "msel.view.unheldDone" : "msel.view.heldDone", { number: i.number }),
          ),
        ),
        small("↑", t("msel.view.upName", { number: i.number }), move(at > 0 ? all[at - 1]!.id : all[0]!.id, t("msel.view.moved", { number: i.number }))),
        small(
          "↓",
          t("msel.view.downName", { number: i.number }),
          move(at + 2 < all.length ? all[at + 2]!.id : null, t("msel.view.moved", { number: i.number })),
        ),
        twoStepButton(
          {
            text: t("msel.view.delete"),
            name: t("msel.view.deleteName", { number: i.number }),
            confirmName: t("msel.view.confirmDeleteName", { number: i.number }),
          },
          async () => status.show(await ctx.send({ type: "deleteInject", inject: i.id }), t("msel.view.deleted", { number: i.number })),
        ),
      );
    }
    if (ctx.isFacilitator && undoable)
      actions.push(
        small(
          t("msel.view.undoSkip"),
          t("msel.view.undoSkipName", { number: i.number }),
          (e) => act(e.currentTarget as HTMLButtonElement, { type: "unskipInject", inject: i.id }, t("msel.view.unskipped", { number: i.number })),
          "primary",
        ),
      );
    if (ctx.isFacilitator && i.status === "released")
      actions.push(
        small(t("msel.view.correct"), t("msel.view.correctName", { number: i.number }), () =>
          openEditor({ mode: "add", from: i, after: i.id, number: `${i.number}c`, titlePrefix: t("msel.view.correctionPrefix") }),
        ),
      );
    return h(
      "tr",
      { "data-inject": i.number, "data-status": shownStatus(i) },
      h("td", {}, i.number),
      h("td", {}, trigger),
      h(
        "td",
        {},
        h(
          "details",
          {},
          h("summary", {}, title),
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
        ),
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
      h("td", { class: "row-actions" }, actions.length ? actions : "—"),
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
      (i) => i.id,
      (i) => JSON.stringify([i, ctx.state.turn, ctx.state.phase, language, all[place.get(i.id)! - 1]?.id, all[place.get(i.id)! + 2]?.id]),
      render,
    );
    sheets.update(ctx);
    if (editing && editing !== "new" && !ctx.perspective?.injects[editing]) fill(editorSlot);
  }
  return { id: "msel", title: t("console.msel.tab"), element, update };
}
