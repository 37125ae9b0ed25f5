export { buildAfterActionReport, type AfterActionReport, type ImprovementItem } from "./build-aar.ts";
export { reviewInjects, nationActions, type InjectReview, type Verdict } from "./inject-evaluation.ts";
export { renderMarkdown } from "./render-markdown.ts";
export { renderHtml } from "./render-html.ts";
export { renderCsv } from "./render-csv.ts";
export { renderCsvTables, type CsvTable } from "./render-csv-tables.ts";
export { aarCharts } from "./charts.ts";
export { aarJson } from "./render-json.ts";
export { aarTexts, type AarTexts } from "./aar-texts.ts";

export const AAR_FORMATS = ["html", "md", "json", "csv"] as const;
export type AarFormat = (typeof AAR_FORMATS)[number];
