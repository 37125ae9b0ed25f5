export { buildAfterActionReport, aarFold, type AfterActionReport, type ImprovementItem } from "./build-aar.ts";
export { reviewInjects, type InjectReview, type Verdict } from "./inject-evaluation.ts";
export { nationActions } from "./nation-actions.ts";
export { renderMarkdown } from "./render-markdown.ts";
export { renderHtml } from "./render-html.ts";
export { renderCsv } from "./render-csv.ts";
export { renderCsvTables, type CsvTable } from "./render-csv-tables.ts";
export { aarCharts } from "./charts.ts";
export { aarJson } from "./render-json.ts";
export { aarTexts, type AarTexts } from "./aar-texts.ts";

export const AAR_FORMATS = ["html", "md", "json", "csv"] as const;
export type AarFormat = (typeof AAR_FORMATS)[number];
