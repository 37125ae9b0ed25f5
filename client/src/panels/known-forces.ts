import { h, keyedList, newId } from "../ui/html.ts";
import { statusLine, commandButton } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import type { ForeignAssetView } from "../state/client-state.ts";
import { assetName, assetTypeName, nameLookup, nationName, regionName } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { panelWords } from "./words.ts";
import { listFilter } from "./list-filter.ts";

/**
 * The known-forces picture (the Intelligence tab): every foreign force the nation knows of, where
 * and when it was last seen, by which sensor, how well graded. Sightings update it each turn
 * (no report each); a team turns its own sensor's sighting into a report with one button, then
 * shares that report like any other. Its own filter by owner, region and type, and by text.
 */
export function knownForcesSection(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const w = panelWords();
  const status = statusLine();
  const rows = h("tbody", {});
  const filter = listFilter(
    "picture.filter.legend",
    [
      { name: "owner", label: "picture.filter.owner" },
      { name: "region", label: "picture.filter.region" },
      { name: "type", label: "picture.filter.type" },
    ],
    () => update(getCtx()),
  );
  const header = (key: Parameters<typeof t>[0]) => w.text(h("th", { scope: "col" }), key);
  const table = h(
    "table",
    { class: "grid known-forces" },
    w.text(h("caption", { class: "visually-hidden" }), "picture.tableLabel"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        header("picture.col.force"),
        header("picture.col.owner"),
        header("picture.col.type"),
        header("picture.col.region"),
        header("picture.col.lastSeen"),
        header("picture.col.seenBy"),
        header("picture.col.grade"),
        header("picture.col.report"),
      ),
    ),
    rows,
  );
  const headingId = newId("known-forces");
  const empty = w.text(h("p", { class: "muted" }), "picture.empty");
  const noMatch = w.text(h("p", { class: "muted" }), "picture.noMatch");
  const element = h(
    "section",
    { class: "panel-section known-forces-section", "aria-labelledby": headingId },
    w.text(h("h3", { id: headingId }), "picture.heading"),
    w.text(h("p", { class: "muted" }), "picture.intro"),
    filter.element,
    empty,
    noMatch,
    h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-labelledby": headingId }, table),
    status.element,
  );

  const seenBy = (ctx: GameContext, a: ForeignAssetView): string => {
    const seen = a.seen;
    // No entry: on the nation's own territory — or a sighting recorded before the picture kept its source.
    if (!seen) return ctx.state.regions[a.region]?.owner === ctx.viewNation ? t("picture.seenBy.territory") : t("picture.seenBy.unrecorded");
    if (seen.sensor && seen.nation) return t("picture.seenBy.ally", { sensor: assetName(ctx.state, seen.sensor), nation: nationName(ctx.state, seen.nation) });
    if (seen.sensor) return assetName(ctx.state, seen.sensor);
    if (seen.nation) return t("picture.seenBy.nation", { nation: nationName(ctx.state, seen.nation) });
    return t("picture.seenBy.report", { report: nameLookup(ctx.state)({ ref: "report", id: seen.report! }) });
  };
  const gradeOf = (ctx: GameContext, a: ForeignAssetView): string => {
    const seen = a.seen;
    if (!seen) return ctx.state.regions[a.region]?.owner === ctx.viewNation ? "A1" : t("picture.grade.none");
    const report = seen.report ? ctx.perspective?.reports[seen.report] : undefined;
    const grade = seen.grade ?? (report ? `${report.reliability}${report.credibility}` : null);
    const confirmed = seen.confirmedTurn ?? (seen.grade ? undefined : report?.confirmedTurn);
    if (!grade) return t("picture.grade.none");
    return confirmed !== undefined ? t("picture.grade.confirmed", { grade, turn: confirmed }) : grade;
  };
  /** Reported already: the team's own report of this very sighting. */
  const reportedIn = (ctx: GameContext, a: ForeignAssetView): string | null => {
    const report = a.seen?.report ? ctx.perspective?.reports[a.seen.report] : undefined;
    if (!report || report.originator !== ctx.viewNation || report.copiedFrom !== null) return null;
    return report.sightings?.some((s) => s.asset === a.id && s.region === a.region) ? report.id : null;
  };

  const render = (a: ForeignAssetView) => {
    const ctx = getCtx();
    const force = assetName(ctx.state, a.id);
    const region = regionName(ctx.state, a.region);
    const reported = reportedIn(ctx, a);
    let action: HTMLElement | string = "";
    if (reported) action = t("picture.reported", { report: nameLookup(ctx.state)({ ref: "report", id: reported }) });
    else if (ctx.canAct && a.seen?.sensor && !a.seen.nation) {
      action = commandButton(
        t("picture.report"),
        { class: "report-sighting", "aria-label": t("picture.reportLabel", { force, region }) },
        () => ({ type: "reportSighting", asset: a.id }),
        (c) => getCtx().send(c),
        status,
        t("picture.reportSuccess"),
      );
    }
    return h(
      "tr",
      { "data-asset": a.id },
      h("th", { scope: "row" }, force),
      h("td", {}, nationName(ctx.state, a.owner)),
      h("td", {}, assetTypeName(ctx.state, a.type)),
      h("td", {}, region),
      h("td", {}, t("picture.lastSeen", { turn: a.lastSeenTurn })),
      h("td", {}, seenBy(ctx, a)),
      h("td", {}, gradeOf(ctx, a)),
      h("td", {}, action),
    );
  };

  function update(ctx: GameContext): void {
    w.refresh();
    // Exercise control's own view sees every force as it is: the picture is a nation's.
    element.hidden = ctx.viewNation === null;
    const all = Object.values(ctx.perspective?.assets ?? {}).filter((a): a is ForeignAssetView => a.foreign === true);
    const sorted = all.sort(
      (x, y) =>
        y.lastSeenTurn - x.lastSeenTurn ||
        nationName(ctx.state, x.owner).localeCompare(nationName(ctx.state, y.owner)) ||
        assetName(ctx.state, x.id).localeCompare(assetName(ctx.state, y.id)),
    );
    const distinct = (values: string[], label: (v: string) => string) =>
      [...new Set(values)].map((value) => ({ value, label: label(value) })).sort((x, y) => x.label.localeCompare(y.label));
    filter.choices(
      "owner",
      distinct(
        all.map((a) => a.owner),
        (v) => nationName(ctx.state, v),
      ),
    );
    filter.choices(
      "region",
      distinct(
        all.map((a) => a.region),
        (v) => regionName(ctx.state, v),
      ),
    );
    filter.choices(
      "type",
      distinct(
        all.map((a) => a.type),
        (v) => assetTypeName(ctx.state, v),
      ),
    );
    const chosen = filter.values();
    const shown = sorted.filter(
      (a) =>
        (!chosen.owner || a.owner === chosen.owner) &&
        (!chosen.region || a.region === chosen.region) &&
        (!chosen.type || a.type === chosen.type) &&
        filter.matches(
          [assetName(ctx.state, a.id), nationName(ctx.state, a.owner), assetTypeName(ctx.state, a.type), regionName(ctx.state, a.region), seenBy(ctx, a)].join(
            " ",
          ),
        ),
    );
    empty.hidden = all.length > 0;
    noMatch.hidden = all.length === 0 || shown.length > 0;
    table.hidden = shown.length === 0;
    filter.element.hidden = all.length === 0;
    filter.count(shown.length, all.length);
    const language = lang();
    keyedList(
      rows,
      shown,
      (a) => a.id,
      render,
      (a) => JSON.stringify([a, ctx.canAct, language, reportedIn(ctx, a), gradeOf(ctx, a)]),
    );
  }
  return { element, update };
}
