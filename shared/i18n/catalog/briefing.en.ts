/** The briefing tab: the scenario's read-ahead as its author wrote it (client/src/panels/briefing-panel.ts). */
export default {
  "briefing.title": "Briefing",
  "briefing.situation": "Situation",
  "briefing.none": "This scenario has no written briefing.",
  "briefing.nations": "The nations",
  "briefing.objectives": "What this exercise trains",
} as const;
