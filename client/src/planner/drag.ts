/**
 * Drag and drop of orders with mouse, pen or touch, by pointer events, so it
 * works the same on the map's pins and on the grips in the lists. Anything
 * with `data-drag-order` can be picked up; it can be dropped on anything with
 * `data-drop-vehicle` (optionally `data-drop-before`, a stop of that truck)
 * or `data-drop-unplanned`. The desk may be redrawn while a drag is under
 * way: the drag lives on `window` and finds its target when the pointer
 * comes up.
 */

/** Where an order was dropped. */
export type DropTarget = { kind: "truck"; vehicle: string; before: string | null } | { kind: "unplanned" };

/** How far (CSS pixels) the pointer moves before a press becomes a drag. */
const THRESHOLD_PX = 6;

function targetAt(x: number, y: number): { el: Element; drop: DropTarget } | null {
  const el = document.elementFromPoint(x, y)?.closest("[data-drop-vehicle],[data-drop-unplanned]");
  if (!el) return null;
  const vehicle = el.getAttribute("data-drop-vehicle");
  if (vehicle) return { el, drop: { kind: "truck", vehicle, before: el.getAttribute("data-drop-before") } };
  return { el, drop: { kind: "unplanned" } };
}

/**
 * Lets orders inside `root` be dragged; `drop` is called with the order and
 * where it landed. Returns a function that stops it.
 */
export function enableDrag(root: HTMLElement, drop: (order: string, target: DropTarget) => void): () => void {
  let active: {
    order: string;
    id: number;
    x: number;
    y: number;
    ghost: HTMLElement | null;
    over: Element | null;
  } | null = null;

  const finish = () => {
    active?.ghost?.remove();
    active?.over?.classList.remove("drop-over");
    document.body.classList.remove("dragging");
    active = null;
    window.removeEventListener("pointermove", onMove);
    window.removeEventListener("pointerup", onUp);
    window.removeEventListener("pointercancel", onCancel);
  };
  const onMove = (e: PointerEvent) => {
    if (!active || e.pointerId !== active.id) return;
    if (!active.ghost) {
      if (Math.hypot(e.clientX - active.x, e.clientY - active.y) < THRESHOLD_PX) return;
      const source = root.querySelector(`[data-drag-order="${CSS.escape(active.order)}"]`);
      active.ghost = document.createElement("div");
      active.ghost.className = "drag-ghost";
      active.ghost.setAttribute("aria-hidden", "true");
      active.ghost.textContent = source?.getAttribute("data-drag-label") ?? active.order;
      document.body.append(active.ghost);
      document.body.classList.add("dragging");
    }
    e.preventDefault();
    active.ghost.style.transform = `translate(${e.clientX + 12}px, ${e.clientY + 12}px)`;
    const hit = targetAt(e.clientX, e.clientY);
    if (hit?.el !== active.over) {
      active.over?.classList.remove("drop-over");
      hit?.el.classList.add("drop-over");
      active.over = hit?.el ?? null;
    }
  };
  const onUp = (e: PointerEvent) => {
    if (!active || e.pointerId !== active.id) return;
    const dragged = active.ghost !== null;
    const order = active.order;
    finish();
    if (!dragged) return;
    const hit = targetAt(e.clientX, e.clientY);
    if (hit) drop(order, hit.drop);
  };
  const onCancel = () => finish();
  const onDown = (e: PointerEvent) => {
    if (active || (e.pointerType === "mouse" && e.button !== 0)) return;
    const target = e.target as Element | null;
    if (!target || target.closest("button, select, input, a")) return;
    const source = target.closest("[data-drag-order]");
    const order = source?.getAttribute("data-drag-order");
    if (!order) return;
    e.preventDefault();
    active = { order, id: e.pointerId, x: e.clientX, y: e.clientY, ghost: null, over: null };
    window.addEventListener("pointermove", onMove, { passive: false });
    window.addEventListener("pointerup", onUp);
    window.addEventListener("pointercancel", onCancel);
  };
  root.addEventListener("pointerdown", onDown);
  return () => {
    finish();
    root.removeEventListener("pointerdown", onDown);
  };
}
