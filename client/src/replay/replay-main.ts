import "./replay.css";
import { h, fill } from "../ui/html.ts";
import { t, lang, onLanguageChange } from "../i18n.ts";
import { languageMenu } from "../ui/language-menu.ts";
import { accessFromLocation, seqFromHash, rememberAccess, rememberedAccess, resolveAccess, replayProblem, type ReplayAccess } from "./replay-access.ts";
import { replayMap } from "./replay-map.ts";
import { loadSession } from "./replay-load.ts";
import { loadMap } from "../map/load-map.ts";
import { ReplayScreen } from "./replay-screen.ts";

const root = document.getElementById("replay")!;

/** The page's own words (title, lang) in the seat's language. */
function pageWords() {
  document.documentElement.lang = lang();
  document.title = t("replay.pageTitle");
}
pageWords();
let screen: ReplayScreen | null = null;
let login: { exerciseId?: string; error?: string } | null = null;
/** The moment a deep link asked for (…#exercise=…&seq=N): the replay opens there, after a login too. */
let linkedSeq: number | undefined;
onLanguageChange(() => {
  pageWords();
  if (screen) screen.rebuild();
  else if (login) showLogin(login.exerciseId, login.error);
});

async function boot() {
  const fromUrl = accessFromLocation();
  linkedSeq = fromUrl.seq;
  try {
    if (fromUrl.code || fromUrl.token) {
      void loadMap().catch(() => undefined);
      const access = await resolveAccess(fromUrl);
      rememberAccess(access);
      return open(access);
    }
    const remembered = rememberedAccess();
    if (remembered && (!fromUrl.exerciseId || remembered.exerciseId === fromUrl.exerciseId)) return open(remembered);
  } catch (error) {
    return showLogin(fromUrl.exerciseId, replayProblem(error));
  }
  showLogin(fromUrl.exerciseId);
}

function showLogin(exerciseId?: string, error?: string) {
  login = { exerciseId, error };
  const code = h("input", { id: "replay-code", autocomplete: "off", placeholder: t("replay.login.codePlaceholder") });
  const exercise = h("input", { id: "replay-exercise", value: exerciseId ?? "", autocomplete: "off" });
  const token = h("input", { id: "replay-token", type: "password", autocomplete: "off" });
  const message = h("p", { class: "error", role: "alert" }, error ?? "");
  const submit = async (event: Event) => {
    event.preventDefault();
    message.textContent = t("replay.login.opening");
    // Not loaded yet (the form answered at once): the chunk comes while the code is resolved.
    void loadMap().catch(() => undefined);
    try {
      const access = await resolveAccess({
        code: code.value.trim() || undefined,
        token: token.value.trim() || undefined,
        exerciseId: exercise.value.trim() || undefined,
      });
      rememberAccess(access);
      await open(access);
    } catch (e) {
      // Opening replaces the form with the loading screen: a failure then brings the form back.
      if (!root.contains(message)) return showLogin(exercise.value.trim() || undefined, replayProblem(e));
      message.textContent = replayProblem(e);
      login = { exerciseId: exercise.value.trim() || undefined, error: message.textContent };
    }
  };
  fill(
    root,
    h(
      "main",
      { class: "login" },
      languageMenu({ compact: true }),
      h("h1", {}, t("replay.login.title")),
      h("p", {}, t("replay.login.intro")),
      h(
        "form",
        { onsubmit: submit, "aria-label": t("replay.login.form") },
        h("div", { class: "field" }, h("label", { for: "replay-code" }, t("replay.login.code")), code),
        h("p", { class: "hint" }, t("replay.login.or")),
        h("div", { class: "field" }, h("label", { for: "replay-exercise" }, t("replay.login.exercise")), exercise),
        h("div", { class: "field" }, h("label", { for: "replay-token" }, t("replay.login.token")), token),
        h("button", { type: "submit" }, t("replay.login.open")),
        message,
      ),
      h("p", {}, h("a", { href: "/" }, t("replay.login.back"))),
    ),
  );
  preloadMap();
}

/**
 * Phaser's chunk fetched and evaluated while the login form waits for its code (some 0.3 s of
 * the main thread), not after "Open replay" where it delayed the first range's fold. Half a
 * second after the form is drawn (typing a code takes longer) and when the page is idle, so
 * the form is usable before it is asked for, on a slow link too (the client bench checks).
 */
function preloadMap() {
  const load = () => void loadMap().catch(() => undefined);
  setTimeout(() => ("requestIdleCallback" in window ? requestIdleCallback(load, { timeout: 1000 }) : load()), 500);
}

async function open(access: ReplayAccess) {
  // The map (Phaser: its chunk, then its boot, some 0.5 s of a week-long log's opening) starts
  // while the recording downloads, in the place the screen gives it (the same grid column and
  // height), and draws the moment the recording is folded.
  const map = replayMap();
  fill(
    root,
    h(
      "div",
      { class: "replay-screen" },
      h("p", { class: "loading", role: "status" }, t("replay.loading")),
      h("div", { class: "main" }, map.element, h("div", { class: "side" })),
    ),
  );
  // A state kept every 500 events: a seek folds at most 499 (a millisecond or two), and the opening fold
  // of a week-long log keeps 200 states rather than 1,000 (every 100: some 0.1 s more).
  let loaded: Awaited<ReturnType<typeof loadSession>>;
  try {
    loaded = await loadSession(access, 500);
  } catch (error) {
    map.destroy();
    throw error;
  }
  login = null;
  screen = new ReplayScreen(root, loaded.session, access, loaded.title, map);
  if (linkedSeq !== undefined) screen.jumpTo(linkedSeq);
}

// A link to another moment of the same exercise, followed in this tab, moves the replay there.
window.addEventListener("hashchange", () => {
  const seq = seqFromHash(window.location.hash);
  if (seq !== undefined && screen) screen.jumpTo(seq);
});

void boot();
