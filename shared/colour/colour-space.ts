/**
 * sRGB colours as the map paints them, and the CIELAB coordinates colour differences are
 * measured in (D65 white, the sRGB standard's). Pure functions: the validator, the client's
 * map and the palette test share them.
 */
export type Rgb = readonly [number, number, number];
export type Lab = readonly [number, number, number];

/** "#rrggbb" → [r, g, b] in 0–255; anything else is null. */
export function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  const byte = (v: number) =>
    Math.round(Math.max(0, Math.min(255, v)))
      .toString(16)
      .padStart(2, "0");
  return `#${byte(r)}${byte(g)}${byte(b)}`;
}

/** One sRGB channel (0–255) to linear light (0–1), IEC 61966-2-1. */
export function toLinear(v: number): number {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light (0–1, clamped) back to an sRGB channel (0–255, unrounded). */
export function fromLinear(v: number): number {
  const c = Math.max(0, Math.min(1, v));
  return 255 * (c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055);
}

// D65 reference white of sRGB (the XYZ of RGB = 1, 1, 1).
const WHITE = [0.95047, 1, 1.08883] as const;

/** Linear sRGB (0–1) → CIELAB. */
export function linearToLab([r, g, b]: Rgb): Lab {
  const x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = 0.0193339 * r + 0.119192 * g + 0.9503041 * b;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const fx = f(x / WHITE[0]);
  const fy = f(y / WHITE[1]);
  const fz = f(z / WHITE[2]);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

export function rgbToLab(rgb: Rgb): Lab {
  return linearToLab([toLinear(rgb[0]), toLinear(rgb[1]), toLinear(rgb[2])]);
}

/** `a` moved towards `b` by t (0 = a, 1 = b), channel by channel as the painters always mixed. */
export function mixRgb(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] * (1 - t) + b[0] * t, a[1] * (1 - t) + b[1] * t, a[2] * (1 - t) + b[2] * t];
}
