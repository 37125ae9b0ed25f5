import { h } from "./html.ts";

/** "Copy" next to a code or link; falls back to selecting the text where the clipboard API is unavailable (plain http). */
export function copyButton(text: string, what: string): HTMLButtonElement {
  const button = h("button", { type: "button", class: "copy", "aria-label": `Copy ${what}` }, "Copy");
  button.addEventListener("click", async () => {
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      const area = h("textarea", { class: "visually-hidden", "aria-hidden": "true" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      ok = document.execCommand("copy");
      area.remove();
    }
    button.textContent = ok ? "Copied" : "Select and copy";
    button.setAttribute("aria-label", ok ? `${what} copied` : `Copy ${what}`);
    setTimeout(() => {
      button.textContent = "Copy";
      button.setAttribute("aria-label", `Copy ${what}`);
    }, 2000);
  });
  return button;
}
