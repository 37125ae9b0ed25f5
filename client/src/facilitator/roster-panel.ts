import { h, fill } from "../ui/html.ts";
import { statusLine } from "../ui/form.ts";
import { copyButton } from "../ui/copy-button.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { Seat } from "../state/client-state.ts";
import { nationName } from "../game/names.ts";
import { twoStepButton } from "../ui/two-step-button.ts";

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

  const removeButton = (seat: Seat) =>
    twoStepButton({ text: "Remove", name: `Remove ${seat.name}`, confirmText: "Confirm removal", confirmName: `Confirm: remove ${seat.name}` }, async () => {
      const result = await send({ type: "removeSeat", seat: seat.id });
      status.show(result, `${seat.name} was removed and disconnected. To let them back, give them the join code.`);
    });

  const newCodeButton = (label: string, nation: string | null) =>
    twoStepButton({ text: "New code", name: `New code for ${label}`, confirmText: "Confirm new code", confirmName: `Confirm: the old ${label} code stops working` }, async () => {
      const result = await send({ type: "newJoinCode", nation });
      const fresh = nation === null ? getCtx().session.joinCodes?.observers : getCtx().session.joinCodes?.nations.find((c) => c.nation === nation)?.code;
      status.show(result, `New code for ${label}${fresh ? `: ${fresh}` : ""}. The old code no longer works; seats already taken keep working.`);
    });

  function renderCodes(ctx: GameContext) {
    const joinCodes = ctx.isFacilitator ? ctx.session.joinCodes : null;
    const next = JSON.stringify(joinCodes);
    if (next === codesSig) return;
    codesSig = next;
    if (!joinCodes) return fill(codes);
    const row = (label: string, code: string, nation: string | null) =>
      h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, h("code", { class: "code", "data-code-for": label }, code)), h("td", { class: "actions" }, copyButton(code, `join code for ${label}`), newCodeButton(label, nation)));
    fill(
      codes,
      h(
        "table",
        { class: "codes", "aria-label": "Join codes" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Team"), h("th", { scope: "col" }, "Join code"), h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")))),
        h("tbody", {}, ...joinCodes.nations.map((c) => row(c.name, c.code, c.nation)), row("Observers and trainers", joinCodes.observers, null)),
      ),
    );
  }

  function renderSeats(ctx: GameContext) {
    const seats = ctx.perspective?.seats ?? [];
    const next = JSON.stringify([seats, ctx.state.nations, ctx.isFacilitator]);
    if (next === seatsSig) return;
    seatsSig = next;
    const groups = new Map<string, Seat[]>();
    for (const n of Object.values(ctx.state.nations)) if (n.playable) groups.set(n.id, []);
    for (const s of seats) {
      const key = s.nation ?? s.role;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    const mine = ctx.welcome.seatId;
    fill(
      body,
      ...[...groups.entries()].map(([key, list]) => {
        const online = list.filter((s) => s.online).length;
        const title = ctx.state.nations[key] ? nationName(ctx.state, key) : key === "facilitator" ? "Exercise control" : key === "observer" ? "Observers" : key;
        const item = (s: Seat) =>
          h(
            "li",
            { "data-online": String(s.online), "data-seat": s.id },
            h("span", { "aria-hidden": "true" }, s.online ? "● " : "○ "),
            `${s.name} — ${s.online ? "online" : "offline"}${s.id === mine ? " (you)" : ""}`,
            ctx.isFacilitator && s.id !== mine ? removeButton(s) : null,
          );
        // A team's heading says how many of its seats are taken (rules.seatsPerNation).
        const size = ctx.state.nations[key] && ctx.state.scenario.seatsPerNation ? ` of ${ctx.state.scenario.seatsPerNation}` : "";
        // Seats nobody is using (people who came back with the code instead of their seat):
        // a code makes only so many, so exercise control clears them here.
        const stale = list.filter((s) => !s.online && s.role !== "facilitator").length;
        const clear =
          ctx.isFacilitator && stale > 0 && ctx.state.nations[key]
            ? twoStepButton({ text: `Clear ${stale} offline`, name: `Clear ${stale} offline seats of ${title}`, confirmText: "Confirm clearing", confirmName: `Confirm: forget the ${stale} offline seats of ${title}` }, async () => {
                const result = await send({ type: "clearStaleSeats", nation: key });
                status.show(result, `The offline seats of ${title} were cleared. Anyone among them joins again with the team's code.`);
              })
            : null;
        return h(
          "section",
          { class: "roster-group", "aria-label": title },
          h("h3", {}, `${title} — ${online}${size} online`, clear),
          list.length ? h("ul", { class: "roster" }, ...list.map(item)) : h("p", { class: "muted" }, "Nobody has joined yet."),
        );
      }),
    );
  }

  return {
    id: "roster",
    title: "Roster",
    element: h("div", { class: "panel" }, h("h2", {}, "Roster"), codes, body, status.element),
    update(ctx) {
      renderCodes(ctx);
      renderSeats(ctx);
    },
  };
}
