import type { ScenarioSpec } from "./schema.ts";
import type { LiftProblem } from "./validate-lift.ts";
import { eegTasks } from "./eeg.ts";
import { POLICY_SCALES } from "./expected-outcome.ts";

/**
 * The evaluation guide's checks: ids unique across the guide, every task an inject or expected
 * action names exists, and every expected outcome names things the scenario has.
 */
export function eegProblems(s: ScenarioSpec): LiftProblem[] {
  const problems: LiftProblem[] = [];
  const push = (path: string, key: LiftProblem["key"], params?: LiftProblem["params"]) => problems.push({ path, key, ...(params ? { params } : {}) });
  const seen = new Map<string, string>();
  (s.evaluation?.objectives ?? []).forEach((o, i) => {
    const at = `evaluation.objectives[${i}]`;
    const claim = (id: string, path: string) =>
      seen.has(id) ? push(`${path}.id`, "scenario.validate.duplicateId", { id, other: seen.get(id)! }) : seen.set(id, path);
    claim(o.id, at);
    if (o.learningObjective !== undefined && o.learningObjective >= s.learningObjectives.length)
      push(`${at}.learningObjective`, "evaluation.validate.noLearningObjective", { index: o.learningObjective, count: s.learningObjectives.length });
    o.capabilities.forEach((c, j) => {
      claim(c.id, `${at}.capabilities[${j}]`);
      c.tasks.forEach((t, k) => claim(t.id, `${at}.capabilities[${j}].tasks[${k}]`));
    });
  });
  const tasks = new Set(eegTasks(s.evaluation).map((t) => t.id));
  const nations = new Set(s.nations.map((n) => n.id));
  const regions = new Set(s.regions.map((r) => r.id));
  const types = new Set(s.assetTypes.map((t) => t.id));
  const unknown = (path: string, kind: string, id: string) => push(path, "scenario.validate.unknown", { kind, id });
  s.msel.forEach((inject, i) => {
    inject.tasks?.forEach((t, k) => tasks.has(t) || unknown(`msel[${i}].tasks[${k}]`, "task", t));
    inject.expectedActions.forEach((ex, k) => {
      const path = `msel[${i}].expectedActions[${k}]`;
      if (ex.task && !tasks.has(ex.task)) unknown(`${path}.task`, "task", ex.task);
      const o = ex.outcome;
      if (!o) return;
      if (o.kind === "assetOnMission") {
        if (o.region && !regions.has(o.region)) unknown(`${path}.outcome.region`, "region", o.region);
        if (o.assetType && !types.has(o.assetType)) unknown(`${path}.outcome.assetType`, "assetType", o.assetType);
      }
      if (o.kind === "reportShared" || o.kind === "agreementInForce")
        o.with?.forEach((n, j) => nations.has(n) || unknown(`${path}.outcome.with[${j}]`, "nation", n));
      if (o.kind === "policy" && !(POLICY_SCALES[o.field] as readonly string[]).includes(o.value))
        push(`${path}.outcome.value`, "evaluation.validate.policyValue", { value: o.value, values: POLICY_SCALES[o.field].join(", ") });
    });
  });
  return problems;
}
