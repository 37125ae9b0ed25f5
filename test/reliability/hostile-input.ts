import type { Rng } from "./support.ts";

/**
 * Generators of hostile input for the protocol fuzz test, all driven by a seeded Rng: payloads
 * for the SDK's `room.send` (which msgpack-encodes them), and raw websocket frames the SDK would
 * never produce. Ids are those of the tiny test scenario.
 */
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then", "toJSON"];
const WEIRD_STRINGS = [
  "",
  " ",
  "\u0000",
  "\ud800",
  "\u202eevil",
  "<script>alert(1)</script>",
  "'; DROP TABLE events; --",
  "team:north",
  "team:south",
  "ghost",
  "%s%n%x",
  "../../etc/passwd",
  "white",
  "*",
];
const NUMBERS = [0, -1, 1, 0.5, -0, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 1, 4294967296, -2147483649];

export function hostileValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 5 : 9)) {
    case 0:
      return rng.pick([null, undefined, true, false]);
    case 1:
      return rng.pick(NUMBERS);
    case 2:
      return rng.pick(WEIRD_STRINGS);
    case 3:
      return rng.pick(["A", "é", "漢", "🛰"]).repeat(rng.pick([65, 121, 1001, 2001, 4001, 12_000]));
    case 4:
      return rng.pick(["north", "south", "red", "island", "n-frigate", "r-frigate", "storm-warning", "r1", "d1", "q1"]);
    case 5:
      return Array.from({ length: rng.int(4) }, () => hostileValue(rng, depth + 1));
    case 6: {
      const out: Record<string, unknown> = {};
      for (let i = 0, n = 1 + rng.int(3); i < n; i++) out[rng.pick(HOSTILE_KEYS)] = hostileValue(rng, depth + 1);
      return out;
    }
    case 7:
      return nest(rng, 20 + rng.int(180));
    default:
      return {
        type: rng.pick(["draftOrder", "adjustState", "timerExpired", "launchMissiles", "", "constructor"]),
        [rng.pick(HOSTILE_KEYS)]: hostileValue(rng, depth + 1),
      };
  }
}

function nest(rng: Rng, depth: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = rng.chance(0.5) ? [v] : { nested: v };
  return v;
}

/** Commands that are valid in the tiny scenario for some role; mutated, they probe validation deep down. */
function templates(rng: Rng): Record<string, unknown>[] {
  return [
    { type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } },
    { type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } },
    { type: "draftOrder", order: { kind: "setPolicy", alertLevel: "elevated", intelSharing: { south: "full" } } },
    { type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: 5 } },
    { type: "withdrawDraft", draft: "d1" },
    { type: "sendMessage", channel: rng.pick(["alliance", "public", "team:north", "bilateral:north:south", "facilitator:north"]), text: "Fuzz message." },
    { type: "makeStatement", stance: "firm", text: "We stand firm." },
    { type: "pingRegion", region: "island" },
    { type: "requestInfo", to: "south", question: "What do you see?" },
    { type: "proposeAgreement", kind: "mou", title: "Fuzz deal", parties: ["south"], durationTurns: 2 },
    { type: "shareIntel", report: "r1", with: ["south"], redactedText: "Redacted." },
    { type: "adjustState", effects: [{ kind: "stability", region: "island", delta: 3 }], rationale: "Fuzz." },
    { type: "adjustState", effects: [{ kind: "budget", nation: "north", delta: -1 }], rationale: "Fuzz." },
    { type: "setTurnTimer", seconds: 600 },
    { type: "grantIntel", to: ["north"], report: { title: "Fuzz tip", text: "A tip.", assets: ["r-frigate"] } },
    { type: "fireInject", inject: { number: "F.1", type: "information", from: "Fuzz", to: ["south"], title: "Fuzz inject", body: "Body." } },
    { type: "addNote", text: "Fuzz note." },
    { type: "facilitatorMessage", to: "north", text: "Fuzz." },
    { type: "recordImprovement", issue: "Fuzz issue", recommendation: "Fuzz it." },
  ];
}

