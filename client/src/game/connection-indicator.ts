import { h } from "../ui/html.ts";
import type { Session, ConnectionStatus } from "../net/session.ts";

const LABEL: Record<ConnectionStatus, string> = { online: "Online", reconnecting: "Reconnecting…", offline: "Offline" };
const ICON: Record<ConnectionStatus, string> = { online: "●", reconnecting: "◐", offline: "○" };

/** Online / reconnecting / offline, as a shape and a word, not only a colour. */
export function connectionIndicator(session: Session): HTMLElement {
  const icon = h("span", { class: "conn-icon", "aria-hidden": "true" });
  const label = h("span", { class: "conn-label" });
  const el = h("div", { class: "connection", role: "status", "aria-live": "polite", "data-status": "online" }, icon, label);
  const show = (status: ConnectionStatus, detail: string) => {
    el.dataset.status = status;
    icon.textContent = ICON[status];
    label.textContent = LABEL[status];
    el.title = detail || LABEL[status];
    el.setAttribute("aria-label", `Connection: ${detail || LABEL[status]}`);
  };
  session.onStatus(show);
  window.addEventListener("offline", () => show("offline", "Offline: this computer lost its network."));
  return el;
}
