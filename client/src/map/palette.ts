import { mapPalette, UNOWNED_LAND, UNOWNED_SEA, type MapPalette } from "../../../shared/colour/map-palette.ts";
import type { ClientState } from "../state/client-state.ts";

/** Colours for the map. Nation colours come from the scenario; everything else is fixed here. */
export const MAP_COLORS = {
  background: 0x142331,
  sea: Number.parseInt(UNOWNED_SEA.slice(1), 16),
  land: Number.parseInt(UNOWNED_LAND.slice(1), 16),
  border: 0x0a1118,
  selected: 0xffffff,
  adjacency: 0xb8c7d3,
  crisis: 0xf0e442,
  hatch: 0x0a1118,
  route: 0xffffff,
  ping: 0xf0e442,
} as const;

export function hexToNumber(color: string): number {
  const n = Number.parseInt(color.replace("#", ""), 16);
  return Number.isFinite(n) ? n : 0x8c8c8c;
}

/** Black or white text, whichever reads better on the given background (WCAG relative luminance). */
export function textOn(color: string): string {
  const n = hexToNumber(color);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return l > 0.22 ? "#000000" : "#ffffff";
}

/** Mixes a nation colour into the land colour so owned land reads as the owner's without glare. */
export function mix(a: number, b: number, t: number): number {
  const ch = (shift: number) => Math.round(((a >> shift) & 255) * (1 - t) + ((b >> shift) & 255) * t);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/**
 * The fills of owners' regions and of unowned land and sea for a scenario (derived once per
 * scenario: shared/colour/map-palette.ts keeps any two apart for every colour vision).
 */
export function regionFills(state: ClientState): MapPalette {
  const nations = state.scenario.nations.map((n) => ({ id: n.id, color: state.nations[n.id]?.color ?? n.color, mapFill: (n as { mapFill?: string }).mapFill }));
  const key = JSON.stringify(nations);
  if (key !== fillsKey) (fillsKey = key), (fills = mapPalette(nations));
  return fills!;
}
let fillsKey = "";
let fills: MapPalette | null = null;
