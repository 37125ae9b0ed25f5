import { h } from "../ui/html.ts";
import type { Session, ConnectionStatus } from "../net/session.ts";
import { t } from "../i18n.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";

const LABEL: Record<ConnectionStatus, MessageKey> = {
  online: "game.connection.online",
  reconnecting: "game.connection.reconnecting",
  offline: "game.connection.offline",
};
const ICON: Record<ConnectionStatus, string> = { online: "●", reconnecting: "◐", offline: "○" };

/** Online / reconnecting / offline, as a shape and a word, not only a colour. */
export function connectionIndicator(session: Session): { element: HTMLElement; destroy(): void } {
  const icon = h("span", { class: "conn-icon", "aria-hidden": "true" });
  const label = h("span", { class: "conn-label" });
  const el = h("div", { class: "connection", role: "status", "aria-live": "polite", "data-status": "online" }, icon, label);
  // The session's detail is already in the reader's language (client/src/net/session.ts).
  const show = (status: ConnectionStatus, detail: string) => {
    el.dataset.status = status;
    icon.textContent = ICON[status];
    label.textContent = t(LABEL[status]);
    el.title = detail || t(LABEL[status]);
    el.setAttribute("aria-label", t("game.connection.name", { detail: detail || t(LABEL[status]) }));
  };
  const stop = session.onStatus(show);
  const offline = () => show("offline", t("game.connection.lostNetwork"));
  window.addEventListener("offline", offline);
  return {
    element: el,
    destroy() {
      stop();
      window.removeEventListener("offline", offline);
    },
  };
}
