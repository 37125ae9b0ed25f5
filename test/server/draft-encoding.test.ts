import { describe, it, expect } from "vitest";
import { schema, t, Encoder, Decoder } from "@colyseus/schema";
import { DraftSchema } from "../../server/rooms/room-state.ts";
import { writeDraft } from "../../server/rooms/draft-encoding.ts";
import { draftFromWire } from "../../shared/view/draft-wire.ts";
import type { DraftView } from "../../shared/engine/view-for.ts";
import type { Order } from "../../shared/state/schema.ts";

/**
 * Drafts travel as flat schema fields (shared/view/draft-wire.ts): every kind of order, with and
 * without a planned route, must come out of a client's decoder as the view the server wrote,
 * and a team-mate's patch for a new draft must stay small (#23: ≤ 100 B; as JSON it was 207).
 */
const Holder = schema({ drafts: t.map(DraftSchema) }, "DraftHolder");

function wire() {
  const server = new Holder();
  const encoder = new Encoder(server);
  const client = new Holder();
  const decoder = new Decoder(client);
  decoder.decode(encoder.encodeAll());
  encoder.discardChanges();
  return {
    put(draft: DraftView) {
      let target = server.drafts.get(draft.id);
      const isNew = !target;
      if (!target) target = new DraftSchema();
      writeDraft(target, draft);
      if (isNew) server.drafts.set(draft.id, target);
    },
    /** The patch since the last one, applied at the client; its size in bytes. */
    patch(): number {
      const bytes = encoder.encode();
      const size = bytes.length;
      decoder.decode(bytes);
      encoder.discardChanges();
      return size;
    },
    read: (id: string) => draftFromWire((client.drafts.get(id) as { toJSON(): object }).toJSON()),
  };
}

const ORDERS: Order[] = [
  { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" },
  { kind: "prepositionAsset", asset: "n-frigate", destination: "island" },
  { kind: "recallAsset", asset: "n-uav", destination: "n-land" },
  { kind: "setMission", asset: "n-frigate", mission: "escort" },
  { kind: "embarkAsset", asset: "n-battalion", carrier: "n-ferry" },
  { kind: "disembarkAsset", asset: "n-battalion" },
  { kind: "disembarkAsset", asset: "n-battalion", destination: "s-port" },
  { kind: "setPolicy", alertLevel: "high", publicStance: "firm", intelSharing: { south: "full" } },
  { kind: "fundCapacityBuilding", partner: "south", amount: 25 },
  { kind: "transferAuthority", asset: "n-frigate", excludedMissions: ["deterrence"], excludedRegions: ["island"] },
  { kind: "revokeAuthority", asset: "n-frigate" },
];

describe("drafts on the wire", () => {
  it("every kind of order reads back as the view the server wrote", () => {
    const w = wire();
    const views = ORDERS.map(
      (order, i): DraftView => ({
        id: `d${i + 1}`,
        nation: "north",
        author: i % 2 ? "Alice" : "Bob",
        turn: 1 + (i % 3),
        order,
        ...(i % 4 === 0 ? { as: "bot" as const } : {}),
        plan:
          i % 3 === 0
            ? { cost: { budget: 15, politicalCapital: 0, readiness: 3 }, route: ["n-sea", "s-sea"], eta: 2 }
            : { cost: { budget: 0, politicalCapital: 2.5, readiness: 0 } },
      }),
    );
    for (const view of views) w.put(view);
    w.patch();
    for (const view of views) expect(w.read(view.id)).toEqual(view);
  });

  it("a plan that changes reaches the client, zeros and a dropped route included", () => {
    const w = wire();
    const first: DraftView = {
      id: "d1",
      nation: "north",
      author: "Alice",
      turn: 1,
      order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" },
      plan: { cost: { budget: 15, politicalCapital: 0, readiness: 3 }, route: ["n-sea", "s-sea"], eta: 2 },
    };
    w.put(first);
    w.patch();
    const later: DraftView = { ...first, plan: { cost: { budget: 0, politicalCapital: 1, readiness: 3 } } };
    w.put(later);
    w.patch();
    expect(w.read("d1")).toEqual(later);
  });

  it("a team-mate's patch for a new draft is at most 100 bytes", () => {
    const w = wire();
    w.put({
      id: "d1",
      nation: "nordvik",
      author: "Alice",
      turn: 1,
      order: { kind: "setMission", asset: "nv-frigate-1", mission: "patrol" },
      plan: { cost: { budget: 15, politicalCapital: 0, readiness: 3 } },
    });
    w.patch();
    const bytes =
      (w.put({
        id: "d12",
        nation: "nordvik",
        author: "Alice",
        turn: 1,
        order: { kind: "setMission", asset: "nv-frigate-1", mission: "patrol" },
        plan: { cost: { budget: 15, politicalCapital: 0, readiness: 3 } },
      }),
      w.patch());
    expect(bytes).toBeLessThanOrEqual(100);
  });
});
