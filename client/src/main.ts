import "./styles.css";
import { showStartPage } from "./start/start-page.ts";
import { enterExercise } from "./game/enter.ts";
import { readHash } from "./route.ts";
import { FACILITATOR_SEAT_NAME } from "./game/enter.ts";
import { t, onLanguageChange } from "./i18n.ts";
import { rememberFacilitatorKey } from "./net/facilitator-keys.ts";

/**
 * Entry point. The hash says where to go: `#facilitator=<token>&exercise=<id>` logs exercise
 * control straight in, `#exercise=<id>` rejoins the seat this browser holds for that exercise,
 * and anything else shows the start page.
 */
const app = document.getElementById("app")!;

// The page's own words (index.html is written in English before the seat's language is known).
const skipLink = document.querySelector<HTMLElement>("[data-skip-link]");
const sayPageWords = () => {
  if (skipLink) skipLink.textContent = t("game.screen.skip");
  app.querySelector(".loading")?.replaceChildren(t("game.screen.loading"));
};
sayPageWords();
onLanguageChange(sayPageWords);

function route() {
  const hash = readHash();
  // The exercise library lists the exercises of the facilitator links this browser opened.
  if (hash.exercise && hash.facilitator) rememberFacilitatorKey(hash.exercise, hash.facilitator);
  if (hash.exercise && hash.facilitator)
    return void enterExercise(app, { exerciseId: hash.exercise, options: { token: hash.facilitator, name: FACILITATOR_SEAT_NAME } });
  if (hash.exercise) return void enterExercise(app, { exerciseId: hash.exercise, options: null });
  showStartPage(app);
}

window.addEventListener("hashchange", () => {
  if (document.body.dataset.screen === "game") {
    // Same exercise: nothing to do. Another destination: start afresh, so the old connection closes.
    if (readHash().exercise === document.body.dataset.exercise && !readHash().facilitator) return;
    return location.reload();
  }
  route();
});
route();
