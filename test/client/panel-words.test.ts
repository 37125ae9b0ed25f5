import { describe, it, expect, afterEach } from "vitest";
import { setLang } from "../../client/src/i18n.ts";
import { describeOrder } from "../../client/src/panels/order-words.ts";
import { channelsFor, labelFor } from "../../client/src/panels/channel-list.ts";
import { grading, sourceWords } from "../../client/src/panels/report-card.ts";
import { term, capitalized } from "../../client/src/panels/words.ts";
import { responseLabel } from "../../client/src/facilitator/expected-response-editor.ts";
import { EXPECTABLE_COMMANDS } from "../../shared/scenario/expectable-commands.ts";
import type { ClientState } from "../../client/src/state/client-state.ts";
import type { GameContext } from "../../client/src/game/context.ts";

/** Just enough state for names: two nations, two regions, one asset. */
const state = {
  exerciseId: "x",
  scenario: {
    nations: [
      { id: "north", name: "Nordmark" },
      { id: "south", name: "Sudland" },
    ],
    regions: [
      { id: "lakeland", name: "Lakeland", kind: "land" },
      { id: "central-sea", name: "Central Sea", kind: "sea" },
    ],
    assetTypes: [],
  },
  nations: {
    north: { id: "north", name: "Nordmark", alliance: true, playable: true, policies: { publicStance: "quiet" } },
    south: { id: "south", name: "Sudland", alliance: true, playable: true, policies: { publicStance: "quiet" } },
  },
  regions: {},
  perspective: { assets: { "frigate-aegir": { id: "frigate-aegir", name: "Frigate Ægir" } }, messages: {} },
} as unknown as ClientState;

const ctx = (viewNation: string | null) =>
  ({ state, perspective: state.perspective, viewNation, canAct: viewNation !== null, isFacilitator: viewNation === null }) as unknown as GameContext;
/** Ids and command names a reader must never see. */
const INTERNAL = /deployAsset|setMission|setPolicy|lakeland|central-sea|frigate-aegir|\bnorth\b|\bsouth\b|bilateral:|team:|intel-sharing|need-to-know/;

afterEach(() => setLang("en"));

describe("the panels' words", () => {
  it("describes a draft order with names and plain words, in each seat's language", () => {
    const deploy = { kind: "deployAsset", asset: "frigate-aegir", destination: "lakeland", mission: "patrol" } as const;
    expect(describeOrder(state, deploy)).toBe("Deploy Frigate Ægir to Lakeland (patrol)");
    setLang("fr");
    expect(describeOrder(state, deploy)).toBe("Déployer Frigate Ægir vers Lakeland (patrouille)");
    const policy = { kind: "setPolicy", rulesOfEngagement: "robust", intelSharing: { south: "need-to-know" } } as const;
    expect(describeOrder(state, policy)).toBe(
      "Politique\u00a0: règles d'engagement robustes et partage du renseignement avec Sudland\u00a0: besoin d'en connaître",
    );
    setLang("en");
    expect(describeOrder(state, policy)).toBe("Set policy: rules of engagement robust and intelligence sharing with Sudland: need to know");
    expect(describeOrder(state, { kind: "fundCapacityBuilding", partner: "south", amount: 12500 })).toBe("Fund capacity building for Sudland: 12,500");
    setLang("fr");
    expect(describeOrder(state, { kind: "fundCapacityBuilding", partner: "south", amount: 12500 })).toMatch(/au profit de Sudland\u00a0: 12\u202f500$/);
    for (const order of [
      deploy,
      policy,
      { kind: "setMission", asset: "frigate-aegir", mission: "escort" } as const,
      { kind: "recallAsset", asset: "frigate-aegir", destination: "central-sea" } as const,
    ]) {
      for (const lang of ["en", "fr"] as const) {
        setLang(lang);
        expect(describeOrder(state, order)).not.toMatch(INTERNAL);
      }
    }
  });

  it("names every command an expected action may name in the MSEL editor, in each language, Report this sighting included", () => {
    expect(responseLabel("reportSighting")).toBe("Report a sighting from the known-forces picture");
    for (const lang of ["en", "fr"] as const) {
      setLang(lang);
      const other = responseLabel("launchMissiles");
      for (const command of EXPECTABLE_COMMANDS) {
        expect(responseLabel(command), command).not.toBe(other);
        expect(responseLabel(command)).not.toMatch(new RegExp(command));
      }
    }
    expect(responseLabel("reportSighting")).toBe("Rédiger un rapport sur une observation de la situation des forces connues");
  });

  it("names channels as people do, never by id", () => {
    expect(channelsFor(ctx("north")).map((c) => c.label)).toEqual(["Team", "Exercise control", "Alliance", "Sudland (bilateral)", "Public statements"]);
    expect(labelFor(ctx(null), "bilateral:north:south")).toBe("Nordmark – Sudland");
    expect(labelFor(ctx(null), "facilitator:south")).toBe("Exercise control – Sudland");
    expect(labelFor(ctx(null), "something:new")).toBe("Other channel");
    setLang("fr");
    expect(channelsFor(ctx("north")).map((c) => c.label)).toEqual([
      "Équipe",
      "Direction de l'exercice",
      "Alliance",
      "Sudland (bilatéral)",
      "Déclarations publiques",
    ]);
    for (const c of channelsFor(ctx(null))) expect(c.label).not.toMatch(INTERNAL);
  });

  it("grades intelligence in NATO's words and names kinds of agreement by their terms", () => {
    expect(grading({ reliability: "B", credibility: "2" })).toBe("usually reliable, probably true");
    expect(sourceWords("own ISR")).toBe("own surveillance and reconnaissance");
    expect(capitalized(term("agreementKind", "intel-sharing"))).toBe("Intelligence-sharing agreement");
    setLang("fr");
    expect(grading({ reliability: "B", credibility: "2" })).toBe("source habituellement fiable, information probablement exacte");
    expect(capitalized(term("agreementKind", "intel-sharing"))).toBe("Accord de partage du renseignement");
    expect(term("rulesOfEngagement", "restrictive")).toBe("restrictives");
  });
});
