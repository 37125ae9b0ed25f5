import { h, keyedList, setOptions } from "../ui/html.ts";
import { statusLine, commandButton } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { nationName, regionName } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { panelWords, term } from "./words.ts";
import type { ConsentRequest } from "../../../shared/state/schema.ts";

/** Sovereignty: ask a host nation to let our assets into its territory; grant or deny such requests. */
export function consentSection(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void; pending(ctx: GameContext): number } {
  const w = panelWords();
  const list = w.attr(h("ul", { class: "consents" }), "aria-label", "panels.consent.label");
  const none = w.text(h("p", { class: "muted" }), "panels.consent.empty");
  const status = statusLine();
  const region = h("select", { name: "region" });
  const note = w.attr(h("input", { name: "note", maxlength: "500" }), "placeholder", "panels.consent.notePlaceholder");
  const form = w.form({
    label: "panels.consent.form",
    submit: "panels.consent.submit",
    success: "panels.consent.success",
    send: (c) => getCtx().send(c),
    children: [w.text(h("h4"), "panels.consent.formHeading"), w.field("panels.consent.region", region), w.field("panels.consent.noteField", note)],
    build: () => {
      const ctx = getCtx();
      const host = ctx.state.regions[region.value]?.owner;
      if (!region.value || !host) return t("panels.consent.error");
      return { type: "requestConsent", host, region: region.value, note: note.value.trim() };
    },
    reset: () => (note.value = ""),
  });
  const render = (c: ConsentRequest) => {
    const ctx = getCtx();
    const send = (cmd: { type: string } & Record<string, unknown>) => getCtx().send(cmd);
    const mine = ctx.canAct && c.host === ctx.viewNation && c.status === "pending";
    // Consent given can be taken back: the requester's forces then leave at resolution.
    const revocable = ctx.canAct && c.host === ctx.viewNation && c.status === "granted";
    const requester = nationName(ctx.state, c.requester);
    const where = regionName(ctx.state, c.region);
    return h(
      "li",
      {},
      h(
        "p",
        {},
        h("strong", {}, t("panels.consent.pair", { from: requester, to: nationName(ctx.state, c.host) })),
        t("panels.consent.enter", { region: where, turn: c.turn }),
        c.note ? t("panels.consent.note", { note: c.note }) : "",
      ),
      h("p", {}, h("span", { class: "status-word" }, t("panels.common.status", { status: term("requestStatus", c.status) }))),
      mine
        ? h(
            "div",
            { class: "actions" },
            commandButton(
              t("panels.consent.grant"),
              { class: "primary small", "aria-label": t("panels.consent.grantLabel", { nation: requester, region: where }) },
              () => ({ type: "answerConsent", request: c.id, grant: true }),
              send,
              status,
              t("panels.consent.granted"),
            ),
            commandButton(
              t("panels.consent.deny"),
              { class: "small", "aria-label": t("panels.consent.denyLabel", { nation: requester, region: where }) },
              () => ({ type: "answerConsent", request: c.id, grant: false }),
              send,
              status,
              t("panels.consent.denied"),
            ),
          )
        : null,
      revocable
        ? h(
            "div",
            { class: "actions" },
            commandButton(
              t("agreements.consent.revoke"),
              { class: "small danger", "aria-label": t("agreements.consent.revokeLabel", { nation: requester, region: where }) },
              () => ({ type: "revokeConsent", request: c.id }),
              send,
              status,
              t("agreements.consent.revoked"),
            ),
          )
        : null,
    );
  };
  return {
    element: w.section("panels.consent.heading", none, list, status.element, form),
    pending: (ctx) => Object.values(ctx.perspective?.consentRequests ?? {}).filter((c) => c.host === ctx.viewNation && c.status === "pending").length,
    update(ctx) {
      w.refresh();
      const items = Object.values(ctx.perspective?.consentRequests ?? {}).sort((a, b) => b.turn - a.turn || a.id.localeCompare(b.id));
      none.hidden = items.length > 0;
      keyedList(
        list,
        items,
        (c) => c.id,
        render,
        (c) => JSON.stringify([c, ctx.canAct, lang()]),
      );
      const foreign = ctx.state.scenario.regions.filter((r) => {
        const owner = ctx.state.regions[r.id]?.owner;
        return owner && owner !== ctx.viewNation;
      });
      setOptions(
        region,
        foreign.map((r) => ({
          value: r.id,
          label: t("panels.consent.regionOption", { region: r.name, nation: nationName(ctx.state, ctx.state.regions[r.id]!.owner) }),
        })),
        t("panels.common.chooseRegion"),
      );
      form.hidden = !ctx.canAct;
    },
  };
}
