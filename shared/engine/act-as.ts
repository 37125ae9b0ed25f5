import type { ExerciseState } from "../state/schema.ts";
import type { Actor } from "../protocol/commands.ts";
import { RejectionCode, refuse, named, type Rejection } from "../protocol/rejections.ts";
import { englishNames } from "./words.ts";
import { ref } from "../i18n/message.ts";
import { inScope } from "./control-scope.ts";

/**
 * Exercise control playing a nation in person ("Act as <nation>" on the console, the command
 * envelope's `actAs`): the lead controller for any nation, a controller for the nations it
 * controls. The move is then that nation's, made through the same `decide` as its team's and
 * recorded as simulated by control (`actedFor`), signed with the controller's own name.
 */
export function actingAs(state: ExerciseState, actor: Actor, nation: string): Actor | { rejected: Rejection } {
  if (actor.role !== "facilitator" && actor.role !== "controller") return { rejected: refuse(RejectionCode.NotFacilitator, "seats.actAs.controlOnly") };
  if (!Object.hasOwn(state.nations, nation)) return { rejected: refuse(RejectionCode.UnknownNation, "engine.nation.unknown") };
  if (!inScope(actor, nation))
    return {
      rejected: named(
        refuse(RejectionCode.OutOfScope, "seats.scope.outside", {
          nation: ref("nation", nation),
          nations: (actor.role === "controller" ? (actor.nations ?? []) : []).map((n) => ref("nation", n)),
        }),
        englishNames(state),
      ),
    };
  return { role: "participant", nation, name: actor.name, simulated: "control" };
}
