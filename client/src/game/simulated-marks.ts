import { h } from "../ui/html.ts";
import { t } from "../i18n.ts";
import type { Draft } from "../../../shared/state/schema.ts";
import type { PublicNationRow, ClientState } from "../state/client-state.ts";

/** ICU select option names cannot hold hyphens: "free-rider" → "freeRider". */
const selectable = (value: string) => value.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Who plays a nation when it is not its own team ("bot (cautious)", "exercise control"), in the
 * reader's language; null for a team played by its people, or a nation without a team played,
 * as by default, by exercise control.
 */
export function simulatedPlayer(nation: PublicNationRow | undefined): string | null {
  const control = nation?.control;
  if (!nation || !control || control.by === "people" || (!nation.playable && control.by === "control")) return null;
  return t("botNations.mark.player", { by: control.by, persona: { key: "botNations.persona", params: { persona: selectable(control.persona ?? "") } } });
}

/** The badge on a draft someone else made for the team (a bot, a role-player, exercise control). */
export function draftMark(draft: Draft): HTMLElement | null {
  if (!draft.as) return null;
  return h(
    "span",
    {
      class: "simulated-mark",
      "data-simulated": draft.as,
      title: t("botNations.mark.draftName", { who: draft.author }),
      "aria-label": t("botNations.mark.draftName", { who: draft.author }),
    },
    `⚙ ${t("botNations.mark.draft", { as: draft.as })}`,
  );
}

/** The assets a draft made for their team by someone else (a bot …) gives an order to: marked on the map. */
export function simulatedAssets(state: ClientState): Set<string> {
  const marked = new Set<string>();
  for (const draft of Object.values(state.perspective?.drafts ?? {})) {
    const asset = (draft.order as { asset?: unknown }).asset;
    if (draft.as && typeof asset === "string") marked.add(asset);
  }
  return marked;
}
