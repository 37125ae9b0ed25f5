import type { MetricsSnapshot } from "../../../shared/engine/metrics.ts";
import { lineChartSvg } from "../../../shared/aar/svg-chart.ts";
import { metricLabels } from "../../../shared/aar/charts.ts";
import { relationKey } from "../../../shared/state/schema.ts";

type Nation = { id: string; name: string; color: string };

/** Metrics over time, with the scrubber's moment marked; a and b choose the pair of nations. */
export function replayCharts(metrics: MetricsSnapshot[], nations: Nation[], pair: [string, string], marker: number, ended: boolean): string {
  const labels = metricLabels(metrics, ended);
  const key = relationKey(pair[0], pair[1]);
  const name = (id: string) => nations.find((n) => n.id === id)?.name ?? id;
  const charts = [
    lineChartSvg(`Trust and interoperability: ${name(pair[0])} – ${name(pair[1])}`, labels, [
      { label: "trust", color: "#0072b2", values: metrics.map((m) => m.trust[key] ?? 0) },
      { label: "interoperability", color: "#e69f00", values: metrics.map((m) => m.interoperability[key] ?? 0) },
    ], { min: 0, max: 100, marker }),
    lineChartSvg("Alliance cohesion and mean stability", labels, [
      { label: "cohesion", color: "#009e73", values: metrics.map((m) => m.cohesion) },
      { label: "mean stability", color: "#d55e00", values: metrics.map((m) => m.meanStability) },
    ], { min: 0, max: 100, marker }),
    lineChartSvg("Readiness", labels, nations.map((n) => ({ label: n.name, color: n.color, values: metrics.map((m) => m.readiness[n.id] ?? 0) })), { min: 0, max: 100, marker }),
    lineChartSvg("Budgets", labels, nations.map((n) => ({ label: n.name, color: n.color, values: metrics.map((m) => m.budget[n.id] ?? 0) })), { marker }),
  ];
  return charts.map((svg) => `<figure class="chart-figure">${svg}</figure>`).join("");
}
