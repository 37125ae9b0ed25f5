import * as Phaser from "phaser";
import { MapScene } from "./map-scene.ts";
import { rendererType } from "./renderer-choice.ts";
import type { MapBridge } from "./map-bridge.ts";

const IDLE_MS = 1500;

/**
 * StartGame(parent, bridge): the Phaser game that draws the map inside `parent`. It renders with
 * WebGL on a GPU and with Canvas where WebGL is missing or only emulated on the CPU (headless
 * browsers, machines without a usable GPU): see renderer-choice.ts.
 *
 * The map only changes when the state, the camera or a ping does, so the render loop sleeps
 * when idle and wakes on those and on pointer input: a room of laptops on battery (and a test
 * machine running five browsers) should not spend a core each redrawing a still picture.
 */
export function StartGame(parent: HTMLElement, bridge: MapBridge): Phaser.Game {
  const game = new Phaser.Game({
    type: rendererType(),
    parent,
    backgroundColor: "#142331",
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 560 },
    render: { antialias: true },
    banner: false,
    disableContextMenu: true,
    input: { keyboard: false },
    // The map makes no sound: no Web Audio context (its creation took 0.1 s of the replay's opening).
    audio: { noAudio: true },
    scene: [],
    callbacks: {
      postBoot: (booted) => {
        booted.scene.add("MapScene", MapScene, true, { bridge });
      },
    },
  });
  let idle: ReturnType<typeof setTimeout> | undefined;
  const wake = (ms = IDLE_MS) => {
    if (!game.isRunning) return;
    game.loop.wake(true);
    clearTimeout(idle);
    idle = setTimeout(() => game.loop?.sleep(), ms);
  };
  bridge.on("model", () => wake());
  bridge.on("camera", () => wake());
  bridge.on("ping", () => wake(6000));
  for (const type of ["pointerdown", "pointermove", "pointerup", "wheel"]) parent.addEventListener(type, () => wake(), { passive: true });
  window.addEventListener("resize", () => wake());
  game.events.once(Phaser.Core.Events.READY, () => wake(4000));
  return game;
}
