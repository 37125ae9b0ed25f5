import { h } from "../ui/html.ts";
import { twoStepButton } from "../ui/two-step-button.ts";
import type { GameContext } from "../game/context.ts";
import type { InjectView } from "../state/client-state.ts";
import type { StatusLine } from "../ui/form.ts";
import type { EditorTarget } from "./inject-editor.ts";
import { t } from "../i18n.ts";

type Command = { type: string } & Record<string, unknown>;

/** What a row's actions need from the MSEL panel. */
export type RowActionsDeps = {
  ctx: GameContext;
  status: StatusLine;
  openEditor: (target: EditorTarget) => void;
  /** The ids an inject's ↑ and ↓ put it before (null: to the end). */
  before: { up: string; down: string | null };
  /** Injects whose row shows all its actions (kept across the row being made again). */
  expanded: Set<string>;
};

/**
 * A row's actions: the next one a controller takes (release, undo a skip, issue a correction)
 * and a "More" button that makes and shows the rest in place. A row with every action made is
 * some fifteen elements; 50 of them put back into the table when a search is cleared cost as
 * much style and layout as the whole filter's budget (bench/scale/msel.bench.ts), so the rest
 * are made only when asked for.
 */
export function rowActions(i: InjectView, deps: RowActionsDeps): HTMLElement | string {
  const { ctx, status, openEditor, before, expanded } = deps;
  const { state } = ctx;
  const act = async (button: HTMLButtonElement, command: Command, success: string) => {
    button.disabled = true;
    status.show(await ctx.send(command), success);
    button.disabled = false;
  };
  const small = (text: string, name: string, onclick: (e: Event) => void, extra = "") =>
    h("button", { type: "button", class: `small ${extra}`.trim(), "aria-label": name, onclick }, text);
  const open = ctx.isFacilitator && (i.status === "planned" || i.status === "delayed");
  const undoable = i.status === "skipped" && i.skippedTurn !== undefined && state.phase !== "ended" && state.turn <= Math.max(i.skippedTurn, 1);
  const move = (to: string | null) => (e: Event) =>
    act(e.currentTarget as HTMLButtonElement, { type: "moveInject", inject: i.id, before: to }, t("msel.view.moved", { number: i.number }));
  // Each action made only when shown: the first one always, the others behind "More".
  const actions: (() => HTMLElement)[] = [];
  if (ctx.isFacilitator && undoable)
    actions.push(() =>
      small(
        t("msel.view.undoSkip"),
        t("msel.view.undoSkipName", { number: i.number }),
        (e) => act(e.currentTarget as HTMLButtonElement, { type: "unskipInject", inject: i.id }, t("msel.view.unskipped", { number: i.number })),
        "primary",
      ),
    );
  if (ctx.isFacilitator && i.status === "released")
    actions.push(() =>
      small(t("msel.view.correct"), t("msel.view.correctName", { number: i.number }), () =>
        openEditor({ mode: "add", from: i, after: i.id, number: `${i.number}c`, titlePrefix: t("msel.view.correctionPrefix") }),
      ),
    );
  if (open) {
    actions.push(
      () =>
        small(
          t("console.msel.release"),
          t("console.msel.releaseName", { number: i.number }),
          (e) => act(e.currentTarget as HTMLButtonElement, { type: "releaseInject", inject: i.id }, t("console.msel.released", { number: i.number })),
          "primary",
        ),
      () =>
        twoStepButton(
          {
            text: t("console.msel.skip"),
            name: t("console.msel.skipName", { number: i.number }),
            confirmName: t("msel.view.confirmSkipName", { number: i.number }),
          },
          async () => status.show(await ctx.send({ type: "skipInject", inject: i.id }), t("msel.view.skippedUndo", { number: i.number })),
        ),
      () => {
        const delayTo = h("input", {
          type: "number",
          min: "1",
          max: "1000",
          value: String(Math.max(state.turn + 1, 1)),
          class: "tiny",
          "aria-label": t("console.msel.delayTo", { number: i.number }),
        });
        return h(
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
        );
      },
    );
  }
  if (ctx.isFacilitator && i.status !== "released") {
    actions.push(
      () => small(t("msel.view.edit"), t("msel.view.editName", { number: i.number }), () => openEditor({ mode: "edit", inject: i })),
      () =>
        small(t("msel.view.duplicate"), t("msel.view.duplicateName", { number: i.number }), () =>
          openEditor({ mode: "add", from: i, after: i.id, number: `${i.number}b` }),
        ),
      () =>
        small(i.held ? t("msel.view.unhold") : t("msel.view.hold"), t(i.held ? "msel.view.unholdName" : "msel.view.holdName", { number: i.number }), (e) =>
          act(
            e.currentTarget as HTMLButtonElement,
            { type: "holdInject", inject: i.id, held: !i.held },
            t(i.held ? "msel.view.unheldDone" : "msel.view.heldDone", { number: i.number }),
          ),
        ),
      () => small("↑", t("msel.view.upName", { number: i.number }), move(before.up)),
      () => small("↓", t("msel.view.downName", { number: i.number }), move(before.down)),
      () =>
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
  if (!actions.length) return "—";
  const [first, ...rest] = actions;
  const cell = h("div", { class: "row-actions-list" }, first!());
  if (!rest.length) return cell;
  const more = h(
    "button",
    { type: "button", class: "small msel-row-more", "aria-expanded": "false", "aria-label": t("msel.view.moreActionsName", { number: i.number }) },
    t("msel.view.moreActions"),
  );
  const others = h("span", { class: "row-actions-more" });
  const show = (on: boolean) => {
    more.setAttribute("aria-expanded", String(on));
    if (on) others.replaceChildren(...rest.map((make) => make()));
    else others.replaceChildren();
    if (on) expanded.add(i.id);
    else expanded.delete(i.id);
  };
  more.addEventListener("click", () => show(more.getAttribute("aria-expanded") !== "true"));
  if (expanded.has(i.id)) show(true);
  cell.append(more, others);
  return cell;
}
