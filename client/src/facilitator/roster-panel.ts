import { h, fill } from "../ui/html.ts";
import { t, lang } from "../i18n.ts";
import { statusLine } from "../ui/form.ts";
import { copyButton } from "../ui/copy-button.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { Seat } from "../state/client-state.ts";
import { nationName, FACILITATOR_SEAT_NAME } from "../game/names.ts";
import { twoStepButton } from "../ui/two-step-button.ts";
import { seatCodesSection } from "./seat-codes.ts";

/** A seat's display name; exercise control's default name is shown as its role, in the reader's language. */
const seatName = (seat: Seat) => (seat.name === FACILITATOR_SEAT_NAME ? t("game.bar.facilitator") : seat.name);

/**
 * Who is online, per nation, and exercise control's own seats. Exercise control also manages
 * them here: the join codes to hand out (a new one when a code reached the wrong people) and
 * removing a seat (a stranger on the roster, a duplicate left by a lost browser).
 */
export function rosterPanel(getCtx: () => GameContext): Panel {
  const send = (c: { type: string } & Record<string, unknown>) => getCtx().send(c);
  const status = statusLine();
  const codes = h("div", {});
  const body = h("div", {});
  let codesSig = "";
  let seatsSig = "";
  const seatCodes = seatCodesSection(getCtx, status);

  const removeButton = (seat: Seat) =>
    twoStepButton(
      {
        text: t("console.roster.remove"),
        name: t("console.roster.removeName", { name: seatName(seat) }),
        confirmName: t("console.roster.confirmRemoveName", { name: seatName(seat) }),
      },
      async () => {
        const result = await send({ type: "removeSeat", seat: seat.id });
        status.show(result, t("console.roster.removed", { name: seatName(seat) }));
      },
    );

  const newCodeButton = (label: string, nation: string | null) =>
    twoStepButton(
      {
        text: t("console.roster.newCode"),
        name: t("console.roster.newCodeName", { team: label }),
        confirmName: t("console.roster.confirmNewCodeName", { team: label }),
      },
      async () => {
        const result = await send({ type: "newJoinCode", nation });
        const fresh = nation === null ? getCtx().session.joinCodes?.observers : getCtx().session.joinCodes?.nations.find((c) => c.nation === nation)?.code;
        status.show(result, fresh ? t("console.roster.newCodeDone", { team: label, code: fresh }) : t("console.roster.newCodeDoneNoCode", { team: label }));
      },
    );

  function renderCodes(ctx: GameContext) {
    const joinCodes = ctx.isFacilitator ? ctx.session.joinCodes : null;
    const next = JSON.stringify(joinCodes);
    if (next === codesSig) return;
    codesSig = next;
    if (!joinCodes) return fill(codes);
    // data-code-for is for tests and scripts: stable, whatever the reader's language.
    const row = (label: string, code: string, nation: string | null, key: string) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, label),
        h("td", {}, h("code", { class: "code", "data-code-for": key }, code)),
        h("td", { class: "actions" }, copyButton(code, t("start.created.codeFor", { team: label })), newCodeButton(label, nation)),
      );
    fill(
      codes,
      h(
        "table",
        { class: "codes", "aria-label": t("start.created.codes") },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("start.created.team")),
            h("th", { scope: "col" }, t("start.created.code")),
            h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("console.roster.actions"))),
          ),
        ),
        h(
          "tbody",
          {},
          ...joinCodes.nations.map((c) => row(nationName(ctx.state, c.nation), c.code, c.nation, c.name)),
          row(t("start.created.observers"), joinCodes.observers, null, "Observers and trainers"),
        ),
      ),
    );
  }

  function renderSeats(ctx: GameContext) {
    const seats = ctx.perspective?.seats ?? [];
    const next = JSON.stringify([seats, ctx.state.nations, ctx.isFacilitator, ctx.isLead, lang()]);
    if (next === seatsSig) return;
    seatsSig = next;
    const groups = new Map<string, Seat[]>();
    for (const n of Object.values(ctx.state.nations)) if (n.playable) groups.set(n.id, []);
    for (const s of seats) {
      // Role-players are listed with the nation they play; evaluators and controllers by role.
      const key = s.nation ?? s.role;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    const mine = ctx.welcome.seatId;
    fill(
      body,
      ...[...groups.entries()].map(([key, list]) => {
        const online = list.filter((s) => s.online).length;
        const title = ctx.state.nations[key]
          ? nationName(ctx.state, key)
          : key === "facilitator"
            ? t("game.bar.facilitator")
            : key === "observer"
              ? t("console.roster.observers")
              : key === "controller"
                ? t("seats.roster.controllers")
                : key === "evaluator"
                  ? t("seats.roster.evaluators")
                  : t("console.roster.others");
        const item = (s: Seat) =>
          h(
            "li",
            { "data-online": String(s.online), "data-seat": s.id },
            h("span", { "aria-hidden": "true" }, s.online ? "● " : "○ "),
            t(s.id === mine ? "console.roster.seatYou" : "console.roster.seat", { name: seatName(s), online: s.online ? "yes" : "no" }),
            s.role === "roleplayer" ? ` (${t("seats.role.roleplayer")})` : null,
            // Removing seats is the lead controller's.
            ctx.isLead && s.id !== mine ? " " : null,
            ctx.isLead && s.id !== mine ? removeButton(s) : null,
          );
        // A team's heading says how many of its seats are taken (rules.seatsPerNation).
        const size = ctx.state.nations[key] && ctx.state.scenario.seatsPerNation ? ctx.state.scenario.seatsPerNation : 0;
        // Seats nobody is using (people who came back with the code instead of their seat):
        // a code makes only so many, so exercise control clears them here.
        const stale = list.filter((s) => !s.online && s.role !== "facilitator").length;
        const clear =
          ctx.isLead && stale > 0 && ctx.state.nations[key]
            ? twoStepButton(
                {
                  text: t("console.roster.clear", { count: stale }),
                  name: t("console.roster.clearName", { count: stale, team: title }),
                  confirmName: t("console.roster.confirmClearName", { count: stale, team: title }),
                },
                async () => {
                  const result = await send({ type: "clearStaleSeats", nation: key });
                  status.show(result, t("console.roster.cleared", { team: title }));
                },
              )
            : null;
        return h(
          "section",
          { class: "roster-group", "aria-label": title },
          h("h3", {}, size ? t("console.roster.headingOf", { team: title, online, size }) : t("console.roster.heading", { team: title, online }), clear),
          list.length ? h("ul", { class: "roster" }, ...list.map(item)) : h("p", { class: "muted" }, t("console.roster.nobody")),
        );
      }),
    );
  }

  return {
    id: "roster",
    title: t("console.roster.tab"),
    element: h("div", { class: "panel" }, h("h2", {}, t("console.roster.title")), codes, seatCodes.element, body, status.element),
    update(ctx) {
      renderCodes(ctx);
      seatCodes.element.hidden = !ctx.isFacilitator;
      if (ctx.isFacilitator) seatCodes.update(ctx);
      renderSeats(ctx);
    },
  };
}
