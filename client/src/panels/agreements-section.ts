import { h, keyedList, setOptions } from "../ui/html.ts";
import { statusLine, commandButton } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { nationName, otherNations, scenarioText } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { listIn } from "../../../shared/i18n/index.ts";
import { panelWords, term, capitalized } from "./words.ts";
import type { Agreement } from "../../../shared/state/schema.ts";

const KINDS = ["mou", "sofa", "intel-sharing", "joint-exercise-programme", "command-arrangement"] as const;
const SCOPES = [
  { value: "", key: "agreements.scope.none" },
  { value: "training", key: "agreements.scope.training" },
  { value: "logistics", key: "agreements.scope.logistics" },
] as const;

/** Agreements: status of each, accept/reject when it is our turn to answer, and a proposal form. */
export function agreementsSection(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void; pending(ctx: GameContext): number } {
  const w = panelWords();
  const list = w.attr(h("ul", { class: "agreements" }), "aria-label", "panels.agreements.heading");
  const none = w.text(h("p", { class: "muted" }), "panels.agreements.empty");
  const status = statusLine();
  const kind = h("select", { name: "kind" });
  for (const value of KINDS) {
    // At the start of a menu item the term reads as a name: "Intelligence-sharing agreement".
    const option = kind.appendChild(new Option("", value));
    w.custom(() => (option.textContent = capitalized(term("agreementKind", value))));
  }
  const title = w.attr(h("input", { name: "title", maxlength: "120" }), "placeholder", "panels.agreements.titlePlaceholder");
  const parties = w.checkboxes("panels.common.partners", "agreement-parties");
  const duration = w.attr(h("input", { type: "number", name: "durationTurns", min: "1", max: "100" }), "placeholder", "panels.agreements.openEnded");
  // What only some kinds name: the cooperation an MOU opens, the commander a command arrangement makes.
  const scope = w.select("scope", SCOPES);
  const commander = h("select", { name: "commander" });
  const scopeField = w.field("agreements.panel.scope", scope);
  const commanderField = w.field("agreements.panel.commander", commander);
  const showKindFields = () => {
    scopeField.hidden = kind.value !== "mou";
    commanderField.hidden = kind.value !== "command-arrangement";
  };
  kind.addEventListener("change", showKindFields);
  showKindFields();
  const form = w.form({
    label: "panels.agreements.propose",
    submit: "panels.agreements.submit",
    success: "panels.agreements.success",
    send: (c) => getCtx().send(c),
    children: [
      w.text(h("h4"), "panels.agreements.propose"),
      w.field("panels.agreements.kind", kind),
      w.field("panels.agreements.titleField", title),
      parties.element,
      scopeField,
      commanderField,
      w.field("panels.agreements.duration", duration),
    ],
    build: () => {
      if (!title.value.trim()) return t("panels.agreements.errorTitle");
      if (!parties.values().length) return t("panels.common.errorPartner");
      const turns = Number(duration.value);
      if (kind.value === "command-arrangement" && !commander.value) return t("agreements.panel.errorCommander");
      return {
        type: "proposeAgreement",
        kind: kind.value,
        title: title.value.trim(),
        parties: parties.values(),
        ...(duration.value && turns >= 1 ? { durationTurns: Math.round(turns) } : {}),
        ...(kind.value === "mou" && scope.value ? { scope: scope.value } : {}),
        ...(kind.value === "command-arrangement" ? { commander: commander.value } : {}),
      };
    },
    reset: () => {
      title.value = "";
      parties.clear();
    },
  });

  const render = (a: Agreement) => {
    const ctx = getCtx();
    const me = ctx.viewNation;
    const mustAnswer = ctx.canAct && me !== null && a.status === "proposed" && a.parties.includes(me) && !a.acceptedBy.includes(me);
    const mayTerminate = ctx.canAct && me !== null && a.status === "accepted" && a.parties.includes(me);
    const send = (c: { type: string } & Record<string, unknown>) => getCtx().send(c);
    // A scenario's agreement in the reader's language; a proposal's title as its author wrote it.
    const named = (a as Agreement & { i18n?: object }).i18n ? scenarioText(ctx.state, a, "title") : a.title;
    const parties = a.parties.map((p) =>
      a.acceptedBy.includes(p) ? t("panels.agreements.accepted", { nation: nationName(ctx.state, p) }) : nationName(ctx.state, p),
    );
    return h(
      "li",
      { class: `agreement status-${a.status}` },
      h("p", {}, h("strong", {}, t("panels.agreements.item", { kind: capitalized(term("agreementKind", a.kind)), title: named }))),
      h("p", {}, t("panels.agreements.parties", { parties: listIn(lang(), parties) })),
      h(
        "p",
        {},
        h("span", { class: "status-word" }, t("panels.common.status", { status: term("agreementStatus", a.status) })),
        ` · ${a.proposer ? t("panels.agreements.proposedBy", { nation: nationName(ctx.state, a.proposer), turn: a.proposedTurn }) : t("panels.agreements.fromStart")}`,
        a.expiresTurn ? ` · ${t("panels.agreements.until", { turn: a.expiresTurn })}` : "",
      ),
      a.scope ? h("p", {}, t("agreements.panel.scopeLine", { scope: t(`agreements.scope.${a.scope}`) })) : null,
      a.commander ? h("p", {}, t("agreements.panel.commanderLine", { nation: nationName(ctx.state, a.commander) })) : null,
      mayTerminate
        ? h(
            "div",
            { class: "actions" },
            commandButton(
              t("agreements.panel.terminate"),
              { class: "small danger", "aria-label": t("agreements.panel.terminateLabel", { title: named }) },
              () => ({ type: "terminateAgreement", agreement: a.id }),
              send,
              status,
              t("agreements.panel.terminated"),
            ),
          )
        : null,
      mustAnswer
        ? h(
            "div",
            { class: "actions" },
            commandButton(
              t("panels.agreements.accept"),
              { class: "primary small", "aria-label": t("panels.agreements.acceptLabel", { title: named }) },
              () => ({ type: "answerAgreement", agreement: a.id, accept: true }),
              send,
              status,
              t("panels.agreements.acceptDone"),
            ),
            commandButton(
              t("panels.agreements.reject"),
              { class: "small", "aria-label": t("panels.agreements.rejectLabel", { title: named }) },
              () => ({ type: "answerAgreement", agreement: a.id, accept: false }),
              send,
              status,
              t("panels.agreements.rejectDone"),
            ),
          )
        : null,
    );
  };

  return {
    element: w.section("panels.agreements.heading", none, list, status.element, form),
    pending: (ctx) =>
      Object.values(ctx.perspective?.agreements ?? {}).filter(
        (a) => ctx.viewNation && a.status === "proposed" && a.parties.includes(ctx.viewNation) && !a.acceptedBy.includes(ctx.viewNation),
      ).length,
    update(ctx) {
      w.refresh();
      const items = Object.values(ctx.perspective?.agreements ?? {}).sort((a, b) => b.proposedTurn - a.proposedTurn || a.id.localeCompare(b.id));
      none.hidden = items.length > 0;
      keyedList(
        list,
        items,
        (a) => a.id,
        render,
        (a) => JSON.stringify([a, ctx.canAct, ctx.viewNation, lang()]),
      );
      parties.set(otherNations(ctx.state, ctx.viewNation));
      // A command arrangement's commander: an alliance member, ourselves included.
      const allies = Object.values(ctx.state.nations).filter((n) => n.alliance && n.playable);
      setOptions(
        commander,
        allies.map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) })),
        t("panels.common.chooseNation"),
      );
      form.hidden = !ctx.canAct;
    },
  };
}
