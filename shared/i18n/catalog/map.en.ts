/** The map's words: stacks, owner codes, the map in words, and the map palette's validation. */
export default {
  "map.validate.paletteClash":
    "the map fills of {a, select, land {unowned land} sea {unowned sea} other {{a}}} and {b, select, land {unowned land} sea {unowned sea} other {{b}}} look alike {vision, select, protanopia {with protanopia} deuteranopia {with deuteranopia} tritanopia {with tritanopia} other {to everyone}} (ΔE00 {difference}, at least {minimum} wanted): choose a lighter or darker mapFill, or remove it to let Concord derive one",
} as const;
