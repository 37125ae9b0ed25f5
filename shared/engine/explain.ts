import type { EventBuilder } from "./builder.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import { msg, type Params } from "../i18n/message.ts";

/**
 * Says why a rule changed something, for the turn's results: the feed shows the message to
 * `nations` (everyone when empty) and to exercise control. Call it beside the events that carry
 * the change itself.
 */
export function explain(b: EventBuilder, rule: string, nations: readonly string[], key: MessageKey, params?: Params): void {
  b.emit({ type: "ruleApplied", rule, nations: [...new Set(nations)].sort(), msg: msg(key, params) });
}
