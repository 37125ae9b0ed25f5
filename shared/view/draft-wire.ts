import type { Order } from "../state/schema.ts";
import type { DraftView } from "../engine/view-for.ts";

/**
 * A draft as it travels in a perspective: flat fields of a schema object (server/rooms/
 * room-state.ts DraftSchema) instead of one JSON string. A draft is the commonest change a team
 * sees, and as JSON it carried every field name (207 bytes at a team-mate for a setMission
 * draft); as fields it carries an index byte per field that has a value (#23, round trip).
 *
 * Empty fields ("", 0) are the defaults: the server leaves them out of a new draft, and a
 * client reads an absent field as its default. Order fields other than the flat ones (a policy
 * change's settings, a transfer's caveats) travel as JSON in `more`.
 */
export type DraftWire = {
  id: string;
  nation: string;
  author: string;
  turn: number;
  /** Draft.as, or "" for the team's own. */
  as: string;
  kind: string;
  asset: string;
  destination: string;
  mission: string;
  carrier: string;
  partner: string;
  amount: number;
  /** JSON of the order's other fields, or "". */
  more: string;
  budget: number;
  politicalCapital: number;
  readiness: number;
  /** The planned route, comma-separated (region ids have no commas), or "" when the plan has none. */
  route: string;
  eta: number;
};

const STRING_FIELDS = ["asset", "destination", "mission", "carrier", "partner"] as const;
type StringField = (typeof STRING_FIELDS)[number];
const isStringField = (key: string): key is StringField => (STRING_FIELDS as readonly string[]).includes(key);

/** The flat fields of a draft's view; defaults for what it does not have. */
export function draftToWire(draft: DraftView): DraftWire {
  const wire: DraftWire = {
    id: draft.id,
    nation: draft.nation,
    author: draft.author,
    turn: draft.turn,
    as: draft.as ?? "",
    kind: draft.order.kind,
    asset: "",
    destination: "",
    mission: "",
    carrier: "",
    partner: "",
    amount: 0,
    more: "",
    budget: 0,
    politicalCapital: 0,
    readiness: 0,
    route: "",
    eta: 0,
  };
  const more: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft.order)) {
    if (key === "kind" || value === undefined) continue;
    if (isStringField(key) && typeof value === "string" && value !== "") wire[key] = value;
    else if (key === "amount" && typeof value === "number" && value !== 0) wire.amount = value;
    else more[key] = value;
  }
  if (Object.keys(more).length > 0) wire.more = JSON.stringify(more);
  const plan = draft.plan;
  if (plan) {
    wire.budget = plan.cost.budget;
    wire.politicalCapital = plan.cost.politicalCapital;
    wire.readiness = plan.cost.readiness;
    if (plan.route) {
      wire.route = plan.route.join(",");
      wire.eta = plan.eta ?? 0;
    }
  }
  return wire;
}

/** The draft's view again from its fields as a client decoded them (absent fields are defaults). */
export function draftFromWire(wire: Partial<DraftWire>): DraftView {
  const order: Record<string, unknown> = { kind: wire.kind ?? "" };
  for (const key of STRING_FIELDS) if (wire[key]) order[key] = wire[key];
  if (wire.amount) order.amount = wire.amount;
  if (wire.more) Object.assign(order, JSON.parse(wire.more) as Record<string, unknown>);
  const plan: NonNullable<DraftView["plan"]> = {
    cost: { budget: wire.budget ?? 0, politicalCapital: wire.politicalCapital ?? 0, readiness: wire.readiness ?? 0 },
  };
  if (wire.route) {
    plan.route = wire.route.split(",");
    plan.eta = wire.eta ?? 0;
  }
  return {
    id: wire.id ?? "",
    nation: wire.nation ?? "",
    author: wire.author ?? "",
    turn: wire.turn ?? 0,
    order: order as Order,
    ...(wire.as ? { as: wire.as as NonNullable<DraftView["as"]> } : {}),
    plan,
  };
}
