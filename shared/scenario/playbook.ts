import { z } from "zod";
import { idString } from "../protocol/ids.ts";
import { Condition } from "./conditions.ts";
import { text, translations } from "./localized.ts";
// Cyclic with schema.ts (which holds the playbook in a nation): the enums are read lazily.
import * as spec from "./schema.ts";

/**
 * The adversary playbook (docs/SCENARIOS.md "Playbook"): what a nation no team plays does by
 * itself. Rules "when <condition> then <moves>" grouped in escalation levels; the nation stands
 * at one level at a time and only that level's rules apply. The moves are the nation's own
 * commands, made through the same `decide` as a team's (shared/playbook/run-playbooks.ts), so the
 * rules bound them like any nation's.
 */
const Id = idString(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "ids are lower-case letters, digits, '-' or '_' (max 40)"));
const Words = (max: number) => z.string().trim().min(1).max(max);
const Mission = z.lazy(() => spec.Mission);

/** An order the nation drafts for the turn (it executes at the next resolution, like a team's). */
export const PlaybookOrder = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("deployAsset"), asset: Id, destination: Id, mission: Mission }),
  z.object({ kind: z.literal("prepositionAsset"), asset: Id, destination: Id }),
  z.object({ kind: z.literal("recallAsset"), asset: Id, destination: Id }),
  z.object({ kind: z.literal("setMission"), asset: Id, mission: Mission }),
  z.object({
    kind: z.literal("setPolicy"),
    alertLevel: z.lazy(() => spec.AlertLevel).optional(),
    rulesOfEngagement: z.lazy(() => spec.RulesOfEngagement).optional(),
    publicStance: z.lazy(() => spec.PublicStance).optional(),
  }),
]);
export type PlaybookOrder = z.infer<typeof PlaybookOrder>;

/**
 * One move. The answers apply to every request addressed to the nation still waiting for one
 * when the rule fires (none waiting: the move does nothing).
 */
export const PlaybookMove = z.discriminatedUnion("type", [
  z.object({ type: z.literal("draftOrder"), order: PlaybookOrder }),
  z.object({ type: z.literal("makeStatement"), stance: z.lazy(() => spec.PublicStance), text: Words(1000) }),
  /** In character on the bilateral channel with `to` (or "alliance" where the nation is a member). */
  z.object({ type: z.literal("sendMessage"), to: Id, text: Words(2000) }),
  /** Asks `host` to let the nation's forces into `region`. */
  z.object({ type: z.literal("requestConsent"), host: Id, region: Id, note: z.string().max(500).default("") }),
  z.object({ type: z.literal("answerConsent"), grant: z.boolean() }),
  z.object({ type: z.literal("answerAgreement"), accept: z.boolean() }),
  z.object({ type: z.literal("answerInfo"), answer: Words(4000) }),
]);
export type PlaybookMove = z.infer<typeof PlaybookMove>;

export const PlaybookRule = z.object({
  id: Id,
  /** What exercise control reads in the approval queue and the replay ("Patrol the bight"); may be written in several languages. */
  name: text(120),
  /** Absent: every time the playbook is evaluated. */
  when: Condition.optional(),
  /** Chance 0–1 that the rule fires when its condition holds, rolled on the exercise's seeded dice. */
  chance: z.number().min(0).max(1).default(1),
  /** Fires at most once in the exercise. */
  once: z.boolean().default(false),
  /** Turns after firing during which it does not fire again (0: may fire every turn). */
  cooldown: z.number().int().min(0).max(100).default(0),
  then: z.array(PlaybookMove).min(1).max(10),
  i18n: translations({ name: 120 }),
});
export type PlaybookRule = z.infer<typeof PlaybookRule>;

export const PlaybookLevel = z.object({
  id: Id,
  /** What exercise control reads in the approval queue and the replay; may be written in several languages. */
  name: text(120),
  /** Rises one level when this holds at an evaluation (never from the last level). */
  escalateWhen: Condition.optional(),
  /** Falls back one level when this holds (never from the first level); rising is judged first. */
  deescalateWhen: Condition.optional(),
  rules: z.array(PlaybookRule).max(30).default([]),
  i18n: translations({ name: 120 }),
});
export type PlaybookLevel = z.infer<typeof PlaybookLevel>;

export const PlaybookSpec = z.object({
  /** The name its messages and statements go out under (the nation's name when absent). */
  speaker: Words(80).optional(),
  /** Lowest first. */
  levels: z.array(PlaybookLevel).min(1).max(10),
  /** The level it starts at (the first when absent). */
  start: Id.optional(),
});
export type PlaybookSpec = z.infer<typeof PlaybookSpec>;
