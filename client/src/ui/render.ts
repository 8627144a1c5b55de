/**
 * The DOM screens are drawn by Preact: a screen describes its whole tree
 * from its state on every change and Preact changes only what differs, so
 * focus, scroll position, open `<details>` and what was typed stay as they
 * are (a keyed item that moves keeps its focus: Preact moves it with
 * `moveBefore`).
 */
import { render, type ComponentChild } from "preact";
import { appRoot } from "./dom.js";

/** The screen each root shows now: a redraw of an earlier one does nothing. */
const current = new WeakMap<Element, object>();

/**
 * Shows a new screen in `root` (the app's root unless given): whatever was
 * there goes, then `view()` is drawn. Returns the function that draws the
 * screen again from `view()`; it does nothing once another screen was shown
 * in the same root.
 */
export function mount(view: () => ComponentChild, root: Element = appRoot()): () => void {
  const screen = {};
  current.set(root, screen);
  render(null, root);
  root.replaceChildren();
  const draw = () => {
    if (current.get(root) === screen) render(view(), root);
  };
  draw();
  return draw;
}
