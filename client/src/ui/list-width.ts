/** From this many options a <select> is given its width (setOptions in html.ts) instead of letting the browser find it. */
export const WIDTH_SET_OVER = 100;

/** Characters of the longest label counted at most: a longer one is cut in the closed list (the open list shows it whole). */
export const WIDEST_LABEL = 56;

/**
 * The width of a long <select>, from its longest label (`emptyChoice`'s too, the list's first, empty choice): half an em a
 * character (the interface's text averages about that), then 2.6em for the padding, the border
 * and the arrow of styles.css; null for a short list, which the browser sizes itself. Inside a
 * `.field` the list still fills the field's width where the field is wider (styles.css,
 * `[data-long-list]`), as a list the browser sizes does.
 *
 * Why: sized by the browser, a select is as wide as its widest option, and Chromium measures
 * every option's text to know it each time the select is laid out anew — each time its tab is
 * shown. The console's Injects & adjudication tab holds two lists of the 5,000 assets and three
 * of the 400 regions; in headless Chromium three lists of 5,000 took ~270 ms a showing where the
 * width came from the options, ~65 ms with a width set (docs/PERFORMANCE.md, "The console's
 * tabs at full size").
 */
export function listWidth(options: readonly { label: string }[], emptyChoice?: string): string | null {
  if (options.length <= WIDTH_SET_OVER) return null;
  let longest = emptyChoice?.length ?? 0;
  for (const option of options) if (option.label.length > longest) longest = option.label.length;
  return `${Math.min(longest, WIDEST_LABEL) / 2 + 2.6}em`;
}
