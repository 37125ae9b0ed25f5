import { h } from "../ui/html.ts";
import type { GameContext } from "../game/context.ts";
import { t } from "../i18n.ts";
import { nationName } from "../game/names.ts";
import { termKey } from "../../../shared/i18n/index.ts";

/** One card of the handout: who it is for, the code, and the link that joins with it. */
export type HandoutCard = { key: string; audience: string; role: string; code: string; link: string };

/** The start page with the code filled in (client/src/start/start-page.ts reads `?code=`). */
export const joinLink = (code: string) => `${location.origin}/?code=${encodeURIComponent(code)}`;

/**
 * Every code the room hands out, by role: a nation's team code, the observers' code, and any
 * other list of codes the server sends (controllers, evaluators, role-players …), so a new role
 * gets its cards without a change here.
 */
export function handoutCards(ctx: GameContext): HandoutCard[] {
  const codes = ctx.session.joinCodes as unknown as Record<string, unknown> | null;
  if (!codes) return [];
  const cards: HandoutCard[] = [];
  for (const [group, value] of Object.entries(codes)) {
    if (typeof value === "string" && value) {
      cards.push({
        key: group,
        audience: group === "observers" ? t("start.created.observers") : roleWord(group),
        role: roleWord(group),
        code: value,
        link: joinLink(value),
      });
    } else if (Array.isArray(value)) {
      for (const entry of value as { nation?: string; name?: string; code?: string; role?: string }[]) {
        if (!entry?.code) continue;
        const audience = entry.nation ? nationName(ctx.state, entry.nation) : (entry.name ?? roleWord(group));
        const role = entry.role ? roleWord(entry.role) : group === "nations" ? t("msel.handout.team") : roleWord(group);
        cards.push({ key: `${group}:${entry.nation ?? entry.name ?? entry.code}`, audience, role, code: entry.code, link: joinLink(entry.code) });
      }
    }
  }
  return cards;
}

function roleWord(role: string): string {
  const singular = role.replace(/s$/, "");
  const key = termKey("role", singular);
  return key ? t(key) : t("msel.handout.otherRole", { role: singular });
}

/**
 * The printable handout: one card per code with the address, the code and a QR code of the
 * join link. The QR codes are drawn here, in the browser, by the `qrcode` package (a chunk of
 * its own, loaded when the handout opens: nothing goes over the network).
 */
export async function openHandout(ctx: GameContext): Promise<void> {
  const { toString: qrSvg } = await import("qrcode");
  const cards = handoutCards(ctx);
  const close = h("button", { type: "button" }, t("msel.handout.close"));
  const print = h("button", { type: "button", class: "primary" }, t("msel.handout.print"));
  const grid = h("div", { class: "handout-cards" });
  for (const card of cards) {
    const svg = await qrSvg(card.link, { type: "svg", errorCorrectionLevel: "M", margin: 1, width: 160 });
    const qr = h("div", { class: "qr", role: "img", "aria-label": t("msel.handout.qrName", { audience: card.audience }) });
    qr.innerHTML = svg; // generated locally from our own link: no markup from anyone else
    grid.append(
      h(
        "article",
        { class: "handout-card", "data-card": card.key },
        h("h3", {}, card.audience),
        h("p", { class: "meta" }, card.role),
        qr,
        h("p", {}, t("msel.handout.go"), " ", h("strong", {}, location.origin)),
        h("p", {}, t("msel.handout.code"), " ", h("code", { class: "handout-code" }, card.code)),
      ),
    );
  }
  const page = h(
    "section",
    { class: "handout", role: "dialog", "aria-modal": "true", "aria-label": t("msel.handout.title") },
    h("header", { class: "handout-bar" }, h("h2", {}, t("msel.handout.heading", { title: ctx.state.title })), h("div", { class: "actions" }, print, close)),
    h("p", { class: "hint" }, t("msel.handout.intro")),
    cards.length ? grid : h("p", {}, t("msel.handout.none")),
  );
  const done = () => {
    page.remove();
    document.body.classList.remove("handout-open");
  };
  close.addEventListener("click", done);
  print.addEventListener("click", () => window.print());
  document.body.append(page);
  document.body.classList.add("handout-open");
  close.focus();
}
