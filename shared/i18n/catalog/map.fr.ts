import type { CatalogFor } from "./types.ts";
import type en from "./map.en.ts";

export default {
  "map.replay.side": "Le moment en détail : nations, injections, rapports, actualités",
  "map.tabs.new": "{count, plural, one {nouveau} other {nouveaux}}",
  "map.tabs.earlier": "Onglets précédents",
  "map.tabs.later": "Autres onglets",
  "map.legend.stack": "trois unités ou plus dans une région : pointez-la ou sélectionnez-la pour voir chacune",
  "map.legend.owner": "code du propriétaire de la région ; chaque propriétaire a son remplissage, distinct pour toute vision des couleurs",
  "map.words.title": "La carte en mots",
  "map.words.owner": "{owner} ({code})",
  "map.words.unowned": "{kind, select, sea {haute mer} other {sans propriétaire}}",
  "map.words.stability": "stabilité {value}",
  "map.words.crisis": "Crise : {kind}, gravité {severity}.",
  "map.words.units": "{count, plural, one {Une unité} other {# unités}} : {units}.",
  "map.words.own": "{category} {name} ({owner}, {status})",
  "map.words.seen": "{category} {name} ({owner}, vu au tour {turn})",
  "map.words.noneKnown": "Aucune unité connue.",
  "map.words.none": "Aucune unité.",
  "map.summary":
    "Carte de {title} : {count, plural, one {# région} other {# régions}}. « La carte en mots », dans le coin inférieur gauche de la carte, donne pour chaque région son propriétaire, sa crise et les unités connues ; la liste sous la carte sélectionne une région.",
  "map.missions.air": "Missions aériennes possibles",
  "map.missions.sea": "Missions navales possibles",
  "map.missions.land": "Missions possibles au sol",
  "map.missions.other": "Tâches possibles",
  "map.stack.count": "{count, plural, one {# unité} other {# unités}}",
  "map.validate.paletteClash":
    "sur la carte, les remplissages de {a, select, land {la terre sans propriétaire} sea {la mer sans propriétaire} other {{a}}} et de {b, select, land {la terre sans propriétaire} sea {la mer sans propriétaire} other {{b}}} se ressemblent {vision, select, protanopia {pour une personne protanope} deuteranopia {pour une personne deutéranope} tritanopia {pour une personne tritanope} other {pour tout le monde}} (ΔE00 {difference}, au moins {minimum} souhaité) : choisissez un mapFill plus clair ou plus foncé, ou retirez-le pour que Concord en dérive un",
} as const satisfies CatalogFor<typeof en>;
