import * as Phaser from "phaser";

export const MIN_ZOOM = 0.3;
export const MAX_ZOOM = 4;

/** What the person's gestures ask of the map: a tap at a map point, the pointer hovering or gone, the camera moved. */
export type GestureHandlers = {
  tap(x: number, y: number): void;
  hover(pointer: Phaser.Input.Pointer): void;
  leave(): void;
  moved(): void;
};

/** Sets the zoom (within the map's limits), keeping the map point under screen point (x, y) where it is. */
export function zoomAround(cam: Phaser.Cameras.Scene2D.Camera, x: number, y: number, zoom: number): void {
  const before = cam.getWorldPoint(x, y);
  cam.setZoom(Phaser.Math.Clamp(zoom, MIN_ZOOM, MAX_ZOOM));
  const after = cam.getWorldPoint(x, y);
  cam.setScroll(cam.scrollX + before.x - after.x, cam.scrollY + before.y - after.y);
}

/**
 * Pans on a drag (one finger on a touch screen), zooms on the wheel and on a two-finger pinch
 * about the point under them, and takes a press released without moving for a tap. A pinch never
 * ends in a tap; a finger left down after one pans on from where it is.
 */
export function followGestures(input: Phaser.Input.InputPlugin, cam: Phaser.Cameras.Scene2D.Camera, on: GestureHandlers): void {
  let drag: { x: number; y: number; scrollX: number; scrollY: number; moved: boolean } | null = null;
  /** Two fingers down: their distance and the zoom when the pinch began. */
  let pinch: { distance: number; zoom: number } | null = null;
  const downPointers = () => [input.pointer1, input.pointer2].filter((p) => p?.isDown);
  const spread = (a: Phaser.Input.Pointer, b: Phaser.Input.Pointer) => Math.max(1, Phaser.Math.Distance.Between(a.x, a.y, b.x, b.y));
  const zoom = (x: number, y: number, to: number) => {
    zoomAround(cam, x, y, to);
    on.moved();
  };
  input.on("pointerdown", (p: Phaser.Input.Pointer) => {
    const [a, b] = downPointers();
    if (a && b) {
      // A second finger: a pinch from here on, and no click when the fingers lift.
      pinch = { distance: spread(a, b), zoom: cam.zoom };
      if (drag) drag.moved = true;
      return;
    }
    drag = { x: p.x, y: p.y, scrollX: cam.scrollX, scrollY: cam.scrollY, moved: false };
  });
  input.on("pointermove", (p: Phaser.Input.Pointer) => {
    const [a, b] = downPointers();
    if (a && b && pinch) return zoom((a.x + b.x) / 2, (a.y + b.y) / 2, pinch.zoom * (spread(a, b) / pinch.distance));
    if (!p.isDown) return on.hover(p);
    if (!drag || pinch) return;
    const dx = p.x - drag.x;
    const dy = p.y - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 5) return;
    drag.moved = true;
    on.moved();
    cam.setScroll(drag.scrollX - dx / cam.zoom, drag.scrollY - dy / cam.zoom);
  });
  input.on("pointerup", (p: Phaser.Input.Pointer) => {
    if (pinch) {
      // One finger still down after a pinch: it pans on from where it is, without a click.
      const [rest] = downPointers();
      pinch = null;
      drag = rest ? { x: rest.x, y: rest.y, scrollX: cam.scrollX, scrollY: cam.scrollY, moved: true } : null;
      return;
    }
    const wasDrag = drag?.moved;
    drag = null;
    if (wasDrag) return;
    const world = cam.getWorldPoint(p.x, p.y);
    on.tap(world.x, world.y);
  });
  input.on("gameout", () => on.leave());
  input.on("wheel", (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => zoom(p.x, p.y, cam.zoom * (dy > 0 ? 0.9 : 1.1)));
}
