import type { CatalogFor } from "./types.ts";
import type en from "./ops.en.ts";

export default {
  "ops.health.badWindow": "window doit être un nombre entier de secondes de 1 à {max}, par exemple /health?window=10.",
  "ops.cli.unexpected": "concord {command} : argument inattendu « {arg} ».",
  "ops.cli.noValueTaken": "concord {command} : {option} ne prend pas de valeur.",
} satisfies CatalogFor<typeof en>;
