import { h, keyedList } from "../ui/html.ts";
import { field, select, statusLine } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { PublicNationRow } from "../state/client-state.ts";
import { nationName } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { PERSONA_IDS } from "../../../shared/bots/personas.ts";

/** ICU select option names cannot hold hyphens: "free-rider" → "freeRider". */
const selectable = (value: string) => value.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Who plays a nation as one select value: "people", "bot:<persona>", "roleplayer", "control". */
function controllerOf(nation: PublicNationRow): string {
  const by = nation.control?.by ?? (nation.playable ? "people" : "control");
  return by === "bot" ? `bot:${nation.control?.persona ?? "cooperative"}` : by;
}

/**
 * Who plays each nation, and the way out when a table is empty: per nation, its people, a bot
 * persona, a role-player or exercise control (a select that sends setNationControl at once,
 * before the start too), how many of its people are online, the adversary playbook's mode for a
 * nation without a team, and "Commit for this team" (the commit made by exercise control for
 * it, `actAs`), so an empty team no longer holds the turn.
 */
export function nationControlPanel(getCtx: () => GameContext): Panel {
  const status = statusLine();
  const list = h("div", { class: "nation-control" });
  const setControl = async (nation: string, value: string) => {
    const [by, persona] = value.split(":");
    const result = await getCtx().send({ type: "setNationControl", nation, by: by!, ...(persona ? { persona } : {}) });
    status.show(result, t("botNations.console.set", { nation: nationName(getCtx().state, nation) }));
  };

  const row = (ctx: GameContext, nation: PublicNationRow) => {
    const name = nationName(ctx.state, nation.id);
    const options = [
      ...(nation.playable ? [{ value: "people", label: t("botNations.console.people") }] : []),
      // Bots play a team's nation (its personas are ways of being an ally); a nation without a team has its playbook.
      ...(nation.playable || nation.control?.by === "bot"
        ? PERSONA_IDS.map((p) => ({ value: `bot:${p}`, label: t("botNations.console.bot", { persona: selectable(p) }) }))
        : []),
      { value: "roleplayer", label: t("botNations.console.roleplayer") },
      { value: "control", label: t("botNations.console.control") },
    ];
    const by = select("by", options, { "data-nation": nation.id });
    by.value = controllerOf(nation);
    by.addEventListener("change", () => void setControl(nation.id, by.value));
    const playbook = nation.playable
      ? null
      : select(
          "playbook",
          ["automatic", "approve", "off"].map((value) => ({ value, label: t("botNations.console.playbook", { mode: value }) })),
          { "data-playbook-for": nation.id },
        );
    if (playbook) {
      playbook.value = nation.control?.playbook ?? "automatic";
      playbook.addEventListener("change", async () => {
        const [kind, persona] = controllerOf(nation).split(":");
        const result = await getCtx().send({
          type: "setNationControl",
          nation: nation.id,
          by: kind!,
          ...(persona ? { persona } : {}),
          playbook: playbook.value,
        });
        status.show(result, t("botNations.console.set", { nation: name }));
      });
    }
    const running = ctx.state.phase === "running";
    const commit =
      nation.playable && running && !nation.committed ? h("button", { type: "button", "data-commit-for": nation.id }, t("botNations.console.commitFor")) : null;
    commit?.setAttribute("aria-label", t("botNations.console.commitForName", { nation: name }));
    commit?.addEventListener("click", async () => {
      commit.disabled = true;
      const result = await getCtx().session.send({ type: "commitTurn", turn: getCtx().state.turn }, nation.id);
      commit.disabled = false;
      status.show(result, t("botNations.console.committedFor", { nation: name }));
    });
    const empty = nation.playable && nation.online === 0 && controllerOf(nation) === "people" && !(running && nation.committed);
    return h(
      "section",
      { class: "nation-control-row", "aria-label": name, "data-nation": nation.id },
      h("h3", {}, h("span", { class: "swatch", style: `background:${nation.color}`, "aria-hidden": "true" }), " ", name),
      h(
        "p",
        { class: "muted" },
        nation.playable ? t("botNations.console.online", { count: nation.online }) : t("botNations.console.noTeam"),
        nation.playable && running ? ` · ${nation.committed ? t("console.control.committed") : t("console.control.planning")}` : "",
      ),
      field(t("botNations.console.playedBy", { nation: name }), by),
      playbook ? field(t("botNations.console.playbookField", { nation: name }), playbook) : null,
      empty ? h("p", { class: "hint" }, t("botNations.console.emptyHint")) : null,
      commit ? h("div", { class: "actions" }, commit) : null,
    );
  };

  return {
    id: "nation-control",
    title: t("botNations.console.tab"),
    element: h(
      "div",
      { class: "panel" },
      h("h2", {}, t("botNations.console.title")),
      h("p", { class: "muted" }, t("botNations.console.intro")),
      list,
      status.element,
    ),
    update(ctx) {
      const nations = Object.values(ctx.state.nations).sort(
        (a, b) => Number(b.playable) - Number(a.playable) || nationName(ctx.state, a.id).localeCompare(nationName(ctx.state, b.id), lang()),
      );
      keyedList(
        list,
        nations,
        (n) => n.id,
        (n) => row(ctx, n),
        (n) => JSON.stringify([n, ctx.state.phase, lang()]),
      );
    },
  };
}
