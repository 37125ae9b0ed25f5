import { h, keyedList, setOptions } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { commandButton, field, section, select, statusLine } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { nationName, regionName, assetName, term, scenarioText } from "../game/names.ts";
import type { ParticipantCommand } from "../../../shared/protocol/commands.ts";
import type { View } from "../../../shared/engine/view-for.ts";
import type { ClientState } from "../state/client-state.ts";

type Queued = View["playbookQueue"][string];
const MISSIONS = ["patrol", "presence", "humanitarian", "medical", "logistics", "surveillance", "cyber-defence", "deterrence", "escort", "training"];
const STANCES = ["quiet", "reassuring", "firm", "assertive"];

/** Where a queued move comes from: its nation, its playbook's level and rule (named in the seat's language), its turn. */
export function moveWhere(state: ClientState, move: Queued): string {
  return t("playbook.console.where", {
    nation: nationName(state, move.nation),
    level: scenarioText(state, move, "levelName"),
    rule: scenarioText(state, move, "ruleName"),
    turn: move.turn,
  });
}

/** What a planned move will do, in plain words (never its command name). */
export function moveWords(state: ClientState, move: { nation: string; command: ParticipantCommand }, perspective: GameContext["perspective"]): string {
  const nation = nationName(state, move.nation);
  const c = move.command;
  switch (c.type) {
    case "draftOrder": {
      const o = c.order;
      if (o.kind === "deployAsset")
        return t("playbook.move.deploy", {
          nation,
          asset: assetName(state, o.asset),
          region: regionName(state, o.destination),
          mission: term("mission", o.mission),
        });
      if (o.kind === "prepositionAsset")
        return t("playbook.move.preposition", { nation, asset: assetName(state, o.asset), region: regionName(state, o.destination) });
      if (o.kind === "recallAsset") return t("playbook.move.recall", { nation, asset: assetName(state, o.asset), region: regionName(state, o.destination) });
      if (o.kind === "setMission") return t("playbook.move.setMission", { nation, asset: assetName(state, o.asset), mission: term("mission", o.mission) });
      if (o.kind === "setPolicy") return t("playbook.move.setPolicy", { nation });
      return t("playbook.move.order", { nation });
    }
    case "makeStatement":
      return t("playbook.move.statement", { nation, stance: term("publicStance", c.stance), text: c.text });
    case "sendMessage": {
      const other = c.channel
        .split(":")
        .slice(1)
        .find((id) => id !== move.nation);
      return t("playbook.move.message", {
        nation,
        channel: other ? nationName(state, other) : c.channel === "alliance" ? t("game.tabs.nations") : t("common.unknown"),
        text: c.text,
      });
    }
    case "answerConsent": {
      const request = perspective?.consentRequests[c.request];
      return t("playbook.move.consent", {
        nation,
        grant: c.grant ? "yes" : "no",
        requester: request ? nationName(state, request.requester) : t("common.unknown"),
        region: request ? regionName(state, request.region) : t("common.unknown"),
      });
    }
    case "answerAgreement":
      return t("playbook.move.agreement", {
        nation,
        accept: c.accept ? "yes" : "no",
        agreement: perspective?.agreements[c.agreement]?.title ?? t("common.unknown"),
      });
    case "answerInfo": {
      const request = perspective?.infoRequests[c.request];
      return t("playbook.move.info", { nation, requester: request ? nationName(state, request.requester) : t("common.unknown"), text: c.answer });
    }
    default:
      return t("playbook.move.order", { nation });
  }
}

/** The editable fields of a move, and the command they make. */
function editor(state: ClientState, command: ParticipantCommand): { element: HTMLElement; build(): ParticipantCommand } {
  const text = (value: string) => h("textarea", { name: "text", rows: "3", maxlength: "2000" }, value);
  switch (command.type) {
    case "makeStatement": {
      const stance = select(
        "stance",
        STANCES.map((s) => ({ value: s, label: term("publicStance", s) })),
      );
      stance.value = command.stance;
      const body = text(command.text);
      return {
        element: h("div", {}, field(t("playbook.console.field.stance"), stance), field(t("playbook.console.field.text"), body)),
        build: () => ({ ...command, stance: stance.value as typeof command.stance, text: body.value.trim() }),
      };
    }
    case "sendMessage": {
      const body = text(command.text);
      return { element: field(t("playbook.console.field.text"), body), build: () => ({ ...command, text: body.value.trim() }) };
    }
    case "answerInfo": {
      const body = text(command.answer);
      return { element: field(t("playbook.console.field.answer"), body), build: () => ({ ...command, answer: body.value.trim() }) };
    }
    case "answerConsent":
    case "answerAgreement": {
      const yes = h("input", { type: "checkbox", name: "grant" });
      yes.checked = command.type === "answerConsent" ? command.grant : command.accept;
      return {
        element: field(t("playbook.console.field.grant"), yes),
        build: () => (command.type === "answerConsent" ? { ...command, grant: yes.checked } : { ...command, accept: yes.checked }),
      };
    }
    case "draftOrder": {
      const o = command.order;
      const destination = select(
        "destination",
        state.scenario.regions.map((r) => ({ value: r.id, label: regionName(state, r.id) })),
      );
      const mission = select(
        "mission",
        MISSIONS.map((m) => ({ value: m, label: term("mission", m) })),
      );
      const parts: HTMLElement[] = [];
      if ("destination" in o && o.destination) (destination.value = o.destination), parts.push(field(t("playbook.console.field.destination"), destination));
      if ("mission" in o && o.mission) (mission.value = o.mission), parts.push(field(t("playbook.console.field.mission"), mission));
      return {
        element: h("div", {}, parts),
        build: () => ({
          ...command,
          order: { ...o, ...("destination" in o ? { destination: destination.value } : {}), ...("mission" in o ? { mission: mission.value } : {}) } as typeof o,
        }),
      };
    }
    default:
      return { element: h("div", {}), build: () => command };
  }
}

