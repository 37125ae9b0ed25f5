import type { AfterActionReport } from "./build-aar.ts";
import { lineChartSvg, type Series } from "./svg-chart.ts";

/** Snapshots are taken at the start, after each turn's resolution, and at the last event. */
export function metricLabels(metrics: readonly { turn: number }[], ended: boolean): string[] {
  return metrics.map((m, i) => (i === 0 ? "start" : i === metrics.length - 1 ? (ended ? "end" : "now") : `after T${m.turn - 1}`));
}

/** The standard AAR charts: cohesion and stability, trust and interoperability, readiness, budgets. */
export function aarCharts(report: AfterActionReport, marker?: number): { title: string; svg: string }[] {
  const labels = metricLabels(report.metrics, report.exercise.phase === "ended");
  const nations = report.nations;
  const colorOf = (id: string) => nations.find((n) => n.id === id)?.color ?? "#555";
  const nameOf = (id: string) => nations.find((n) => n.id === id)?.name ?? id;
  const alliancePairs = Object.keys(report.metrics[0]?.trust ?? {}).filter((key) => key.split("|").every((id) => nations.find((n) => n.id === id)?.alliance));
  const palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];
  const pairSeries = (metric: "trust" | "interoperability"): Series[] =>
    alliancePairs.slice(0, 8).map((key, i) => ({ label: key.split("|").map(nameOf).join(" – "), color: palette[i % palette.length]!, values: report.metrics.map((m) => m[metric][key] ?? 0) }));
  const perNation = (metric: "readiness" | "budget"): Series[] => nations.map((n) => ({ label: n.name, color: colorOf(n.id), values: report.metrics.map((m) => m[metric][n.id] ?? 0) }));
  return [
    {
      title: "Alliance cohesion and mean regional stability",
      svg: lineChartSvg("Alliance cohesion and mean regional stability", labels, [
        { label: "cohesion", color: "#0072b2", values: report.metrics.map((m) => m.cohesion) },
        { label: "mean stability", color: "#d55e00", values: report.metrics.map((m) => m.meanStability) },
      ], { min: 0, max: 100, marker }),
    },
    { title: "Trust between allies", svg: lineChartSvg("Trust between allies", labels, pairSeries("trust"), { min: 0, max: 100, marker }) },
    { title: "Interoperability between allies", svg: lineChartSvg("Interoperability between allies", labels, pairSeries("interoperability"), { min: 0, max: 100, marker }) },
    { title: "Readiness", svg: lineChartSvg("Readiness", labels, perNation("readiness"), { min: 0, max: 100, marker }) },
    { title: "Budgets", svg: lineChartSvg("Budgets", labels, perNation("budget"), { marker }) },
  ];
}
