import type { View } from "../engine/view-for.ts";
import type { AssetState } from "../state/schema.ts";
import type { ParticipantCommand } from "../protocol/commands.ts";
import type { Mission } from "../scenario/schema.ts";
import { relationKey } from "../state/schema.ts";
import { msg } from "../i18n/message.ts";
import { translate } from "../i18n/format.ts";
import type { Persona } from "./personas.ts";
import { liftMoves } from "./lift-plan.ts";
import { botWorld, type BotWorld } from "./bot-world.ts";
import { planAnswers, type BotAnswers } from "./bot-answers.ts";
import { alliesOf, releasabilityScope, wellGradedEntry, sorted, typeOf, fitness, free, mayEnter, nearestOwnRegion } from "./bot-reading.ts";

export { botWorld, planAnswers, type BotWorld, type BotAnswers };

/** Crisis kinds an adversary causes, when the scenario's rules do not list them. */
const HOSTILE_KINDS = [
  "border-incident",
  "sabotage",
  "cyber-attack",
  "disinformation",
  "harassment",
  "blockade",
  "maritime-incident",
  "detention",
  "collision",
  "incursion",
];
const HOSTILE_MISSIONS: Mission[] = ["deterrence", "presence", "patrol", "cyber-defence", "surveillance", "escort"];
const RELIEF_MISSIONS: Mission[] = ["humanitarian", "medical", "logistics", "presence", "patrol"];
/** Missions that put eyes (and a flag) where the adversary is reported. */
const LOOKING_MISSIONS: Mission[] = ["surveillance", "patrol", "presence", "deterrence"];

export type BotTurn = { view: View; world: BotWorld; persona: Persona; random: () => number };

/**
 * One turn of a bot nation: the commands its team would send, in order, ending with the commit.
 * Pure: it reads only the nation's view and the standing rules, so hidden changes elsewhere in
 * the state cannot change what it does (test/rules/bots.test.ts). Some commands may be refused
 * (a route through foreign territory, say): the driver carries on, as a team would.
 */
