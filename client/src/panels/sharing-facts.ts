import type { ClientState } from "../state/client-state.ts";
import type { SharingFacts } from "../../../shared/engine/releasability.ts";
import { sharingRefusal } from "../../../shared/engine/releasability.ts";
import type { Report } from "../../../shared/state/schema.ts";

/**
 * The sharing rules' questions (shared/engine/releasability.ts) answered from what a seat knows,
 * so the share form and the tear line's preview say in advance what the engine will decide. The
 * engine still decides: a side the seat cannot see (an ally marked adversary) shows there.
 */
export function clientFacts(state: ClientState): SharingFacts {
  const spec = (id: string) => state.scenario.nations.find((n) => n.id === id);
  return {
    isNation: (id) => Boolean(spec(id)),
    isAllied: (id) => Boolean(spec(id)?.alliance),
    policy: (sender, partner) => {
      const sharing = state.perspective?.nations[sender]?.policies.intelSharing ?? {};
      return Object.hasOwn(sharing, partner) ? sharing[partner]! : "need-to-know";
    },
    // Reports in a view carry their releasability (viewFor fills in the classification's).
    defaultScope: (classification) => (classification === "SECRET" ? "national" : classification === "UNCLASSIFIED" ? "all" : "alliance"),
  };
}

/** Why the seat's nation may not pass this report to a partner (the refusal's code and sentence), or null. */
export function refusalFor(state: ClientState, sender: string, report: Pick<Report, "classification" | "releasability" | "originator">, partner: string) {
  return sharingRefusal(clientFacts(state), sender, report, partner);
}
