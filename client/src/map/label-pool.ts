import type * as Phaser from "phaser";

/**
 * The map's Text objects (route and draft labels) kept across redraws by what they label: a
 * redraw places the ones it needs (a label already made only changes its words or place, if at
 * all) and the ones it did not place go. Making a Phaser Text is a canvas of its own, measured
 * and painted: a replay seek redrew every label anew.
 *
 *   pool.begin(); pool.place("route:frigate", x, y, words, style, 0.5, 0); …; pool.end();
 *
 * A key names one kind of label (its style is the one it was made with).
 */
export class LabelPool {
  private readonly scene: Phaser.Scene;
  private readonly container: Phaser.GameObjects.Container;
  private readonly live = new Map<string, Phaser.GameObjects.Text>();
  private readonly placed = new Set<string>();

  constructor(scene: Phaser.Scene, container: Phaser.GameObjects.Container) {
    this.scene = scene;
    this.container = container;
  }

  begin(): void {
    this.placed.clear();
  }

  place(key: string, x: number, y: number, words: string, style: Phaser.Types.GameObjects.Text.TextStyle, originX: number, originY: number): void {
    this.placed.add(key);
    const label = this.live.get(key);
    if (!label) {
      const made = this.scene.add.text(x, y, words, style).setOrigin(originX, originY);
      this.container.add(made);
      this.live.set(key, made);
      return;
    }
    // setText repaints only when the words differ.
    label.setText(words);
    if (label.x !== x || label.y !== y) label.setPosition(x, y);
  }

  /** The labels this draw did not place go. */
  end(): void {
    for (const [key, label] of this.live) {
      if (this.placed.has(key)) continue;
      label.destroy();
      this.live.delete(key);
    }
  }

  /** How many labels are on the map. */
  get size(): number {
    return this.live.size;
  }
}
