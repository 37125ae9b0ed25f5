/** A labelled line chart as inline SVG: readable in print, no script, no dependency. */
export type Series = { label: string; color: string; values: number[] };

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const WIDTH = 640;
const LEFT = 44;
const RIGHT = 190;

/** Where point `i` of `count` stands across a chart (its marker line's x), so a page can move the marker without drawing the chart again. */
export function chartX(i: number, count: number): number {
  const plotW = WIDTH - LEFT - RIGHT;
  return LEFT + (count <= 1 ? plotW / 2 : (i / (count - 1)) * plotW);
}

/** The marker line's class: `line.chart-marker`. */
export const CHART_MARKER = "chart-marker";

export function lineChartSvg(
  title: string,
  xLabels: string[],
  series: Series[],
  options: { min?: number; max?: number; marker?: number; tick?: (value: number) => string } = {},
): string {
  const width = WIDTH;
  const height = 220;
  const left = LEFT;
  const right = RIGHT;
  const top = 28;
  const bottom = 36;
  const all = series.flatMap((s) => s.values);
  const min = options.min ?? Math.min(0, ...all);
  const max = options.max ?? Math.max(1, ...all);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => chartX(i, xLabels.length);
  const y = (v: number) => top + plotH - ((v - min) / (max - min || 1)) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (max - min));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" class="chart">`);
  parts.push(`<text x="${left}" y="18" font-size="14" font-weight="600">${escapeXml(title)}</text>`);
  for (const t of ticks) {
    parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`);
    parts.push(
      `<text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" font-size="11" text-anchor="end">${escapeXml(options.tick ? options.tick(t) : String(Math.round(t)))}</text>`,
    );
  }
  xLabels.forEach((label, i) =>
    parts.push(`<text x="${x(i).toFixed(1)}" y="${height - bottom + 16}" font-size="11" text-anchor="middle">${escapeXml(label)}</text>`),
  );
  if (options.marker !== undefined && options.marker >= 0 && options.marker < xLabels.length) {
    parts.push(
      `<line class="${CHART_MARKER}" x1="${x(options.marker).toFixed(1)}" x2="${x(options.marker).toFixed(1)}" y1="${top}" y2="${top + plotH}" stroke="#222" stroke-dasharray="4 3"/>`,
    );
  }
  series.forEach((s, k) => {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    const dash = ["", "6 3", "2 3", "8 3 2 3"][k % 4];
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.5" ${dash ? `stroke-dasharray="${dash}"` : ""} points="${points}"/>`);
    parts.push(
      `<line x1="${left + plotW + 12}" x2="${left + plotW + 34}" y1="${top + 8 + k * 18}" y2="${top + 8 + k * 18}" stroke="${s.color}" stroke-width="2.5" ${dash ? `stroke-dasharray="${dash}"` : ""}/>`,
    );
    parts.push(`<text x="${left + plotW + 40}" y="${top + 12 + k * 18}" font-size="11">${escapeXml(s.label)}</text>`);
  });
  parts.push(`</svg>`);
  return parts.join("");
}
