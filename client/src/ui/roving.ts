/**
 * Roving tabindex (WAI-ARIA Authoring Practices, "Keyboard Navigation Inside
 * Components"): a group of buttons is one Tab stop; the arrow keys move focus
 * inside it, Home and End go to its ends. The group may be re-rendered at any
 * time: `refresh` gives the Tab stop to the focused button, else to the one
 * that had it, else to the first.
 */

/** The keys that move focus, and by how much (-1 back, +1 on, ±Infinity to an end). */
const MOVES: Readonly<Record<string, number>> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  Home: -Infinity,
  End: Infinity,
};

export class RovingGroup {
  private current: string | null = null;

  /**
   * Follows the buttons matching `selector` inside `root` (looked up at every
   * key press and refresh, so re-rendered buttons are found); `keyOf` names a
   * button across re-renders.
   */
  constructor(
    private readonly root: HTMLElement,
    private readonly selector: string,
    private readonly keyOf: (el: HTMLElement) => string,
  ) {
    root.addEventListener("keydown", (e) => this.onKey(e));
    root.addEventListener("focusin", (e) => {
      const el = e.target as HTMLElement;
      if (this.items().includes(el)) this.current = this.keyOf(el);
      this.refresh();
    });
  }

  private items(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>(this.selector)].filter(
      (el) => !(el as HTMLButtonElement).disabled,
    );
  }

  /** Gives exactly one button of the group `tabindex` 0 (the focused one, the last one, or the first). */
  refresh(): void {
    const items = this.items();
    const active = document.activeElement;
    const stop =
      items.find((el) => el === active) ??
      items.find((el) => this.current !== null && this.keyOf(el) === this.current) ??
      items[0];
    for (const el of items) el.tabIndex = el === stop ? 0 : -1;
  }

  private onKey(e: KeyboardEvent): void {
    const move = MOVES[e.key];
    if (move === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    const items = this.items();
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0 || items.length === 0) return;
    e.preventDefault();
    const to =
      move === -Infinity ? 0 : move === Infinity ? items.length - 1 : (at + move + items.length) % items.length;
    const next = items[to] as HTMLElement;
    this.current = this.keyOf(next);
    next.focus();
    this.refresh();
  }
}
