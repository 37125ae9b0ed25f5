import { describe, it, expect } from "vitest";
import { deltaE2000 } from "../../shared/colour/ciede2000.ts";
import { simulate, MACHADO_2009, Vision } from "../../shared/colour/colour-vision.ts";
import { rgbToLab, parseHex, toHex } from "../../shared/colour/colour-space.ts";

/**
 * Sharma, Wu & Dalal (2005), Table 1: the 34 pairs published to check CIEDE2000 implementations
 * (they exercise the hue wrap-around, the a' rescaling near neutral, and the blue-region rotation).
 */
const SHARMA_2005: [number, number, number, number, number, number, number][] = [
  [50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425],
  [50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485, 2.8615],
  [50.0, 2.8361, -74.02, 50.0, 0.0, -82.7485, 3.4412],
  [50.0, -1.3802, -84.2814, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -1.1848, -84.8006, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -0.9009, -85.5211, 50.0, 0.0, -82.7485, 1.0],
  [50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669],
  [50.0, -1.0, 2.0, 50.0, 0.0, 0.0, 2.3669],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0009, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.001, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0011, 7.2195],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0012, 7.2195],
  [50.0, -0.001, 2.49, 50.0, 0.0009, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.001, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.0011, -2.49, 4.7461],
  [50.0, 2.5, 0.0, 50.0, 0.0, -2.5, 4.3065],
  [50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492],
  [50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977],
  [50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.903],
  [50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535],
  [50.0, 2.5, 0.0, 50.0, 3.1736, 0.5854, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0],
  [50.0, 2.5, 0.0, 50.0, 1.8634, 0.5757, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2592, 0.335, 1.0],
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
  [63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.263],
  [61.2901, 3.7196, -5.3901, 61.4292, 2.248, -4.962, 1.8731],
  [35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645],
  [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
  [36.4612, 47.858, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
  [90.8027, -2.0831, 1.441, 91.1528, -1.6435, 0.0447, 1.4441],
  [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381],
  [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377],
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
];

describe("CIEDE2000", () => {
  it.each(SHARMA_2005.map((row, i) => [i + 1, row] as const))(
    "reproduces Sharma, Wu & Dalal's pair %i to four decimals",
    (_n, [L1, a1, b1, L2, a2, b2, expected]) => {
      expect(deltaE2000([L1, a1, b1], [L2, a2, b2])).toBeCloseTo(expected, 4);
      expect(deltaE2000([L2, a2, b2], [L1, a1, b1])).toBeCloseTo(expected, 4);
    },
  );

  it("is zero for a colour and itself", () => {
    expect(deltaE2000([41, 12, -30], [41, 12, -30])).toBe(0);
  });
});

describe("sRGB to CIELAB (D65)", () => {
  // Published CIELAB of the sRGB primaries and white (e.g. Lindbloom's calculator, D65, sRGB).
  it.each([
    ["#ffffff", [100, 0, 0]],
    ["#ff0000", [53.24, 80.09, 67.2]],
    ["#00ff00", [87.73, -86.18, 83.18]],
    ["#0000ff", [32.3, 79.19, -107.86]],
  ] as const)("%s is %j", (hex, lab) => {
    const got = rgbToLab(parseHex(hex)!);
    for (let i = 0; i < 3; i++) expect(got[i]).toBeCloseTo(lab[i], 1);
  });

  it("reads and writes #rrggbb", () => {
    expect(toHex(parseHex("#0072B2")!)).toBe("#0072b2");
    expect(parseHex("blue")).toBeNull();
  });
});

describe("Machado 2009 colour-vision simulation", () => {
  it("uses the published severity-1.0 matrices, whose rows each sum to one", () => {
    expect(MACHADO_2009.protanopia[0]).toEqual([0.152286, 1.052583, -0.204868]);
    expect(MACHADO_2009.deuteranopia[1]).toEqual([0.280085, 0.672501, 0.047413]);
    expect(MACHADO_2009.tritanopia[2]).toEqual([0.004733, 0.691367, 0.3039]);
    for (const m of Object.values(MACHADO_2009)) for (const row of m) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
  });

  it("leaves greys as they are for everyone", () => {
    for (const vision of [Vision.Protanopia, Vision.Deuteranopia, Vision.Tritanopia]) {
      for (const grey of [0, 64, 128, 255]) {
        const seen = simulate([grey, grey, grey], vision);
        for (const c of seen) expect(c).toBeCloseTo(grey, 0);
      }
    }
  });

  it("confuses red and green for protanopes and deuteranopes, blue and green for tritanopes", () => {
    const d = (a: string, b: string, v: Vision) => deltaE2000(rgbToLab(simulate(parseHex(a)!, v)), rgbToLab(simulate(parseHex(b)!, v)));
    // Okabe–Ito vermillion and bluish green: far apart normally and for tritanopes, close for the red-green deficiencies.
    expect(d("#d55e00", "#009e73", Vision.Normal)).toBeGreaterThan(40);
    expect(d("#d55e00", "#009e73", Vision.Protanopia)).toBeLessThan(d("#d55e00", "#009e73", Vision.Normal) / 2);
    expect(d("#d55e00", "#009e73", Vision.Deuteranopia)).toBeLessThan(d("#d55e00", "#009e73", Vision.Normal) / 2);
    // The issue's own measurement: Sarnia's old land fill and unowned land, ΔE00 ≈ 1.1 under protanopia.
    expect(d("#2a9a74", "#8d9277", Vision.Protanopia)).toBeLessThan(2);
  });
});
