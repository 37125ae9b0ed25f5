import type { InjectSpec } from "../scenario/schema.ts";
import type { InjectState } from "../state/schema.ts";
import type { Scope } from "./view-for.ts";

/** An inject as a scope reads it (viewParts.injects): the white cell with the MSEL's bookkeeping, a nation what was released to it. */
export type InjectView = {
  id: string;
  number: string;
  title: string;
  body: string;
  type: InjectSpec["type"];
  delivery: InjectSpec["delivery"];
  from: string;
  to: InjectSpec["to"];
  releasedTurn: number | null;
  /** White cell only: the MSEL bookkeeping. */
  status?: string;
  trigger?: InjectSpec["trigger"];
  expectedActions?: InjectSpec["expectedActions"];
  delayedToTurn?: number | null;
  objective?: string;
  capability?: string;
  /** Translations of the texts above (a nation's view: from, title and body only). */
  i18n?: InjectSpec["i18n"];
  /** White cell only, for the MSEL editor: its place in the MSEL (1 = first), effects, controller, notes, held off the timeline, the turn it was skipped in. */
  position?: number;
  effects?: InjectSpec["effects"];
  /** White cell only: the EEG critical tasks the inject tests (the MSEL editor keeps them on a save). */
  tasks?: string[];
  controller?: string;
  notes?: string;
  held?: boolean;
  skippedTurn?: number;
};

/**
 * An inject's views depend on its spec and a few fields of its state, and rooms of one scenario
 * share its specs (server/store/shared-scenarios.ts): injects that stand alike in two rooms
 * share one view, and so one JSON string (the projection's jsonOf), instead of one per room
 * (~3 KB each for the white cell; #23, "Rooms on demand"). A spec keeps its last few views.
 */
const whiteInjects = new WeakMap<InjectSpec, InjectView[]>();
const publicInjects = new WeakMap<InjectSpec, InjectView[]>();
const VIEWS_PER_SPEC = 8;
function sharedView(cache: WeakMap<InjectSpec, InjectView[]>, spec: InjectSpec, same: (view: InjectView) => boolean, make: () => InjectView): InjectView {
  let views = cache.get(spec);
  if (views) for (const view of views) if (same(view)) return view;
  const view = make();
  if (!views) cache.set(spec, (views = []));
  if (views.push(view) > VIEWS_PER_SPEC) views.shift();
  return view;
}
const sameWhite = (inject: InjectState, position: number) => (view: InjectView) =>
  view.position === position &&
  view.status === inject.status &&
  view.releasedTurn === inject.releasedTurn &&
  view.delayedToTurn === inject.delayedToTurn &&
  (view.held ?? false) === (inject.held ?? false) &&
  view.skippedTurn === inject.skippedTurn;
/**
 * One inject as a scope reads it, or null when it does not: the white cell every inject, with
 * its place in the MSEL (`position`); a nation those released to it. A view is reused while its
 * spec and what it shows of the inject's state (and place) are the same, so the projection finds
 * it unchanged.
 */
export function injectViewFor(inject: InjectState, { all, me }: Scope, position: number): InjectView | null {
  if (all) return sharedView(whiteInjects, inject.spec, sameWhite(inject, position), () => whiteInject(inject.spec, inject, position));
  const addressed = inject.spec.to === "all" || (me !== null && inject.spec.to.includes(me));
  if (inject.status !== "released" || !addressed) return null;
  return sharedView(
    publicInjects,
    inject.spec,
    (view) => view.releasedTurn === inject.releasedTurn,
    () => publicInject(inject.spec, inject.releasedTurn),
  );
}

function publicInject(spec: InjectSpec, releasedTurn: number | null): InjectView {
  const view: InjectView = {
    id: spec.id,
    number: spec.number,
    title: spec.title,
    body: spec.body,
    type: spec.type,
    delivery: spec.delivery,
    from: spec.from,
    to: spec.to,
    releasedTurn,
  };
  // Only the translations of what the addressees read: objective and capability are the white cell's.
  const i18n = Object.fromEntries(
    Object.entries(spec.i18n ?? {}).flatMap(([lang, t]) => {
      const seen = Object.fromEntries(Object.entries({ from: t?.from, title: t?.title, body: t?.body }).filter(([, v]) => v !== undefined));
      return Object.keys(seen).length ? [[lang, seen]] : [];
    }),
  );
  return Object.keys(i18n).length ? { ...view, i18n } : view;
}

function whiteInject(spec: InjectSpec, inject: InjectState, position: number): InjectView {
  return {
    ...publicInject(spec, inject.releasedTurn),
    position,
    effects: spec.effects,
    ...(spec.tasks !== undefined ? { tasks: spec.tasks } : {}),
    ...(spec.controller !== undefined ? { controller: spec.controller } : {}),
    ...(spec.notes !== undefined ? { notes: spec.notes } : {}),
    ...(inject.held ? { held: true } : {}),
    ...(inject.skippedTurn !== undefined ? { skippedTurn: inject.skippedTurn } : {}),
    status: inject.status,
    trigger: spec.trigger,
    expectedActions: spec.expectedActions,
    delayedToTurn: inject.delayedToTurn,
    objective: spec.objective,
    capability: spec.capability,
    ...(spec.i18n ? { i18n: spec.i18n } : {}),
  };
}