export function planTurn({ view, world, persona, random }: BotTurn): ParticipantCommand[] {
  if (view.viewer.kind !== "nation" || view.phase !== "running") return [];
  const me = view.viewer.nation;
  const self = view.nations[me];
  if (!self || !("budget" in self)) return [];
  const chance = (p: number) => p > 0 && random() < p;
  const say = (key: Parameters<typeof msg>[0]) => translate(world.language, msg(key));
  const commands: ParticipantCommand[] = [];
  const allies = alliesOf(view, world, me);
  const hostile = new Set(((world.rules as { hostileCrisisKinds?: string[] }).hostileCrisisKinds ?? HOSTILE_KINDS) as string[]);
  let budget = self.budget;
  let capital = self.politicalCapital;
  const spendable = () => budget - self.budget * persona.reserve;

  // Answers first: somebody is waiting on them.
  commands.push(...planAnswers({ view, world, persona, randomFor: () => random }));

  // Posture: the persona's, or its posture under threat while a hostile crisis near home is severe.
  const threatened = Object.values(view.regions).some(
    (r) => r.crisis && hostile.has(r.crisis.kind) && r.crisis.severity >= 40 && (r.owner === me || (r.owner !== null && allies.includes(r.owner))),
  );
  const wanted = threatened && persona.underThreat ? persona.underThreat : persona.posture;
  const policies = self.policies;
  const sharing: Record<string, typeof persona.sharingPolicy> = {};
  for (const ally of allies) if ((policies.intelSharing[ally] ?? "need-to-know") !== persona.sharingPolicy) sharing[ally] = persona.sharingPolicy;
  const change = {
    ...(policies.alertLevel !== wanted.alertLevel ? { alertLevel: wanted.alertLevel } : {}),
    ...(policies.rulesOfEngagement !== wanted.rulesOfEngagement ? { rulesOfEngagement: wanted.rulesOfEngagement } : {}),
    ...(policies.publicStance !== wanted.publicStance ? { publicStance: wanted.publicStance } : {}),
    ...(Object.keys(sharing).length ? { intelSharing: sharing } : {}),
  };
  if (Object.keys(change).length) commands.push({ type: "draftOrder", order: { kind: "setPolicy", ...change } });

  // Crises: the worst first, each answered by the fittest free asset that can be paid for.
  // What it may order: its own forces not under alliance command, and, as commander, the forces under it.
  const commander = view.allianceCommander;
  const mine = Object.values(view.assets).filter((a): a is AssetState & { foreign?: false } => !a.foreign && (a.authority ? commander === me : a.owner === me));
  const busy = new Set<string>();
  const crises = Object.values(view.regions)
    .filter((r) => r.crisis && r.crisis.severity > 0 && !world.adversaries.includes(r.owner ?? ""))
    .filter((r) => persona.respondsAbroad || r.owner === me || r.owner === null)
    .sort((a, b) => b.crisis!.severity - a.crisis!.severity || (a.id < b.id ? -1 : 1));
  // Units that cannot get there by themselves go by ship or aircraft: the carriers they need are
  // spoken for before the crisis loop sends ships on missions of their own.
  if (persona.usesLift) {
    const moves = liftMoves(view, world, mine, busy, (a, k) => fitness(world, a, k), spendable);
    for (const move of moves) {
      const order = move.type === "draftOrder" ? move.order : null;
      if (order?.kind === "prepositionAsset") budget -= typeOf(world, view.assets[order.asset]!)?.deployCost ?? 0;
      if (order?.kind === "embarkAsset") budget -= world.rules.embarkBudgetCost;
    }
    commands.push(...moves);
  }
  let deployments = 0;
  for (const region of crises) {
    if (deployments >= persona.deploymentsPerTurn) break;
    const kind = region.crisis!.kind;
    const answering = mine.some((a) => a.region === region.id && a.status === "deployed" && fitness(world, a, kind) > 0);
    if (answering && region.crisis!.severity < 60) continue;
    if (region.owner && region.owner !== me && !mayEnter(view, me, region.owner, region.id)) {
      const asked = Object.values(view.consentRequests).some(
        (c) => c.requester === me && c.region === region.id && (c.status === "pending" || c.status === "granted"),
      );
      if (!asked && persona.respondsAbroad) commands.push({ type: "requestConsent", host: region.owner, region: region.id, note: say("bots.consent.note") });
      continue;
    }
    const candidates = mine
      .filter(
        (a) =>
          !busy.has(a.id) &&
          free(a, view) &&
          fitness(world, a, kind) > 0 &&
          (typeOf(world, a)?.deployCost ?? 0) <= spendable() &&
          !a.authority?.excludedRegions.includes(region.id),
      )
      .sort((a, b) => fitness(world, b, kind) * b.strength - fitness(world, a, kind) * a.strength || (a.id < b.id ? -1 : 1));
    const asset = candidates[0];
    if (!asset) continue;
    const type = typeOf(world, asset)!;
    const preferred = hostile.has(kind) ? HOSTILE_MISSIONS : RELIEF_MISSIONS;
    const allowed = type.missions.filter((m) => !asset.authority?.excludedMissions.includes(m));
    const mission = preferred.find((m) => allowed.includes(m)) ?? allowed[0];
    if (!mission) continue;
    commands.push({ type: "draftOrder", order: { kind: "deployAsset", asset: asset.id, destination: region.id, mission } });
    busy.add(asset.id);
    budget -= type.deployCost;
    deployments++;
  }

  // Forces whose crisis is over come home (and stop costing upkeep).
  if (persona.recalls) {
    for (const asset of mine) {
      if (busy.has(asset.id) || asset.status !== "deployed" || view.regions[asset.region]?.crisis) continue;
      const home = nearestOwnRegion(world, view, me, asset);
      if (home) commands.push({ type: "draftOrder", order: { kind: "recallAsset", asset: asset.id, destination: home } });
    }
  }

  // Alliance command: a free unit placed under the commander, or a command arrangement proposed
  // (naming the first alliance member, as a lead nation) while nobody commands.
  if (chance(persona.transfersAuthority)) {
    if (commander && commander !== me) {
      const unit = mine.find((a) => a.owner === me && !a.authority && !busy.has(a.id) && free(a, view) && a.status === "ready");
      if (unit) commands.push({ type: "draftOrder", order: { kind: "transferAuthority", asset: unit.id } });
    } else if (!commander) {
      const members = Object.values(view.nations)
        .filter((n) => n.alliance && n.playable && !world.adversaries.includes(n.id))
        .map((n) => n.id)
        .sort();
      const pending = Object.values(view.agreements).some((a) => a.kind === "command-arrangement" && a.status === "proposed");
      if (!pending && members.length > 1)
        commands.push({
          type: "proposeAgreement",
          kind: "command-arrangement",
          title: say("bots.agreement.title.command-arrangement"),
          parties: members.filter((n) => n !== me),
          commander: members[0]!,
        });
    }
  }

  // An agreement of the persona's kind with an ally that has none with it.
  if (persona.proposes && chance(persona.proposals)) {
    const { kind, scope } = persona.proposes;
    const partner = allies.find(
      (ally) =>
        !Object.values(view.agreements).some((a) => a.kind === kind && a.parties.includes(ally) && (a.status === "accepted" || a.status === "proposed")),
    );
    const cost = kind === "joint-exercise-programme" ? world.rules.jointExerciseCost : 0;
    if (partner && cost <= spendable() && kind !== "command-arrangement") {
      commands.push({ type: "proposeAgreement", kind, title: say(`bots.agreement.title.${kind}`), parties: [partner], ...(scope ? { scope } : {}) });
      budget -= cost;
    }
  }

  // Intelligence: its own new reports to the alliance, as far as its capital goes; a report it may
  // not pass on as it is (national only) goes out as a releasable version, when the persona does that.
  const cost = world.rules.shareCostPoliticalCapital;
  const partners = allies.filter((a) => (policies.intelSharing[a] ?? "need-to-know") !== "none");
  // Sightings only update the picture: what a sharing persona wants to pass on, it first reports
  // (an adversary's force newly seen by its own sensors; the report is shared next turn).
  if (partners.length > 0) {
    let written = 0;
    for (const seen of sorted(view.assets)) {
      if (written >= 2) break;
      if (!seen.foreign || !seen.seen?.sensor || seen.seen.nation || seen.seen.since !== view.turn - 1 || seen.lastSeenTurn !== view.turn - 1) continue;
      if (!world.adversaries.includes(seen.owner) || seen.seen.report || !chance(persona.shares)) continue;
      commands.push({ type: "reportSighting", asset: seen.id });
      written++;
    }
  }
  for (const report of sorted(view.reports)) {
    if (report.copiedFrom !== null || report.turn < view.turn - 1 || partners.length === 0) continue;
    const own = report.originator === me;
    const national = releasabilityScope(world, report) === "national";
    if (national && (own || !Object.hasOwn(view.nations, report.originator)) && chance(persona.releasesVersions)) {
      if (capital < cost * partners.length + 10) break;
      commands.push({
        type: "releaseVersion",
        report: report.id,
        title: say("bots.release.title"),
        text: say("bots.release.text"),
        source: say("bots.release.source"),
        classification: "RESTRICTED",
        releasability: { scope: "alliance" },
        regions: report.regions.slice(0, 20),
        assets: report.assets.slice(0, 20),
        shareWith: partners,
      });
      capital -= cost * partners.length;
      continue;
    }
    if (!own || national || !chance(persona.shares)) continue;
    if (capital < cost * partners.length + 10) break;
    commands.push({ type: "shareIntel", report: report.id, with: partners });
    capital -= cost * partners.length;
  }

  // Where its reports place adversary forces near home, a unit goes to look (and to be seen).
  if (persona.actsOnSightings !== "never" && deployments < persona.deploymentsPerTurn) {
    const watched = new Set<string>();
    // Its known-forces picture: what it saw itself, was told by allies, or read in reports.
    for (const seen of sorted(view.assets)) {
      if (!seen.foreign || seen.lastSeenTurn < view.turn - 2 || (persona.actsOnSightings === "graded" && !wellGradedEntry(seen, view))) continue;
      const owner = view.regions[seen.region]?.owner ?? null;
      if (!world.adversaries.includes(seen.owner) || world.adversaries.includes(owner ?? "")) continue;
      // Near home: in its own or an ally's territory, or next to it.
      const home = (id: string) => {
        const o = view.regions[id]?.owner ?? null;
        return o === me || (o !== null && allies.includes(o));
      };
      const spec = world.regions.find((r) => r.id === seen.region);
      if (!home(seen.region) && !spec?.adjacent.some(home)) continue;
      watched.add(seen.region);
    }
    for (const region of [...watched].sort()) {
      if (mine.some((a) => a.region === region || busy.has(a.id))) continue;
      const unit = mine
        .filter((a) => !busy.has(a.id) && free(a, view) && a.status === "ready" && (typeOf(world, a)?.deployCost ?? 0) <= spendable())
        .find((a) => typeOf(world, a)?.missions.some((m) => LOOKING_MISSIONS.includes(m) && !a.authority?.excludedMissions.includes(m)));
      if (!unit) break;
      const mission = typeOf(world, unit)!.missions.find((m) => LOOKING_MISSIONS.includes(m))!;
      commands.push({ type: "draftOrder", order: { kind: "deployAsset", asset: unit.id, destination: region, mission } });
      busy.add(unit.id);
      budget -= typeOf(world, unit)!.deployCost;
      break;
    }
  }

  // Building the coalition: a joint exercise with the least interoperable partner, a dialogue with
  // those it trusts least, help for a partner.
  const byInterop = [...allies].sort(
    (a, b) => (view.relations[relationKey(me, a)]?.interoperability ?? 0) - (view.relations[relationKey(me, b)]?.interoperability ?? 0) || (a < b ? -1 : 1),
  );
  if (byInterop.length && chance(persona.jointExercises) && spendable() >= world.rules.jointExerciseCost) {
    commands.push({ type: "proposeJointExercise", partners: [byInterop[0]!], title: say("bots.jointExercise.title") });
    budget -= world.rules.jointExerciseCost;
  }
  const distrusted = allies.filter((a) => (view.relations[relationKey(me, a)]?.trust ?? 50) < 60);
  if (distrusted.length && chance(persona.dialogues) && capital >= world.rules.dialogueCostPoliticalCapital + 10) {
    commands.push({ type: "conveneDialogue", nations: distrusted, topic: say("bots.dialogue.topic") });
    capital -= world.rules.dialogueCostPoliticalCapital;
  }
  if (byInterop.length && chance(persona.capacityBuilding) && spendable() >= 40) {
    commands.push({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: byInterop[0]!, amount: 20 } });
    budget -= 20;
  }

  commands.push({ type: "commitTurn", turn: view.turn });
  return commands;
}