/** Replaces, deletes or adds one field somewhere inside a (cloned) command. */
function mutate(rng: Rng, command: Record<string, unknown>): unknown {
  const root = structuredClone(command);
  let target: Record<string, unknown> = root;
  for (;;) {
    const nested = Object.entries(target).filter(([, v]) => v && typeof v === "object" && !Array.isArray(v));
    if (nested.length === 0 || rng.chance(0.5)) break;
    target = rng.pick(nested)[1] as Record<string, unknown>;
  }
  const keys = Object.keys(target);
  const roll = rng.int(3);
  if (roll === 0 && keys.length) target[rng.pick(keys)] = hostileValue(rng);
  else if (roll === 1 && keys.length) delete target[rng.pick(keys)];
  else target[rng.pick(HOSTILE_KEYS)] = hostileValue(rng);
  return root;
}

export type HostileMessage = { type: string | number; payload: unknown; label: string };

/**
 * One message as `room.send(type, payload)` (message types stay short: the SDK reserves only a
 * few bytes for the header and corrupts the frame of a long type; long types go in as raw frames). Mostly `command` envelopes (valid commands
 * mutated, garbage in their place, broken ids), some unknown or special message types.
 */
export function hostileMessage(rng: Rng, n: number): HostileMessage {
  const roll = rng.next();
  if (roll < 0.75) {
    const command = rng.chance(0.7) ? mutate(rng, rng.pick(templates(rng))) : rng.chance(0.2) ? rng.pick(templates(rng)) : hostileValue(rng);
    const id = rng.chance(0.85) ? `fz-${n}` : hostileValue(rng);
    const envelope = rng.chance(0.9) ? { id, command } : hostileValue(rng);
    return { type: "command", payload: envelope, label: "command" };
  }
  const type = rng.pick<string | number>([
    "whoami",
    "viewAs",
    "*",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "no-such-type",
    "",
    "x".repeat(25),
    0,
    13,
    99,
    -1,
    "command ",
  ]);
  return { type, payload: hostileValue(rng), label: `type ${JSON.stringify(type).slice(0, 20)}` };
}

// A small msgpack encoder for frames the SDK's encoder would refuse to produce.
function mpString(s: string): number[] {
  const b = [...Buffer.from(s)];
  if (b.length < 32) return [0xa0 | b.length, ...b];
  if (b.length < 256) return [0xd9, b.length, ...b];
  return [0xda, b.length >> 8, b.length & 0xff, ...b];
}
function mpMap(entries: [string, number[]][]): number[] {
  return [0x80 | entries.length, ...entries.flatMap(([k, v]) => [...mpString(k), ...v])];
}

const ROOM_DATA = 13;
const ROOM_DATA_BYTES = 17;
const ROOM_REQUEST = 21;
const COMMAND = mpString("command");

export type RawFrame = { label: string; bytes: Uint8Array | string };

/**
 * Frames written straight to the websocket: broken protocol codes, broken msgpack, lying
 * lengths, deep nesting, a prototype key the SDK would not encode, text frames, random bytes,
 * and bit-flipped copies of a real command frame (`sample`).
 */
