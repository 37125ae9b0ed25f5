import type { View } from "../../../shared/engine/view-for.ts";
import type { FeedItem } from "../../../shared/view/feed.ts";
import type { InjectReview } from "../../../shared/aar/inject-evaluation.ts";
import { h } from "../ui/dom.ts";

const nationName = (view: View, id: string | null) => (id ? (view.nations[id]?.name ?? (id === "white" ? "Exercise control" : id)) : "—");

/** What the viewer knew about nations: its own books in full, others' only what is public. */
export function nationsPanel(view: View): HTMLElement {
  const rows = Object.values(view.nations).map((n) => {
    const full = "budget" in n;
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, h("span", { className: "swatch", style: `background:${n.color}` }), n.name),
      h("td", {}, full ? String(Math.round(n.budget)) : "unknown"),
      h("td", {}, full ? String(Math.round(n.politicalCapital)) : "unknown"),
      h("td", {}, full ? String(Math.round(n.readiness)) : "unknown"),
      h("td", {}, full ? `${n.policies.alertLevel} / ${n.policies.rulesOfEngagement}` : "—"),
      h("td", {}, n.policies.publicStance),
    );
  });
  return h(
    "section",
    { className: "panel", "aria-labelledby": "nations-h" },
    h("h2", { id: "nations-h" }, "Nations"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Nation"), h("th", {}, "Budget"), h("th", {}, "Pol. capital"), h("th", {}, "Readiness"), h("th", {}, "Alert / ROE"), h("th", {}, "Stance"))), h("tbody", {}, rows)),
    h("p", { className: "hint" }, `Alliance cohesion ${view.cohesion}`),
  );
}

export function reportsPanel(view: View): HTMLElement {
  const reports = Object.values(view.reports).sort((a, b) => b.turn - a.turn);
  return h(
    "section",
    { className: "panel", "aria-labelledby": "reports-h" },
    h("h2", { id: "reports-h" }, `Intelligence held (${reports.length})`),
    reports.length === 0
      ? h("p", { className: "hint" }, "No reports at this moment.")
      : h(
          "ul",
          { className: "list" },
          reports.slice(0, 30).map((r) =>
            h(
              "li",
              {},
              h("strong", {}, r.title),
              ` · ${nationName(view, r.owner)} · ${r.reliability}${r.credibility} · ${r.classification} · turn ${r.turn}`,
              h("div", {}, r.text),
              r.provenance.length ? h("div", { className: "hint" }, "Provenance: " + r.provenance.map((p) => `${nationName(view, p.from)} → ${nationName(view, p.to)} (T${p.turn}${p.redacted ? ", redacted" : ""})`).join("; ")) : null,
            ),
          ),
        ),
  );
}

export function injectsPanel(view: View): HTMLElement {
  const injects = Object.values(view.injects).filter((i) => i.releasedTurn !== null).sort((a, b) => (b.releasedTurn ?? 0) - (a.releasedTurn ?? 0));
  return h(
    "section",
    { className: "panel", "aria-labelledby": "injects-h" },
    h("h2", { id: "injects-h" }, `Injects received (${injects.length})`),
    injects.length === 0 ? h("p", { className: "hint" }, "None yet.") : h("ul", { className: "list" }, injects.map((i) => h("li", {}, h("strong", {}, `${i.number} ${i.title}`), ` · turn ${i.releasedTurn} · from ${i.from}`, h("div", {}, i.body)))),
  );
}

export function feedPanel(items: FeedItem[]): HTMLElement {
  return h(
    "section",
    { className: "panel", "aria-labelledby": "feed-h" },
    h("h2", { id: "feed-h" }, "Feed as it was received"),
    h("ol", { className: "list feed" }, items.map((f) => h("li", {}, h("span", { className: "hint" }, `T${f.turn} · `), f.text))),
  );
}

export function injectReviewTable(review: InjectReview[], nations: Record<string, { name: string }>, onJump: (inject: string) => void): HTMLElement {
  const badge = (v: string) => h("span", { className: `verdict ${v.replace(/ /g, "-")}` }, v);
  return h(
    "table",
    { className: "review" },
    h("thead", {}, h("tr", {}, h("th", {}, "Inject"), h("th", {}, "Released"), h("th", {}, "Expected action"), h("th", {}, "Nation"), h("th", {}, "Verdict"), h("th", {}, "Response"), h("th", {}, "What they did"), h("th", {}, "Observer notes"))),
    h(
      "tbody",
      {},
      review.flatMap((inject) => {
        const rows = inject.expected.flatMap((ex) => ex.byNation.map((n) => ({ ex, n })));
        const jump = inject.releasedTurn !== null ? h("button", { type: "button", className: "link", onclick: () => onJump(inject.inject) }, `${inject.number} ${inject.title}`) : `${inject.number} ${inject.title}`;
        const notes = inject.notes.map((n) => `${n.author}: ${n.text}`).join(" / ");
        if (rows.length === 0) return [h("tr", {}, h("td", {}, jump), h("td", {}, inject.releasedTurn === null ? inject.status : `T${inject.releasedTurn}`), h("td", { colspan: 5 }, badge(inject.verdict)), h("td", {}, notes))];
        return rows.map(({ ex, n }, i) =>
          h(
            "tr",
            {},
            i === 0 ? h("td", { rowspan: rows.length }, jump) : null,
            i === 0 ? h("td", { rowspan: rows.length }, inject.releasedTurn === null ? inject.status : `T${inject.releasedTurn}`) : null,
            h("td", {}, ex.description),
            h("td", {}, nations[n.nation]?.name ?? n.nation),
            h("td", {}, badge(n.verdict)),
            h("td", {}, n.responseTurns === null ? "—" : `${n.responseTurns} turn(s)`),
            h("td", {}, n.action?.detail ?? ""),
            i === 0 ? h("td", { rowspan: rows.length }, notes) : null,
          ),
        );
      }),
    ),
  );
}
