import { z } from "zod";
import { Admiralty } from "./effects.ts";

const Reliability = Admiralty.reliability;
const Credibility = Admiralty.credibility;
const Chance = z.number().min(0).max(1);
const Scope = z.enum(["national", "alliance", "all"]);

/**
 * Intelligence: how sightings are graded and how often they are wrong, how far reports may be
 * passed on, and what standing sharing arrangements cost. Spread into RuleCoefficients
 * (rules.ts); the rules in words are docs/RULES.md.
 */
export const intelRules = {
  /**
   * The source reliability (admiralty A–F) of a sighting by each category of sensor: maritime
   * patrol aircraft and UAVs (ISR) and aircraft see well, a ship's radar less so, anything else
   * (a land unit's patrols) is a doubtful source. Categories not listed give `sensorReliabilityOther`.
   */
  sensorReliability: z.record(z.string(), Reliability).default({ isr: "B", air: "B", naval: "C" }),
  /** Reliability of a sensor whose category `sensorReliability` does not list. */
  sensorReliabilityOther: Reliability.default("D"),
  /** Per asset type id, overriding its category's reliability (a scenario's excellent or poor sensor). */
  sensorReliabilityByType: z.record(z.string(), Reliability).default({}),
  /**
   * Information credibility (admiralty 1–6 before confirmation) by distance from the sensor:
   * index 0 for its own region, 1 for an adjacent one …; beyond the list, its last entry.
   */
  sightingCredibilityByRange: z.array(Credibility).min(1).max(4).default(["2", "3", "4"]),
  /** Chance (0–1) that a sighting places the asset in the wrong region, by the sensor's reliability. */
  sightingErrorByReliability: z.record(z.string(), Chance).default({ A: 0, B: 0, C: 0.1, D: 0.2, E: 0.3, F: 0.5 }),
  /** Added to the error chance by the sighting's credibility (distance makes a sighting doubtful). */
  sightingErrorByCredibility: z.record(z.string(), Chance).default({ "1": 0, "2": 0, "3": 0.05, "4": 0.15, "5": 0.3, "6": 0.5 }),
  /** A second, independent source seeing the same asset in the same region within this many turns confirms it (credibility 1). */
  confirmationWindowTurns: z.number().int().min(0).max(5).default(1),
  /** Trust the holder loses in the nation that passed it a report its own forces found wrong. */
  trustLossPerFalseReport: z.number().min(0).max(20).default(2),
  /** Who a report may be passed to when it does not say: by classification (SECRET national only …). */
  releasabilityByClassification: z
    .object({
      UNCLASSIFIED: Scope.default("all"),
      RESTRICTED: Scope.default("alliance"),
      CONFIDENTIAL: Scope.default("alliance"),
      SECRET: Scope.default("national"),
    })
    .prefault({}),
  /**
   * Political capital paid for each report a `full` sharing policy passes on automatically, as a
   * share of `shareCostPoliticalCapital`: a standing arrangement is cheaper than a decision each time.
   */
  autoShareCostFactor: z.number().min(0).max(1).default(0.5),
};
