import type { AfterActionReport } from "./build-aar.ts";
import { lineChartSvg, type Series } from "./svg-chart.ts";
import { aarTexts } from "./aar-texts.ts";
import { translate, formatNumber } from "../i18n/format.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/languages.ts";

/** Snapshots are taken at the start, after each turn's resolution, and at the last event. */
export function metricLabels(metrics: readonly { turn: number }[], ended: boolean, lang: Lang = DEFAULT_LANG): string[] {
  const t = (key: "aar.chart.start" | "aar.chart.end" | "aar.chart.now") => translate(lang, { key });
  return metrics.map((m, i) =>
    i === 0
      ? t("aar.chart.start")
      : i === metrics.length - 1
        ? t(ended ? "aar.chart.end" : "aar.chart.now")
        : translate(lang, { key: "aar.chart.afterTurn", params: { turn: m.turn - 1 } }),
  );
}

/** The standard AAR charts: cohesion and stability, trust and interoperability, readiness, budgets. */
export function aarCharts(report: AfterActionReport, marker?: number, lang: Lang = DEFAULT_LANG): { title: string; svg: string }[] {
  const x = aarTexts(report, lang);
  const { t } = x;
  const labels = metricLabels(report.metrics, report.exercise.phase === "ended", lang);
  const nations = report.nations;
  const colorOf = (id: string) => nations.find((n) => n.id === id)?.color ?? "#555";
  const alliancePairs = Object.keys(report.metrics[0]?.trust ?? {}).filter((key) => key.split("|").every((id) => nations.find((n) => n.id === id)?.alliance));
  const palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];
  const pairSeries = (metric: "trust" | "interoperability"): Series[] =>
    alliancePairs.slice(0, 8).map((key, i) => ({
      label: key
        .split("|")
        .map((id) => x.nation(id))
        .join(" – "),
      color: palette[i % palette.length]!,
      values: report.metrics.map((m) => m[metric][key] ?? 0),
    }));
  const perNation = (metric: "readiness" | "budget"): Series[] =>
    nations.map((n) => ({ label: x.nation(n.id), color: colorOf(n.id), values: report.metrics.map((m) => m[metric][n.id] ?? 0) }));
  const tick = (n: number) => formatNumber(lang, Math.round(n));
  const chart = (title: string, series: Series[], range: { min?: number; max?: number }) => ({
    title,
    svg: lineChartSvg(title, labels, series, { ...range, marker, tick }),
  });
  return [
    chart(
      t("aar.chart.cohesionStability"),
      [
        { label: t("aar.chart.cohesion"), color: "#0072b2", values: report.metrics.map((m) => m.cohesion) },
        { label: t("aar.chart.meanStability"), color: "#d55e00", values: report.metrics.map((m) => m.meanStability) },
      ],
      { min: 0, max: 100 },
    ),
    chart(t("evaluation.chart.tension"), [{ label: t("evaluation.aar.tension"), color: "#cc79a7", values: report.metrics.map((m) => m.tension ?? 0) }], {
      min: 0,
      max: 100,
    }),
    chart(t("aar.chart.trust"), pairSeries("trust"), { min: 0, max: 100 }),
    chart(t("aar.chart.interoperability"), pairSeries("interoperability"), { min: 0, max: 100 }),
    chart(t("aar.chart.readiness"), perNation("readiness"), { min: 0, max: 100 }),
    chart(t("aar.chart.budgets"), perNation("budget"), {}),
  ];
}
