import type { CatalogFor } from "./types.ts";
import type en from "./diplomacy.en.ts";

/** La diplomatie de défense, dont les effets dépendent de la confiance et de la disponibilité des parties. */
export default {
  "diplomacy.explain.jointExercise":
    "L'exercice combiné de {a} et {b} (disponibilité moyenne {readiness})\u00a0: interopérabilité +{interop}, confiance +{trust} (elle était de {was}).",
  "diplomacy.explain.dialogue":
    "Le dialogue entre {a} et {b}\u00a0: confiance +{trust} (elle était de {was}\u00a0; plus les partenaires sont proches, moins un dialogue apporte).",
} satisfies CatalogFor<typeof en>;
