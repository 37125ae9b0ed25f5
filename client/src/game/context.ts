import type { Session, CommandResult } from "../net/session.ts";
import type { ClientState, Perspective, Welcome } from "../state/client-state.ts";

export type Selection = { kind: "region"; id: string } | { kind: "asset"; id: string } | null;

/** What every panel gets on each render: the state, who is looking, and how to act. */
export type GameContext = {
  session: Session;
  state: ClientState;
  welcome: Welcome;
  perspective: Perspective | null;
  /** The nation whose view is shown: the participant's own, the one exercise control looks through, or null (white cell). */
  viewNation: string | null;
  /** True for a participant (or role-player) acting for their nation, and for exercise control acting as the nation it views. */
  canAct: boolean;
  /** Exercise control: the lead controller or a named controller. */
  isFacilitator: boolean;
  /** The lead controller (the facilitator link): seat management and ending are its alone. */
  isLead: boolean;
  send(command: { type: string } & Record<string, unknown>): Promise<CommandResult>;
  bus: GameBus;
};

/** Cross-panel actions: selecting on the map, opening a tab, pre-filling the order form. */
export type GameBus = {
  select(selection: Selection): void;
  selection(): Selection;
  showTab(id: string): void;
  prefillOrder(values: { asset?: string; destination?: string; kind?: string }): void;
  onPrefill(listener: (values: { asset?: string; destination?: string; kind?: string }) => void): void;
};

export type Panel = {
  id: string;
  title: string;
  element: HTMLElement;
  update(ctx: GameContext): void;
  /** Unread or pending items shown on the tab. */
  badge?(ctx: GameContext): number;
};
