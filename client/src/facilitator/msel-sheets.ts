import { h, fill } from "../ui/html.ts";
import { statusLine } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { t, tm, lang } from "../i18n.ts";
import { listIn } from "../../../shared/i18n/index.ts";
import { nationName } from "../game/names.ts";
import type { Msg } from "../../../shared/i18n/message.ts";

type Problem = { row: number | null; column: string | null; msg: Msg };
type Preview = {
  ok: boolean;
  injects?: { id: string; number: string; title: string; to: "all" | string[]; trigger: { kind: string; turn?: number; earliestTurn?: number } }[];
  replaced?: number;
  problems?: Problem[];
  phase?: Msg | null;
  msg?: Msg;
  error?: { message?: string };
};

/**
 * The MSEL as a spreadsheet, from the console: the live MSEL downloaded as CSV or XLSX, and a
 * CSV or XLSX read into the exercise (lobby or briefing). The file is first checked by the
 * server and shown — the injects it gives, or every fault by row and column — and only a
 * second step imports it. The spreadsheet libraries stay on the server (server/http/msel-routes.ts).
 */
export function mselSheets(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const status = statusLine();
  const base = () => `/api/exercises/${encodeURIComponent(getCtx().session.exerciseId)}/msel`;
  const auth = () => ({ authorization: `Bearer ${getCtx().session.welcome.seat}` });

  const download = async (format: "csv" | "xlsx", button: HTMLButtonElement) => {
    button.disabled = true;
    try {
      const res = await fetch(`${base()}?format=${format}`, { headers: auth() });
      if (!res.ok) return status.error(t("msel.sheets.exportFailed", { status: res.status }));
      const name = /filename="?([^";]+)"?/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `msel.${format}`;
      const url = URL.createObjectURL(await res.blob());
      const link = h("a", { href: url, download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      status.show({ ok: true, seq: 0 }, t("msel.sheets.exported", { name }));
    } catch {
      status.error(t("server.net.unreachable"));
    } finally {
      button.disabled = false;
    }
  };
  const csv = h("button", { type: "button", class: "small" }, t("msel.sheets.exportCsv"));
  const xlsx = h("button", { type: "button", class: "small" }, t("msel.sheets.exportXlsx"));
  csv.addEventListener("click", () => download("csv", csv));
  xlsx.addEventListener("click", () => download("xlsx", xlsx));

  const file = h("input", {
    type: "file",
    id: "msel-sheet-file",
    name: "mselFile",
    accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const check = h("button", { type: "button", class: "small" }, t("msel.sheets.check"));
  const confirm = h("button", { type: "button", class: "small primary", hidden: true }, t("msel.sheets.import"));
  const preview = h("div", { class: "sheet-preview", "aria-live": "polite" });
  const formatOf = (f: File) => (/\.xlsx$/i.test(f.name) ? "xlsx" : /\.csv$/i.test(f.name) ? "csv" : null);
  const send = async (step: "check" | "import"): Promise<Preview | null> => {
    const chosen = file.files?.[0];
    if (!chosen) return (status.error(t("msel.sheets.chooseFile")), null);
    const format = formatOf(chosen);
    if (!format) return (status.error(t("msel.sheet.badFormat")), null);
    try {
      const res = await fetch(`${base()}/${step}?format=${format}`, {
        method: "POST",
        headers: { ...auth(), "content-type": "application/octet-stream" },
        body: await chosen.arrayBuffer(),
      });
      return (await res.json().catch(() => ({ ok: false }))) as Preview;
    } catch {
      status.error(t("server.net.unreachable"));
      return null;
    }
  };
  const show = (result: Preview) => {
    const ctx = getCtx();
    if (!result.ok) {
      const problems = result.problems ?? [];
      fill(
        preview,
        h(
          "p",
          { class: "form-status error", role: "alert" },
          result.msg ? `⚠ ${tm(result.msg)}` : result.error?.message ? `⚠ ${result.error.message}` : t("msel.sheets.faults", { count: problems.length }),
        ),
        problems.length
          ? h(
              "table",
              { class: "grid sheet-faults", "aria-label": t("msel.sheets.faultsName") },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", { scope: "col" }, t("msel.sheets.row")),
                  h("th", { scope: "col" }, t("msel.sheets.column")),
                  h("th", { scope: "col" }, t("msel.sheets.fault")),
                ),
              ),
              h(
                "tbody",
                {},
                ...problems.map((p) => h("tr", {}, h("td", {}, p.row === null ? "—" : String(p.row)), h("td", {}, p.column ?? "—"), h("td", {}, tm(p.msg)))),
              ),
            )
          : null,
      );
      confirm.hidden = true;
      return;
    }
    const injects = result.injects ?? [];
    fill(
      preview,
      h("p", {}, t("msel.sheets.previewLine", { count: injects.length, replaced: result.replaced ?? 0 })),
      result.phase ? h("p", { class: "form-status error", role: "alert" }, `⚠ ${tm(result.phase)}`) : null,
      h(
        "table",
        { class: "grid sheet-preview-table", "aria-label": t("msel.sheets.previewName") },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("console.msel.number")),
            h("th", { scope: "col" }, t("console.msel.turn")),
            h("th", { scope: "col" }, t("console.msel.injectTitle")),
            h("th", { scope: "col" }, t("console.msel.audience")),
          ),
        ),
        h(
          "tbody",
          {},
          ...injects.map((i) =>
            h(
              "tr",
              {},
              h("td", {}, i.number),
              h(
                "td",
                {},
                i.trigger.kind === "scheduled"
                  ? t("console.msel.scheduled", { turn: i.trigger.turn ?? 1 })
                  : i.trigger.kind === "conditional"
                    ? t("console.msel.conditional", { turn: i.trigger.earliestTurn ?? 1 })
                    : t("console.msel.manual"),
              ),
              h("td", {}, i.title),
              h(
                "td",
                {},
                i.to === "all"
                  ? t("console.msel.all")
                  : listIn(
                      lang(),
                      i.to.map((n) => nationName(ctx.state, n)),
                    ),
              ),
            ),
          ),
        ),
      ),
    );
    confirm.hidden = Boolean(result.phase);
  };
  check.addEventListener("click", async () => {
    status.clear();
    check.disabled = true;
    const result = await send("check");
    check.disabled = false;
    if (result) show(result);
  });
  confirm.addEventListener("click", async () => {
    confirm.disabled = true;
    const result = await send("import");
    confirm.disabled = false;
    if (!result) return;
    if (result.ok) {
      fill(preview);
      confirm.hidden = true;
      file.value = "";
      status.show({ ok: true, seq: 0 }, t("msel.sheets.imported", { count: result.injects?.length ?? 0 }));
    } else show(result);
  });
  file.addEventListener("change", () => (fill(preview), (confirm.hidden = true)));

  const importPart = h(
    "div",
    { class: "sheet-import" },
    h("h4", {}, t("msel.sheets.importTitle")),
    h("p", { class: "hint" }, t("msel.sheets.importHint")),
    h("label", { for: "msel-sheet-file" }, t("msel.sheets.file")),
    h("div", { class: "actions" }, file, check, confirm),
    preview,
  );
  const element = h(
    "section",
    { class: "msel-sheets", "aria-label": t("msel.sheets.title") },
    h("h3", {}, t("msel.sheets.title")),
    h("div", { class: "actions" }, csv, xlsx),
    importPart,
    status.element,
  );
  return {
    element,
    update(ctx) {
      element.hidden = !ctx.isFacilitator;
      importPart.hidden = ctx.state.phase !== "lobby" && ctx.state.phase !== "briefing";
    },
  };
}
