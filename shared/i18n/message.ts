import type { MessageKey } from "./catalog/index.ts";

/**
 * What the engine, the server and the feeds say, as data: a catalogue key and its values, never
 * prose. The reader's screen renders it in the reader's language (format.ts). Values that name
 * something of the scenario (a nation, a region, an asset …) travel as references, so the name
 * is looked up in the reader's language too.
 */
export type Ref = { ref: RefKind; id: string };
/**
 * `injectSender`: the inject's "from" (a ministry, a news agency), written by the author; its id is the inject's.
 * `playbookLevel`, `playbookRule`: a level or a rule of a nation's playbook, named for exercise control; id "<nation>/<level>" or "<nation>/<rule>".
 */
export type RefKind =
  | "nation"
  | "region"
  | "asset"
  | "inject"
  | "injectSender"
  | "objective"
  | "report"
  | "agreement"
  | "mission"
  | "assetType"
  | "playbookLevel"
  | "playbookRule";
export type Param = string | number | boolean | Ref | Msg | readonly Param[];
export type Params = { readonly [name: string]: Param };
export type Msg = { key: MessageKey; params?: Params };

export function msg(key: MessageKey, params?: Params): Msg {
  return params ? { key, params } : { key };
}

export const ref = (kind: RefKind, id: string): Ref => ({ ref: kind, id });

export function isMsg(value: unknown): value is Msg {
  return typeof value === "object" && value !== null && typeof (value as Msg).key === "string" && !("ref" in value);
}

export function isRef(value: unknown): value is Ref {
  return typeof value === "object" && value !== null && typeof (value as Ref).ref === "string" && typeof (value as Ref).id === "string";
}
