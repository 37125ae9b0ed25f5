import type { CatalogFor } from "./types.ts";
import type en from "./briefing.en.ts";

export default {
  "briefing.title": "Briefing",
  "briefing.situation": "Situation",
  "briefing.none": "Ce scénario n'a pas de briefing écrit.",
  "briefing.nations": "Les nations",
  "briefing.objectives": "Objectifs de l'exercice",
} satisfies CatalogFor<typeof en>;
