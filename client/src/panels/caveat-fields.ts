import { h } from "../ui/html.ts";
import type { PanelWords } from "./words.ts";

/**
 * National caveats for a transfer of authority: the missions the alliance commander may not give
 * the asset, and the regions it may not be sent to (docs/RULES.md).
 */
export function caveatFields(w: PanelWords) {
  const missions = w.checkboxes("toa.form.excludedMissions", "excludedMissions");
  const regions = w.checkboxes("toa.form.excludedRegions", "excludedRegions");
  return {
    element: h("div", { class: "caveats" }, missions.element, regions.element),
    missions,
    regions,
    /** The order's caveat fields, only those a person ticked. */
    values(): { excludedMissions?: string[]; excludedRegions?: string[] } {
      const excludedMissions = missions.values();
      const excludedRegions = regions.values();
      return { ...(excludedMissions.length ? { excludedMissions } : {}), ...(excludedRegions.length ? { excludedRegions } : {}) };
    },
  };
}