export function rawFrames(rng: Rng, sample: Uint8Array): RawFrame[] {
  const frame = (label: string, bytes: number[]) => ({ label, bytes: Uint8Array.from(bytes) });
  const ping = mpMap([
    ["id", mpString("raw-ok")],
    [
      "command",
      mpMap([
        ["type", mpString("pingRegion")],
        ["region", mpString("island")],
      ]),
    ],
  ]);
  const fixed: RawFrame[] = [
    frame("empty binary frame", []),
    frame("ROOM_DATA without a type", [ROOM_DATA]),
    frame("ROOM_DATA, invalid msgpack byte 0xc1", [ROOM_DATA, ...COMMAND, 0xc1]),
    frame("ROOM_DATA, str32 claiming 4 GB", [ROOM_DATA, ...COMMAND, 0xdb, 0xff, 0xff, 0xff, 0xff, 0x41]),
    frame("ROOM_DATA, type str32 claiming 4 GB", [ROOM_DATA, 0xdb, 0xff, 0xff, 0xff, 0xff, 0x41]),
    frame("ROOM_DATA, map32 claiming 4 billion entries", [ROOM_DATA, ...COMMAND, 0xdf, 0xff, 0xff, 0xff, 0xff]),
    frame("ROOM_DATA, array32 claiming 4 billion items", [ROOM_DATA, ...COMMAND, 0xdd, 0xff, 0xff, 0xff, 0xff]),
    frame("ROOM_DATA, 40,000 nested arrays", [ROOM_DATA, ...COMMAND, ...new Array(40_000).fill(0x91), 0xc0]),
    frame("ROOM_DATA, unknown msgpack extension", [ROOM_DATA, ...COMMAND, 0xd4, 0x7f, 0x00]),
    frame("ROOM_DATA, timestamp extension as the id", [ROOM_DATA, ...COMMAND, 0x82, ...mpString("id"), 0xd6, 0xff, 0, 0, 0, 1, ...mpString("command"), 0xc0]),
    frame("ROOM_DATA, __proto__ key in the command", [
      ROOM_DATA,
      ...COMMAND,
      ...mpMap([
        ["id", mpString("raw-proto")],
        [
          "command",
          mpMap([
            ["__proto__", mpMap([["type", mpString("adjustState")]])],
            ["type", mpString("pingRegion")],
            ["region", mpString("island")],
          ]),
        ],
      ]),
    ]),
    frame("ROOM_DATA, command with trailing garbage", [ROOM_DATA, ...COMMAND, ...ping, 0xc1, 0xff]),
    frame("ROOM_DATA, 250-character type", [ROOM_DATA, ...mpString("x".repeat(250)), ...ping]),
    frame("ROOM_DATA, numeric type 2^32", [ROOM_DATA, 0xce, 0xff, 0xff, 0xff, 0xff, ...ping]),
    frame("ROOM_REQUEST for a command", [ROOM_REQUEST, 0x01, ...COMMAND, ...ping]),
    frame("ROOM_REQUEST to an unknown type", [ROOM_REQUEST, 0x02, ...mpString("nope"), 0xc0]),
    frame("ROOM_REQUEST to the wildcard", [ROOM_REQUEST, 0x03, ...mpString("*"), ...ping]),
    frame("ROOM_REQUEST, truncated", [ROOM_REQUEST]),
    frame("ROOM_DATA_BYTES for command", [ROOM_DATA_BYTES, ...COMMAND, 1, 2, 3]),
    frame("input frame with no input controller", [19, 1, 2, 3]),
    frame("unreliable input frame", [20, 5, 1, 2]),
    frame("JOIN_ROOM again", [10]),
    frame("PING", [18]),
    frame("server-only code ROOM_STATE_PATCH", [15, 0xff, 0xff]),
    { label: "text frame", bytes: "hello, is this JSON?" },
    { label: "text frame that looks like a command", bytes: JSON.stringify({ id: "t", command: { type: "pingRegion", region: "island" } }) },
  ];
  const random: RawFrame[] = Array.from({ length: 8 }, (_, i) => {
    const length = 1 + rng.int(300);
    const bytes = Array.from({ length }, () => rng.int(256));
    bytes[0] = rng.pick([ROOM_DATA, ROOM_DATA_BYTES, ROOM_REQUEST, 19, 20, rng.int(256)]);
    return frame(`random bytes #${i} (${length} B)`, bytes);
  });
  const mutated: RawFrame[] = Array.from({ length: 8 }, (_, i) => {
    const bytes = [...sample];
    const how = rng.int(3);
    if (how === 0) for (let k = 0, n = 1 + rng.int(4); k < n; k++) bytes[1 + rng.int(bytes.length - 1)] = rng.int(256);
    else if (how === 1) bytes.length = 1 + rng.int(bytes.length - 1);
    else bytes.splice(1 + rng.int(bytes.length - 1), 0, ...Array.from({ length: 1 + rng.int(8) }, () => rng.int(256)));
    return frame(`real command frame ${["with flipped bytes", "truncated", "with bytes inserted"][how]} #${i}`, bytes);
  });
  return [...fixed, ...random, ...mutated];
}
