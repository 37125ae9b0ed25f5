import { h } from "./html.ts";

/** How long an armed button waits for the second click before it disarms. */
const ARMED_MS = 6000;

/**
 * Short words on the button and the full name a screen reader (or a test) finds it by; armed,
 * the button says in full what a second click does (`confirmName`, its text and its name: the
 * visible words are always part of the accessible name, WCAG 2.5.3).
 */
export type TwoStepLabels = { text: string; name: string; confirmName: string };

/**
 * A button for an action that cannot be undone: the first click arms it (it then says what
 * will happen), the second click within a few seconds does it. Leaving it disarms it.
 */
export function twoStepButton(labels: TwoStepLabels, action: () => Promise<void>): HTMLButtonElement {
  const button = h("button", { type: "button", class: "small" });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (text: string, name: string | null) => {
    button.textContent = text;
    if (name === null) button.removeAttribute("aria-label");
    else button.setAttribute("aria-label", name);
  };
  const disarm = () => {
    clearTimeout(timer);
    button.dataset.armed = "false";
    button.classList.remove("danger");
    show(labels.text, labels.name);
  };
  disarm();
  button.addEventListener("click", async () => {
    if (button.dataset.armed !== "true") {
      button.dataset.armed = "true";
      button.classList.add("danger");
      show(labels.confirmName, null);
      timer = setTimeout(disarm, ARMED_MS);
      return;
    }
    disarm();
    button.disabled = true;
    try {
      await action();
    } finally {
      button.disabled = false;
    }
  });
  button.addEventListener("blur", disarm);
  return button;
}
