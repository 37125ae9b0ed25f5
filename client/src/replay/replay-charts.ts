import type { MetricsSnapshot } from "../../../shared/engine/metrics.ts";
import { lineChartSvg } from "../../../shared/aar/svg-chart.ts";
import { metricLabels } from "../../../shared/aar/charts.ts";
import { relationKey, pairOf } from "../../../shared/state/schema.ts";
import type { View } from "../../../shared/engine/view-for.ts";
import { translate, formatNumber, type MessageKey, type Params } from "../../../shared/i18n/index.ts";
import { lang } from "../i18n.ts";

type Nation = { id: string; name: string; color: string };
export type Pair = [string, string];

/**
 * The pairs whose trust and interoperability the replay offers to chart: those the viewer's
 * `viewFor` holds, so watching as a nation offers only its own pairs, the white cell every pair.
 */
export function chartPairs(view: Pick<View, "relations">): Pair[] {
  return Object.keys(view.relations).sort().map(pairOf);
}

/** The pair to chart: the one charted so far if it is still offered, else the first between two allies. */
export function choosePair(pairs: Pair[], current: Pair | null, allies: ReadonlySet<string>): Pair | null {
  const key = (p: Pair) => relationKey(p[0], p[1]);
  if (current && pairs.some((p) => key(p) === key(current))) return current;
  return pairs.find(([a, b]) => allies.has(a) && allies.has(b)) ?? pairs[0] ?? null;
}

/** Metrics over time, with the scrubber's moment marked; `pair` is the relation charted (from chartPairs). */
export function replayCharts(metrics: MetricsSnapshot[], nations: Nation[], pair: Pair | null, marker: number, ended: boolean): string {
  const l = lang();
  const t = (key: MessageKey, params?: Params) => translate(l, params ? { key, params } : { key });
  const tick = (n: number) => formatNumber(l, Math.round(n));
  const labels = metricLabels(metrics, ended, l);
  const name = (id: string) => nations.find((n) => n.id === id)?.name ?? id;
  const key = pair ? relationKey(pair[0], pair[1]) : "";
  const charts = [
    pair
      ? lineChartSvg(
          t("replay.chart.pair", { a: name(pair[0]), b: name(pair[1]) }),
          labels,
          [
            { label: t("replay.chart.trust"), color: "#0072b2", values: metrics.map((m) => m.trust[key] ?? 0) },
            { label: t("replay.chart.interoperability"), color: "#e69f00", values: metrics.map((m) => m.interoperability[key] ?? 0) },
          ],
          { min: 0, max: 100, marker, tick },
        )
      : null,
    lineChartSvg(
      t("replay.chart.cohesionStability"),
      labels,
      [
        { label: t("aar.chart.cohesion"), color: "#009e73", values: metrics.map((m) => m.cohesion) },
        { label: t("aar.chart.meanStability"), color: "#d55e00", values: metrics.map((m) => m.meanStability) },
      ],
      { min: 0, max: 100, marker, tick },
    ),
    lineChartSvg(
      t("aar.chart.readiness"),
      labels,
      nations.map((n) => ({ label: n.name, color: n.color, values: metrics.map((m) => m.readiness[n.id] ?? 0) })),
      { min: 0, max: 100, marker, tick },
    ),
    lineChartSvg(
      t("aar.chart.budgets"),
      labels,
      nations.map((n) => ({ label: n.name, color: n.color, values: metrics.map((m) => m.budget[n.id] ?? 0) })),
      { marker, tick },
    ),
  ];
  return charts
    .filter((svg) => svg !== null)
    .map((svg) => `<figure class="chart-figure">${svg}</figure>`)
    .join("");
}
