import { decide } from "../../shared/engine/decide.ts";
import { stamp } from "../../shared/engine/evolve.ts";
import { RandomStream } from "../../shared/engine/prng.ts";
import { channelFor } from "../../shared/engine/channels.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";

/**
 * A long exercise's chat, as the log of a started exercise continues: `total` messages, of which
 * `inOne` on one team channel (the first playable nation's, `channel`), the rest spread over the
 * other teams, the bilaterals and the alliance, written through the real engine. Seeded; the
 * one channel's texts are returned in log order, which is what the page must show.
 */
export function makeChatLog(state: ExerciseState, total: number, inOne: number, seed = 5): { events: ExerciseEvent[]; channel: string; texts: string[] } {
  const random = new RandomStream(seed);
  const playable = Object.values(state.nations)
    .filter((n) => n.playable)
    .map((n) => n.id)
    .sort();
  const me = playable[0]!;
  const channel = `team:${me}`;
  const texts: string[] = [];
  const events: ExerciseEvent[] = [];
  let now = Date.now() - total * 1000;
  const run = (command: Command, actor: Actor) => {
    const decision = decide(state, command, actor, (now += 997));
    if ("rejected" in decision) throw new Error(`chat log: ${command.type} refused: ${JSON.stringify(decision.rejected)}`);
    events.push(...stamp(state, decision.events, now));
    state = decision.state;
  };
  if (state.phase !== "running") run({ type: "startExercise" }, { role: "facilitator", name: "Lead controller" });
  let inOneLeft = inOne;
  for (let n = 0; n < total; n++) {
    // The one channel's share, spread evenly through the exercise.
    const mine = inOneLeft > 0 && random.next() < inOneLeft / (total - n);
    const nation = mine ? me : playable[1 + Math.floor(random.next() * (playable.length - 1))]!;
    const roll = random.next();
    const where = mine
      ? channel
      : roll < 0.6
        ? `team:${nation}`
        : roll < 0.85
          ? channelFor("bilateral", nation, playable[(playable.indexOf(nation) + 1) % playable.length]!)
          : "alliance";
    const text = `Line ${n}: ${mine ? "our" : "a"} watch on sector ${n % 40} reports ${["quiet", "movement", "a contact", "a patrol"][n % 4]}; brief at ${String(n % 24).padStart(2, "0")}00.`;
    run({ type: "sendMessage", channel: where, text }, { role: "participant", nation, name: `${nation} officer ${n % 22}` });
    if (mine) {
      texts.push(text);
      inOneLeft--;
    }
  }
  return { events, channel, texts };
}
