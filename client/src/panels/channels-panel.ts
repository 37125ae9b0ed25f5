import { h, keyedList, setText } from "../ui/html.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { nationName } from "../game/names.ts";
import { channelsFor, type ChannelInfo } from "./channel-list.ts";
import { ChatHistory, type EarlierPage } from "./chat-history.ts";
import { MessageList } from "./message-list.ts";
import { LIVE_MESSAGES_PER_CHANNEL } from "../../../shared/view/chat-window.ts";
import { request } from "../net/http.ts";
import { t, lang } from "../i18n.ts";
import { panelWords } from "./words.ts";
import type { Message } from "../../../shared/state/schema.ts";

/** Messages a "Show earlier" brings, from the server or from memory. */
const EARLIER_PAGE = 100;

/**
 * Channels with unread counts: team, exercise control, alliance, bilateral, public. What was
 * read is remembered per seat in localStorage, so a reload does not mark everything unread.
 */
export function channelsPanel(getCtx: () => GameContext): Panel {
  const w = panelWords();
  const list = w.attr(h("ul", { class: "channel-list" }), "aria-label", "panels.channels.title");
  const heading = h("h3", { id: "channel-heading" }, "");
  // One list per channel read, kept while another is shown: opening a channel of 10,000 loaded
  // messages puts its list back instead of making 10,000 items again, and a state patch adds
  // only the messages new to it (message-list.ts).
  const logs = new Map<string, MessageList>();
  /**
   * Per list, how many of its oldest messages are left out of the page. A channel opened again
   * shows its newest LIVE_MESSAGES_PER_CHANNEL, however far back its reader had read: putting
   * 10,000 loaded messages back in the page took ~200 ms (bench/scale/chat.bench.ts); "Show
   * earlier" brings them back a page at a time from memory before it asks the server.
   */
  const leftOut = new Map<string, number>();
  let log = new MessageList().element;
  // The log is around the list: role "log" on the list itself would unmake its items as list items.
  const logRegion = h("div", { role: "log", "aria-labelledby": "channel-heading", "aria-live": "polite" }, log);
  const empty = w.text(h("p", { class: "muted" }), "panels.channels.empty");
  const history = new ChatHistory();
  const earlierStatus = h("p", { class: "form-status", role: "status" }, "");
  const earlier = w.text(h("button", { type: "button", class: "earlier" }), "panels.channels.earlier");
  const text = h("textarea", { name: "message", rows: "2", maxlength: "2000" });
  let current = "";
  let channels: ChannelInfo[] = [];
  const form = w.form({
    label: "panels.channels.form",
    submit: "panels.channels.submit",
    success: "panels.channels.success",
    send: (c) => getCtx().send(c),
    children: [w.field("panels.channels.message", text)],
    build: () => {
      const ctx = getCtx();
      if (!text.value.trim()) return t("panels.channels.error");
      if (!ctx.canAct && ctx.isFacilitator && current === "control") return { type: "controlMessage", text: text.value.trim() };
      if (!ctx.canAct && ctx.isFacilitator)
        return { type: "facilitatorMessage", to: current === "alliance" ? "alliance" : current.split(":")[1]!, text: text.value.trim() };
      return { type: "sendMessage", channel: current, text: text.value.trim() };
    },
    reset: () => (text.value = ""),
  });
  text.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
  const element = h(
    "div",
    { class: "panel channels" },
    w.text(h("h2"), "panels.channels.title"),
    h(
      "div",
      { class: "channel-layout" },
      w.attr(h("nav", {}, list), "aria-label", "panels.channels.title"),
      h("div", { class: "channel-view" }, heading, empty, earlier, earlierStatus, logRegion, form),
    ),
  );

  const readKey = () => {
    const ctx = getCtx();
    return `concord.read.${ctx.state.exerciseId}.${ctx.welcome.seatId}.${ctx.viewNation ?? "white"}`;
  };
  const readMarks = (): Record<string, number> => {
    try {
      return JSON.parse(localStorage.getItem(readKey()) ?? "{}");
    } catch {
      return {};
    }
  };
  const markRead = (channel: string, at: number) => {
    const marks = readMarks();
    if ((marks[channel] ?? 0) >= at) return;
    marks[channel] = at;
    try {
      localStorage.setItem(readKey(), JSON.stringify(marks));
    } catch {
      /* private mode: unread counts reset on reload */
    }
  };
  const perspectiveOf = (ctx: GameContext) => ctx.viewNation ?? "white";
  const messagesOf = (ctx: GameContext, channel: string) => history.messages(perspectiveOf(ctx), channel);
  const earlierOf = (ctx: GameContext, channel: string) => (before: string) =>
    request<EarlierPage>(
      `/api/exercises/${encodeURIComponent(ctx.state.exerciseId)}/messages?channel=${encodeURIComponent(channel)}&before=${encodeURIComponent(before)}&limit=${EARLIER_PAGE}`,
      { token: ctx.welcome.seat },
    );
  earlier.addEventListener("click", async () => {
    const ctx = getCtx();
    const channel = current;
    const key = `${perspectiveOf(ctx)}|${channel}`;
    const hidden = leftOut.get(key) ?? 0;
    if (hidden > 0) {
      // Read before and left out when the channel was opened again: back from memory, at once.
      leftOut.set(key, Math.max(0, hidden - EARLIER_PAGE));
      return renderKeepingPlace();
    }
    earlier.disabled = true;
    setText(earlierStatus, t("panels.channels.loading"));
    try {
      const count = await history.loadEarlier(perspectiveOf(ctx), channel, earlierOf(ctx, channel));
      setText(earlierStatus, count ? "" : t("panels.channels.noEarlier"));
    } catch {
      // The server's own words never reach the screen: say what the reader can do.
      setText(earlierStatus, t("panels.channels.earlierFailed"));
    } finally {
      earlier.disabled = false;
      renderKeepingPlace();
    }
  });
  /** Renders with the reader's place kept: the older lines go above what they were reading. */
  const renderKeepingPlace = () => {
    const fromBottom = log.scrollHeight - log.scrollTop;
    render();
    log.scrollTop = log.scrollHeight - fromBottom;
  };
  const unread = (ctx: GameContext, channel: string, marks = readMarks()) => {
    const mark = marks[channel] ?? 0;
    const messages = messagesOf(ctx, channel);
    // Oldest first: only the tail after the mark is read through (a channel may hold 10,000).
    let low = 0;
    let high = messages.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (messages[mid]!.at > mark) high = mid;
      else low = mid + 1;
    }
    let count = 0;
    for (let i = low; i < messages.length; i++)
      if (!(messages[i]!.author === ctx.welcome.name && messages[i]!.fromNation === (ctx.welcome.nation ?? "white"))) count++;
    return count;
  };
  const visible = () => !element.closest<HTMLElement>("[role=tabpanel]")?.hidden;
  let clock: Intl.DateTimeFormat | null = null;
  let clockLanguage = "";
  /** The log goes to its newest line when it is next seen (it was opened, or its reader was there, while hidden). */
  let toBottom = false;

  const render = () => {
    const ctx = getCtx();
    w.refresh();
    history.absorb(perspectiveOf(ctx), Object.values(ctx.perspective?.messages ?? {}));
    channels = channelsFor(ctx);
    if (!channels.some((c) => c.id === current)) current = channels[0]?.id ?? "";
    const messages = messagesOf(ctx, current);
    if (visible() && messages.length) markRead(current, messages[messages.length - 1]!.at);
    const marks = readMarks();
    keyedList(
      list,
      channels.map((c) => ({ ...c, unread: unread(ctx, c.id, marks), current: c.id === current })),
      (c) => c.id,
      (c) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "channel", "aria-current": c.current ? "true" : "false", onclick: () => ((current = c.id), render()) },
            h("span", {}, c.label),
            // The name is what the button shows; the count is read with its word ("1 unread").
            c.unread ? h("span", { class: "badge", "aria-hidden": "true" }, String(c.unread)) : null,
            c.unread ? h("span", { class: "visually-hidden" }, t("panels.channels.unread", { channel: "", count: c.unread })) : null,
          ),
        ),
    );
    const info = channels.find((c) => c.id === current);
    setText(heading, info?.label ?? "");
    empty.hidden = messages.length > 0;
    const key = `${perspectiveOf(ctx)}|${current}`;
    let shown = logs.get(key);
    if (!shown) logs.set(key, (shown = new MessageList()));
    const opened = shown.element !== log;
    if (opened) leftOut.set(key, Math.max(0, messages.length - LIVE_MESSAGES_PER_CHANNEL));
    const hidden = leftOut.get(key) ?? 0;
    earlier.hidden = hidden === 0 && !history.mayHaveEarlier(perspectiveOf(ctx), current);
    // The next page is asked for while the reader reads this one.
    if (!earlier.hidden && hidden === 0 && visible()) history.prefetch(perspectiveOf(ctx), current, earlierOf(ctx, current));
    const language = lang();
    if (clockLanguage !== language) {
      clock = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit" });
      clockLanguage = language;
    }
    // The message itself is never translated: only the words around it.
    // A nation speaking in character signs with its own name: "Redonia", not "Redonia (Redonia)".
    const speaksAsNation = (m: Message) => m.author === nationName(ctx.state, m.fromNation) || m.author === ctx.state.nations[m.fromNation]?.name;
    const author = (m: Message) =>
      m.fromNation === "white"
        ? t("panels.channels.authorControl", { author: m.author })
        : (ctx.viewNation && m.fromNation === ctx.viewNation) || speaksAsNation(m)
          ? speaksAsNation(m)
            ? nationName(ctx.state, m.fromNation)
            : m.author
          : t("panels.channels.authorNation", { author: m.author, nation: nationName(ctx.state, m.fromNation) });
    if (opened) {
      log = shown.element;
      logRegion.replaceChildren(log);
    }
    // A channel opens at its newest message; a reader at the bottom stays there as lines come.
    // The log's scroll is read only while it can be seen: reading it lays out the page, which
    // on the console's first patches is 15,000 new options long; a hidden log has no scroll
    // anyway, and the tab shown again renders first.
    const seen = visible();
    const atBottom = opened || toBottom || (seen && log.scrollHeight - log.scrollTop - log.clientHeight < 40);
    shown.show(
      messages,
      language,
      (m: Message) =>
        h(
          "div",
          { class: "message", role: "listitem" },
          h("span", { class: "author" }, author(m)),
          h("span", { class: "when" }, t("panels.channels.when", { turn: m.turn, time: clock!.format(m.at) })),
          h("p", {}, m.text),
        ),
      hidden,
    );
    if (atBottom && seen) log.scrollTop = log.scrollHeight;
    toBottom = atBottom && !seen;
    form.hidden = !info?.canSend;
  };
  element.addEventListener("focusin", () => render());

  return {
    id: "channels",
    get title() {
      return t("panels.channels.title");
    },
    element,
    badge: (ctx) => channelsFor(ctx).reduce((sum, c) => sum + (c.id === current && visible() ? 0 : unread(ctx, c.id)), 0),
    update: () => render(),
  };
}
