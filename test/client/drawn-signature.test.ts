import { describe, expect, it, vi } from "vitest";
import { drawnSignature, regionsSignature, valuesSignature } from "../../client/src/map/drawn-signature.ts";
import type { MapModel } from "../../client/src/map/map-bridge.ts";
import type { ClientState } from "../../client/src/state/client-state.ts";

/** Nordmark's own frigate in `region`, a foreign one seen in the Central Sea. */
const model = (region: string, viewNation: string | null = "north", selection: MapModel["selection"] = null): MapModel => ({
  viewNation,
  selection,
  lang: "en",
  state: {
    scenario: { id: "tiny", regions: [{ id: "lakeland" }, { id: "highlands" }, { id: "central-sea" }] },
    nations: { north: { id: "north", name: "Nordmark", color: "#0072b2" } },
    regions: { lakeland: { owner: "north", stability: 60 }, highlands: { owner: "north", stability: 55 }, "central-sea": { owner: null, stability: 50 } },
    perspective: {
      assets: {
        frigate: { id: "frigate", owner: "north", region, foreign: false, route: [] },
        raider: { id: "raider", owner: "red", region: "central-sea", foreign: true },
      },
      drafts: {},
    },
  } as unknown as ClientState,
});

/**
 * What the map's regions' picture is painted again for (client/src/map/drawn-signature.ts): a
 * unit moving or a unit selected redraws the tokens, never the regions, unless the picture shows it.
 */
describe("the regions' picture's signature", () => {
  it("stays when a unit moves between two regions the viewer already has eyes in, or a unit is selected", () => {
    const moved = model("highlands");
    // Nordmark has units in both regions either way; the frigate goes from one to the other.
    const withBoth = (m: MapModel): MapModel => ({
      ...m,
      state: {
        ...m.state,
        perspective: {
          ...m.state.perspective!,
          assets: {
            ...m.state.perspective!.assets,
            patrol: { ...m.state.perspective!.assets.frigate!, id: "patrol", region: "lakeland" },
            scout: { ...m.state.perspective!.assets.frigate!, id: "scout", region: "highlands" },
          },
        },
      },
    });
    expect(regionsSignature(withBoth(moved))).toBe(regionsSignature(withBoth(model("lakeland"))));
    expect(drawnSignature(withBoth(moved))).not.toBe(drawnSignature(withBoth(model("lakeland"))));
    expect(regionsSignature(model("lakeland", "north", { kind: "asset", id: "frigate" }))).toBe(regionsSignature(model("lakeland")));
  });

  it("changes with what the picture shows: the viewer's eyes (hatching), a region selected, a region's owner", () => {
    // Nordmark's frigate reaching the Central Sea: no hatching there any more.
    expect(regionsSignature(model("central-sea"))).not.toBe(regionsSignature(model("lakeland")));
    expect(regionsSignature(model("lakeland", "north", { kind: "region", id: "highlands" }))).not.toBe(regionsSignature(model("lakeland")));
    const lost = model("lakeland");
    lost.state = { ...lost.state, regions: { ...lost.state.regions, lakeland: { ...lost.state.regions.lakeland!, owner: null } } };
    expect(regionsSignature(lost)).not.toBe(regionsSignature(model("lakeland")));
  });

  it("leaves a region's stability and crisis to the values over the ground: those repaint, the ground stays", () => {
    const calmer = model("lakeland");
    calmer.state = { ...calmer.state, regions: { ...calmer.state.regions, lakeland: { ...calmer.state.regions.lakeland!, stability: 61 } } };
    expect(regionsSignature(calmer)).toBe(regionsSignature(model("lakeland")));
    expect(valuesSignature(calmer)).not.toBe(valuesSignature(model("lakeland")));
    expect(drawnSignature(calmer)).not.toBe(drawnSignature(model("lakeland")));
    const crisis = model("lakeland");
    crisis.state = {
      ...crisis.state,
      regions: { ...crisis.state.regions, lakeland: { ...crisis.state.regions.lakeland!, crisis: { kind: "unrest", severity: 40, since: 1 } } },
    } as typeof crisis.state;
    expect(valuesSignature(crisis)).not.toBe(valuesSignature(model("lakeland")));
    // Stability is drawn rounded: a change below half a point repaints nothing.
    const barely = model("lakeland");
    barely.state = { ...barely.state, regions: { ...barely.state.regions, lakeland: { ...barely.state.regions.lakeland!, stability: 60.2 } } };
    expect(valuesSignature(barely)).toBe(valuesSignature(model("lakeland")));
  });

  it("through exercise control's eyes (no hatching), where units are does not change it", () => {
    expect(regionsSignature(model("central-sea", null))).toBe(regionsSignature(model("lakeland", null)));
  });
});

describe("the whole map's signature", () => {
  it("writes a units record out once, however many models share it, and sees a new record's units", () => {
    const first = model("lakeland");
    const spy = vi.spyOn(JSON, "stringify");
    try {
      const assets = first.state.perspective!.assets;
      const written = () => spy.mock.calls.filter(([value]) => value === assets).length;
      const signature = drawnSignature(first);
      // A later model of the same units (a chat line, a tab shown): the record is not written again.
      const later: MapModel = { ...first, state: { ...first.state } };
      expect(drawnSignature(later)).toBe(signature);
      expect(written()).toBe(1);
      // A unit moved: a new record (read-state.ts keeps a record only while nothing in it changed).
      expect(drawnSignature(model("highlands"))).not.toBe(signature);
    } finally {
      spy.mockRestore();
    }
  });
});
