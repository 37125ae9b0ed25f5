import { h, fill, setOptions } from "../ui/html.ts";
import { t, lang } from "../i18n.ts";
import { field, select, checkboxGroup, commandForm, type StatusLine } from "../ui/form.ts";
import { copyButton } from "../ui/copy-button.ts";
import { twoStepButton } from "../ui/two-step-button.ts";
import { nationName } from "../game/names.ts";
import type { GameContext } from "../game/context.ts";
import type { IssuedCode } from "../../../shared/protocol/seat-commands.ts";
import { listIn } from "../../../shared/i18n/index.ts";

/**
 * The Roster tab's codes for role-players, evaluators and named controllers: the issued ones
 * (copy, replace, withdraw) and a form to give out a new one. Controller codes are the lead's
 * (only the lead is sent them and may issue them).
 */
export function seatCodesSection(getCtx: () => GameContext, status: StatusLine): { element: HTMLElement; update(ctx: GameContext): void } {
  const send = (c: { type: string } & Record<string, unknown>) => getCtx().send(c);
  const table = h("div", {});
  const role = select("role");
  const nation = select("nation");
  const label = h("input", { name: "label", maxlength: "40" });
  const nations = checkboxGroup(t("seats.roster.nations"), "scope");
  const lead = h("input", { type: "checkbox", name: "lead", id: "seat-code-lead" });
  const nationField = field(t("seats.roster.nation"), nation);
  const leadField = h("div", { class: "check" }, lead, h("label", { for: "seat-code-lead" }, t("seats.roster.lead")));
  const nationsHint = h("p", { class: "hint" }, t("seats.roster.nationsHint"));
  const showFields = () => {
    nationField.hidden = role.value !== "roleplayer";
    nations.element.hidden = nationsHint.hidden = role.value === "roleplayer";
    leadField.hidden = role.value !== "evaluator";
  };
  role.addEventListener("change", showFields);
  const form = commandForm({
    label: t("seats.roster.issueTitle"),
    submit: t("seats.roster.issue"),
    send,
    children: [
      h("div", { class: "row" }, field(t("seats.roster.role"), role), nationField),
      field(t("seats.roster.label"), label, t("seats.roster.labelHint")),
      nations.element,
      nationsHint,
      leadField,
    ],
    build: () => {
      if (role.value === "roleplayer") return { type: "issueSeatCode", role: "roleplayer", nation: nation.value, label: label.value.trim() };
      const scope = nations.values();
      return {
        type: "issueSeatCode",
        role: role.value,
        label: label.value.trim(),
        nations: scope.length ? scope : null,
        lead: role.value === "evaluator" && lead.checked,
      };
    },
    reset: () => {
      label.value = "";
      nations.clear();
      lead.checked = false;
    },
  });
  let sig = "";

  const who = (ctx: GameContext, c: IssuedCode) =>
    t("seats.roster.for", { role: c.role, nation: c.nation ? nationName(ctx.state, c.nation) : "", label: c.label, named: c.label ? "yes" : "no" });
  const row = (ctx: GameContext, c: IssuedCode) => {
    const name = who(ctx, c);
    const scope =
      c.role === "roleplayer"
        ? ""
        : t("seats.roster.scope", {
            nations: c.nations
              ? listIn(
                  lang(),
                  c.nations.map((n) => nationName(ctx.state, n)),
                )
              : "all",
          }) + (c.lead ? ` · ${t("seats.roster.leadMark")}` : "");
    const replace = twoStepButton(
      {
        text: t("console.roster.newCode"),
        name: t("console.roster.newCodeName", { team: name }),
        confirmName: t("console.roster.confirmNewCodeName", { team: name }),
      },
      async () => {
        const result = await send({ type: "newSeatCode", slot: c.slot });
        const fresh = getCtx().session.joinCodes?.seats?.find((s) => s.slot === c.slot)?.code;
        status.show(result, t("seats.roster.newCodeDone", { who: name, code: fresh ?? "" }));
      },
    );
    const withdraw = twoStepButton(
      {
        text: t("seats.roster.withdraw"),
        name: t("seats.roster.withdrawName", { who: name }),
        confirmName: t("seats.roster.confirmWithdrawName", { who: name }),
      },
      async () => {
        status.show(await send({ type: "withdrawSeatCode", slot: c.slot }), t("seats.roster.withdrawn", { who: name }));
      },
    );
    // data-seat-code-for is for tests and scripts: stable whatever the reader's language.
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, name),
      h("td", {}, scope),
      h("td", {}, h("code", { class: "code", "data-seat-code-for": `${c.role}:${c.nation ?? c.label}` }, c.code)),
      h("td", { class: "actions" }, copyButton(c.code, t("start.created.codeFor", { team: name })), replace, withdraw),
    );
  };

  return {
    element: h("section", { class: "seat-codes", "aria-label": t("seats.roster.codesTitle") }, h("h3", {}, t("seats.roster.codesTitle")), table, form),
    update(ctx) {
      const codes = ctx.isFacilitator ? (ctx.session.joinCodes?.seats ?? []) : [];
      const next = JSON.stringify([codes, ctx.isLead, lang(), Object.keys(ctx.state.nations)]);
      if (next === sig) return;
      sig = next;
      const roles = ["roleplayer", "evaluator", ...(ctx.isLead ? ["controller"] : [])];
      const chosen = role.value;
      setOptions(
        role,
        roles.map((r) => ({ value: r, label: t(`seats.role.${r as "roleplayer"}`) })),
      );
      if (roles.includes(chosen)) role.value = chosen;
      // Role-players mainly play the nations nobody's team plays: those first.
      const all = Object.values(ctx.state.nations).sort((a, b) => Number(a.playable) - Number(b.playable));
      const scope = ctx.welcome.role === "controller" ? ctx.welcome.nations : null;
      const chosenNation = nation.value;
      setOptions(
        nation,
        all.filter((n) => !scope || scope.includes(n.id)).map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) })),
      );
      if (chosenNation) nation.value = chosenNation;
      nations.set(all.map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) })));
      showFields();
      fill(
        table,
        codes.length
          ? h("table", { class: "codes", "aria-label": t("seats.roster.codesTitle") }, h("tbody", {}, ...codes.map((c) => row(ctx, c))))
          : h("p", { class: "muted" }, t("seats.roster.none")),
      );
    },
  };
}
