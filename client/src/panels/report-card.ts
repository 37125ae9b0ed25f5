import { h, newId } from "../ui/html.ts";
import { checkboxGroup, commandForm, field } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { nationName, regionName, otherNations } from "../game/names.ts";
import type { Report } from "../../../shared/state/schema.ts";

const RELIABILITY: Record<string, string> = { A: "completely reliable", B: "usually reliable", C: "fairly reliable", D: "not usually reliable", E: "unreliable", F: "reliability unknown" };
const CREDIBILITY: Record<string, string> = { "1": "confirmed", "2": "probably true", "3": "possibly true", "4": "doubtful", "5": "improbable", "6": "truth unknown" };

/** One intelligence report with its grading and chain of custody, and (for its owner) a share form. */
export function reportCard(ctx: GameContext, report: Report, getCtx: () => GameContext): HTMLElement {
  const { state } = ctx;
  const titleId = newId("report");
  const provenance = report.provenance.length
    ? h("p", { class: "provenance" }, "Chain: ", nationName(state, report.originator), ...report.provenance.map((p) => ` → ${nationName(state, p.to)} (turn ${p.turn}${p.redacted ? ", redacted" : ""})`))
    : h("p", { class: "provenance" }, `Originated by ${nationName(state, report.originator)}`);
  return h(
    "article",
    { class: "report", "aria-labelledby": titleId },
    h("h4", { id: titleId }, report.title),
    h(
      "p",
      { class: "meta" },
      h("span", { class: "grade", title: `${RELIABILITY[report.reliability]}, ${CREDIBILITY[report.credibility]}` }, `${report.reliability}${report.credibility}`),
      ` ${RELIABILITY[report.reliability]}, ${CREDIBILITY[report.credibility]} · ${report.classification} · source: ${report.source} · turn ${report.turn}`,
      ctx.viewNation ? null : ` · held by ${nationName(state, report.owner)}`,
    ),
    provenance,
    h("p", { class: "report-text" }, report.text),
    report.regions.length ? h("p", { class: "muted" }, `Regions: ${report.regions.map((r) => regionName(state, r)).join(", ")}`) : null,
    ctx.canAct && report.owner === ctx.viewNation ? shareForm(ctx, report, getCtx) : null,
  );
}

function shareForm(ctx: GameContext, report: Report, getCtx: () => GameContext): HTMLElement {
  const partners = checkboxGroup("Share with", `share-${report.id}`);
  partners.set(otherNations(ctx.state, ctx.viewNation));
  const redact = h("input", { type: "checkbox", name: "redact" });
  const redacted = h("textarea", { name: "redactedText", rows: "3", maxlength: "4000" });
  redacted.value = report.text;
  const redactedField = field("Redacted text (what partners receive)", redacted);
  redactedField.hidden = true;
  redact.addEventListener("change", () => (redactedField.hidden = !redact.checked));
  const redactId = newId("redact");
  redact.id = redactId;
  const form = commandForm({
    label: `Share report: ${report.title}`,
    submit: "Share",
    success: "Shared: each partner has its own copy.",
    send: (c) => getCtx().send(c),
    children: [partners.element, h("div", { class: "check" }, redact, h("label", { for: redactId }, "Redact before sharing (partners get your text, without asset links)")), redactedField],
    build: () => {
      const to = partners.values();
      if (!to.length) return "Choose at least one nation to share with.";
      if (redact.checked && !redacted.value.trim()) return "Write the redacted text, or untick “Redact”.";
      return { type: "shareIntel", report: report.id, with: to, ...(redact.checked ? { redactedText: redacted.value.trim() } : {}) };
    },
    reset: () => partners.clear(),
  });
  return h("details", { class: "share" }, h("summary", {}, "Share this report…"), form);
}
