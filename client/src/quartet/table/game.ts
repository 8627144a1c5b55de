/**
 * Creates the Phaser game that draws the table inside `parent`, sized to it
 * at the device's pixel ratio (the scene's camera zooms so that one world
 * unit is one CSS pixel). Phaser takes no input here: the DOM layer does.
 */
import * as Phaser from "phaser";
import { TableScene, type TableSceneHooks } from "./TableScene.js";

export interface TableGame {
  scene: TableScene;
  destroy(): void;
}

/** Starts Phaser in `parent` and keeps it sized to it. */
export function createTableGame(parent: HTMLElement, hooks: TableSceneHooks): TableGame {
  const scene = new TableScene(hooks);
  const size = () => {
    const r = parent.getBoundingClientRect();
    const dpr = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
    return { w: Math.max(1, Math.round(r.width)), h: Math.max(1, Math.round(r.height)), dpr };
  };
  const first = size();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: "#e9eef2",
    banner: false,
    autoFocus: false,
    disableContextMenu: false,
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    scale: { mode: Phaser.Scale.NONE, width: first.w * first.dpr, height: first.h * first.dpr, zoom: 1 / first.dpr },
    render: { antialias: true, powerPreference: "low-power" },
    scene: [scene],
  });
  scene.resize(first.w, first.h, first.dpr);
  let last = first;
  const observer = new ResizeObserver(() => {
    const next = size();
    if (next.w === last.w && next.h === last.h && next.dpr === last.dpr) return;
    last = next;
    game.scale.setZoom(1 / next.dpr);
    game.scale.resize(next.w * next.dpr, next.h * next.dpr);
    scene.resize(next.w, next.h, next.dpr);
  });
  observer.observe(parent);
  return {
    scene,
    destroy: () => {
      observer.disconnect();
      game.destroy(true);
    },
  };
}
