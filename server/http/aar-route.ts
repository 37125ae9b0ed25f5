import type { Application, Request } from "express";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import { exportAar } from "../exercises/aar-export.ts";
import { AAR_FORMATS, type AarFormat } from "../../shared/aar/index.ts";
import { LANGUAGES, LANGUAGE_NAMES, DEFAULT_LANG, isLang } from "../../shared/i18n/languages.ts";
import { msg } from "../../shared/i18n/message.ts";
import { clipText } from "../security/well-formed.ts";
import { AAR_HTML_CSP } from "./security-headers.ts";
import type { Access } from "./exercise-access.ts";
import { sendError } from "./errors.ts";
import { asyncRoute } from "./async-route.ts";

export type AarRouteOptions = {
  service: ExerciseService;
  /** The bearer credential, or a download ticket (api.ts). */
  downloadAccess: (req: Request, id: string) => Promise<Access>;
};

/**
 * The after-action report of an exercise, in each format and language (`?format=html|md|csv|json…`,
 * `&lang=`, `&table=` for one CSV table, `&download=1`), for whoever may read the full record.
 */
export function mountAarRoute(app: Application, { service, downloadAccess }: AarRouteOptions): void {
  app.get(
    "/api/exercises/:id/aar",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const format = typeof req.query.format === "string" ? req.query.format : "html";
      if (!(AAR_FORMATS as readonly string[]).includes(format))
        return sendError(res, 400, "invalid_format", msg("server.http.aarFormat", { formats: AAR_FORMATS.map((f) => `format=${f}`) }));
      const lang = req.query.lang === undefined ? DEFAULT_LANG : req.query.lang;
      if (!isLang(lang))
        return sendError(res, 400, "invalid_lang", msg("server.http.aarLang", { languages: LANGUAGES.map((l) => `${LANGUAGE_NAMES[l]} (lang=${l})`) }));
      const access = await downloadAccess(req, id);
      if ("denied" in access) return sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      const table = typeof req.query.table === "string" ? req.query.table : undefined;
      if (table !== undefined && format !== "csv") return sendError(res, 400, "invalid_format", msg("server.http.aarTableCsvOnly"));
      const aar = await exportAar(service.store, id, format as AarFormat, lang, `${req.protocol}://${req.get("host")}`, table);
      if (!aar) return sendError(res, 404, "unknown_table", msg("server.http.aarUnknownTable", { table: clipText(table ?? "", 40) }));
      // Every export is a file named after the exercise and date; HTML opens in the tab unless asked to download.
      if (format === "html" && req.query.download !== "1") res.setHeader("Content-Disposition", `inline; filename="${aar.filename}"`);
      else res.attachment(aar.filename);
      if (format === "html") res.setHeader("Content-Security-Policy", AAR_HTML_CSP);
      res.setHeader("Content-Language", lang);
      res.type(aar.contentType).send(aar.body);
    }),
  );
}
