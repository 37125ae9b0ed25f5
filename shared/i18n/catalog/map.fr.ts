import type { CatalogFor } from "./types.ts";
import type en from "./map.en.ts";

export default {
  "map.validate.paletteClash":
    "sur la carte, les remplissages de {a, select, land {la terre sans propriétaire} sea {la mer sans propriétaire} other {{a}}} et de {b, select, land {la terre sans propriétaire} sea {la mer sans propriétaire} other {{b}}} se ressemblent {vision, select, protanopia {pour une personne protanope} deuteranopia {pour une personne deutéranope} tritanopia {pour une personne tritanope} other {pour tout le monde}} (ΔE00 {difference}, au moins {minimum} souhaité) : choisissez un mapFill plus clair ou plus foncé, ou retirez-le pour que Concord en dérive un",
} as const satisfies CatalogFor<typeof en>;
