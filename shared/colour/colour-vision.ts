import { toLinear, fromLinear, type Rgb } from "./colour-space.ts";

/** The colour visions the map is checked under: normal, and the three dichromacies. */
export const Vision = { Normal: "normal", Protanopia: "protanopia", Deuteranopia: "deuteranopia", Tritanopia: "tritanopia" } as const;
export type Vision = (typeof Vision)[keyof typeof Vision];
export const DICHROMACIES: readonly Vision[] = [Vision.Protanopia, Vision.Deuteranopia, Vision.Tritanopia];

type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

/**
 * Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color
 * vision deficiency", IEEE TVCG 15(6): the severity 1.0 matrices, applied to linear sRGB. Each
 * row sums to 1, so greys (and black and white) look the same to everyone.
 */
export const MACHADO_2009: Record<Exclude<Vision, "normal">, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** Linear sRGB as seen with a vision (out-of-gamut results clamped to 0–1). */
export function simulateLinear(linear: Rgb, vision: Vision): Rgb {
  if (vision === Vision.Normal) return linear;
  const m = MACHADO_2009[vision];
  const row = (r: readonly [number, number, number]) => Math.max(0, Math.min(1, r[0] * linear[0] + r[1] * linear[1] + r[2] * linear[2]));
  return [row(m[0]), row(m[1]), row(m[2])];
}

/** An sRGB colour (0–255) as seen with a vision, back in sRGB (0–255, unrounded). */
export function simulate(rgb: Rgb, vision: Vision): Rgb {
  const lin = simulateLinear([toLinear(rgb[0]), toLinear(rgb[1]), toLinear(rgb[2])], vision);
  return [fromLinear(lin[0]), fromLinear(lin[1]), fromLinear(lin[2])];
}