/**
 * The approval queue (docs/PLAY.md): each adversary-playbook move a nation set to "approve each"
 * planned, in plain words with its nation, level, rule and turn; exercise control approves it,
 * edits its fields and approves, or drops it, with a reason that goes in the log. Above it, the
 * playbook mode of each nation no team plays.
 */
export function playbookPanel(getCtx: () => GameContext): Panel {
  const list = h("ol", { class: "playbook-queue", "aria-label": t("playbook.console.title") });
  const empty = h("p", { class: "empty" }, t("playbook.console.empty"));
  const modes = h("div", { class: "playbook-modes" });
  const send = (c: { type: string } & Record<string, unknown>) => getCtx().send(c);
  const render = (move: Queued) => {
    const ctx = getCtx();
    const status = statusLine();
    const reason = h("input", { type: "text", name: "reason", maxlength: "500", "aria-label": t("playbook.console.reason") });
    const edit = editor(ctx.state, move.command);
    const editing = h("div", { class: "playbook-edit", hidden: true }, edit.element);
    const approve = commandButton(
      t("playbook.console.approve"),
      { class: "primary" },
      () => ({ type: "approvePlaybookMove", move: move.id, reason: reason.value.trim() }),
      send,
      status,
      t("playbook.console.approved"),
    );
    const save = commandButton(
      t("playbook.console.save"),
      { class: "primary" },
      () => ({ type: "approvePlaybookMove", move: move.id, command: edit.build(), reason: reason.value.trim() }),
      send,
      status,
      t("playbook.console.approved"),
    );
    editing.append(save);
    const toggle = h("button", { type: "button" }, t("playbook.console.edit"));
    toggle.addEventListener("click", () => {
      editing.hidden = !editing.hidden;
      toggle.textContent = editing.hidden ? t("playbook.console.edit") : t("playbook.console.cancel");
    });
    const drop = h("button", { type: "button" }, t("playbook.console.drop"));
    drop.addEventListener("click", async () => {
      if (!reason.value.trim()) return status.error(t("playbook.console.reasonNeeded"));
      drop.disabled = true;
      status.show(await send({ type: "dropPlaybookMove", move: move.id, reason: reason.value.trim() }), t("playbook.console.dropped"));
      drop.disabled = false;
    });
    return h(
      "li",
      { class: "playbook-move", "data-move": move.id },
      h("p", { class: "meta" }, moveWhere(ctx.state, move)),
      h("p", { class: "what" }, moveWords(ctx.state, move, ctx.perspective)),
      field(t("playbook.console.reason"), reason),
      h("div", { class: "actions" }, approve, toggle, drop),
      editing,
      status.element,
    );
  };
  const modeRows = new Map<string, HTMLElement>();
  return {
    id: "playbook",
    title: t("playbook.console.tab"),
    element: h("div", { class: "panel" }, h("h2", {}, t("playbook.console.title")), modes, section(t("playbook.console.tab"), empty, list)),
    update(ctx) {
      for (const nation of Object.values(ctx.state.nations).filter((n) => !n.playable)) {
        if (modeRows.has(nation.id)) continue;
        const status = statusLine();
        const mode = select(`playbook-${nation.id}`);
        setOptions(
          mode,
          ["automatic", "approve", "off"].map((m) => ({ value: m, label: t(`playbook.console.mode.${m}` as "playbook.console.mode.off") })),
        );
        mode.addEventListener("change", async () =>
          status.show(await send({ type: "setNationControl", nation: nation.id, by: "control", playbook: mode.value }), t("playbook.console.modeSet")),
        );
        const row = h("div", { class: "row" }, field(t("playbook.console.mode", { nation: nationName(ctx.state, nation.id) }), mode), status.element);
        modeRows.set(nation.id, row);
        modes.append(row);
      }
      const queue = Object.values(ctx.perspective?.playbookQueue ?? {}).sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)));
      empty.hidden = queue.length > 0;
      keyedList(list, queue, (m) => m.id, render);
    },
    badge: (ctx) => Object.keys(ctx.perspective?.playbookQueue ?? {}).length,
  };
}
