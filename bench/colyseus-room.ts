import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Room, type Client } from "@colyseus/core";
import { schema, t } from "@colyseus/schema";
import { ROOT } from "../server/config.ts";

/**
 * The baseline of #23: a Colyseus room written as the tutorials write it. One Schema state
 * holding the Northern Flank as Concord's room holds it (nations, regions, assets, drafts), the
 * rules inline in `onMessage`, and `broadcastPatch()` after each message so that a command
 * does not wait for the 50 ms patch tick. It has no event log, no schema validation of the
 * payload and no per-nation view: everybody sees everything, drafts included. It is what a team
 * would write first, and Concord must not lose to it (bench/net.bench.ts).
 */
export const Nation = schema(
  {
    id: t.string(),
    name: t.string(),
    color: t.string(),
    playable: t.boolean(),
    alliance: t.boolean(),
    committed: t.boolean(),
    budget: t.number(),
    politicalCapital: t.number(),
    readiness: t.number(),
    alertLevel: t.string(),
    rulesOfEngagement: t.string(),
    publicStance: t.string(),
  },
  "Nation",
);
export const Region = schema({ id: t.string(), name: t.string(), owner: t.string(), stability: t.number(), x: t.number(), y: t.number() }, "Region");
export const Asset = schema(
  {
    id: t.string(),
    name: t.string(),
    type: t.string(),
    owner: t.string(),
    region: t.string(),
    status: t.string(),
    mission: t.string(),
    destination: t.string(),
  },
  "Asset",
);
export const Draft = schema(
  {
    id: t.string(),
    nation: t.string(),
    author: t.string(),
    turn: t.number(),
    kind: t.string(),
    asset: t.string(),
    mission: t.string(),
    destination: t.string(),
  },
  "Draft",
);
export const FlankState = schema(
  { phase: t.string(), turn: t.number(), seq: t.number(), nations: t.map(Nation), regions: t.map(Region), assets: t.map(Asset), drafts: t.map(Draft) },
  "FlankState",
);

type Json = Record<string, any>;
const MISSIONS = new Set(["patrol", "presence", "humanitarian", "medical", "logistics", "surveillance", "cyber-defence", "deterrence", "escort", "training"]);

export class FlankRoom extends Room<{ state: InstanceType<typeof FlankState> }> {
  override state = new FlankState();
  private nextDraft = 0;

  override onCreate() {
    const scenario: Json = JSON.parse(readFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), "utf8"));
    this.state.phase = "running";
    this.state.turn = 1;
    for (const n of scenario.nations) {
      this.state.nations.set(
        n.id,
        new Nation().assign({
          id: n.id,
          name: n.name.en,
          color: n.color,
          playable: n.playable,
          alliance: n.alliance,
          committed: false,
          budget: n.budget ?? 0,
          politicalCapital: n.politicalCapital ?? 0,
          readiness: n.readiness ?? 0,
          alertLevel: n.policies.alertLevel,
          rulesOfEngagement: n.policies.rulesOfEngagement,
          publicStance: n.policies.publicStance,
        }),
      );
    }
    for (const r of scenario.regions)
      this.state.regions.set(r.id, new Region().assign({ id: r.id, name: r.name.en, owner: r.owner ?? "", stability: r.stability ?? 0, x: r.x, y: r.y }));
    for (const a of scenario.assets)
      this.state.assets.set(
        a.id,
        new Asset().assign({ id: a.id, name: a.name.en, type: a.type, owner: a.owner, region: a.region, status: "ready", mission: "", destination: "" }),
      );

    this.onMessage("command", (client: Client, message: Json) => {
      const { id, command } = message ?? {};
      const me = client.userData as { nation: string; name: string };
      const refuse = (code: string) => client.send("result", { id, ok: false, code });
      if (this.state.phase !== "running") return refuse("wrong_phase");
      if (command?.type === "draftOrder") {
        const order = command.order ?? {};
        const asset = this.state.assets.get(order.asset);
        if (!asset) return refuse("unknown_asset");
        if (asset.owner !== me.nation) return refuse("not_your_asset");
        if (order.kind !== "setMission" || !MISSIONS.has(order.mission)) return refuse("invalid_order");
        const draftId = `d${++this.nextDraft}`;
        this.state.drafts.set(
          draftId,
          new Draft().assign({
            id: draftId,
            nation: me.nation,
            author: me.name,
            turn: this.state.turn,
            kind: order.kind,
            asset: order.asset,
            mission: order.mission,
          }),
        );
      } else if (command?.type === "withdrawDraft") {
        const draft = this.state.drafts.get(command.draft);
        if (!draft || draft.nation !== me.nation) return refuse("unknown_draft");
        this.state.drafts.delete(command.draft);
      } else return refuse("unknown_command");
      this.state.seq++;
      this.broadcastPatch();
      client.send("result", { id, ok: true, seq: this.state.seq });
    });
  }

  override onJoin(client: Client, options: { nation?: string; name?: string }) {
    client.userData = { nation: options.nation ?? "", name: options.name ?? "" };
  }
}
