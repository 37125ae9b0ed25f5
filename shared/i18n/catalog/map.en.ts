/** The map's words: stacks, owner codes, the map in words, and the map palette's validation. */
export default {
  "map.replay.side": "The moment in detail: nations, injects, reports, news",
  "map.tabs.new": "{count, plural, one {new} other {new}}",
  "map.tabs.earlier": "Earlier tabs",
  "map.tabs.later": "More tabs",
  "map.legend.stack": "three or more units in a region: point at it or select it to see each one",
  "map.legend.owner": "region owner's code; each owner's land has its own fill, told apart with any colour vision",
  "map.words.title": "The map in words",
  "map.words.owner": "{owner} ({code})",
  "map.words.unowned": "{kind, select, sea {open sea} other {no owner}}",
  "map.words.stability": "stability {value}",
  "map.words.crisis": "Crisis: {kind}, severity {severity}.",
  "map.words.units": "{count, plural, one {One unit} other {# units}}: {units}.",
  "map.words.own": "{category} {name} ({owner}, {status})",
  "map.words.seen": "{category} {name} ({owner}, seen in turn {turn})",
  "map.words.noneKnown": "No units known there.",
  "map.words.none": "No units.",
  "map.summary":
    "Map of {title}: {count, plural, one {# region} other {# regions}}. “The map in words”, over the map's lower left corner, lists each region's owner, crisis and known units; the list below the map selects a region.",
  "map.missions.air": "Missions it can fly",
  "map.missions.sea": "Missions it can sail",
  "map.missions.land": "Missions it can carry out",
  "map.missions.other": "Tasks it can take on",
  "map.stack.count": "{count, plural, one {# unit} other {# units}}",
  "map.validate.paletteClash":
    "the map fills of {a, select, land {unowned land} sea {unowned sea} other {{a}}} and {b, select, land {unowned land} sea {unowned sea} other {{b}}} look alike {vision, select, protanopia {with protanopia} deuteranopia {with deuteranopia} tritanopia {with tritanopia} other {to everyone}} (ΔE00 {difference}, at least {minimum} wanted): choose a lighter or darker mapFill, or remove it to let Concord derive one",
} as const;
