/**
 * The ARIA live region: turns, asks, answers and quartets are announced to
 * screen-reader users. Messages arriving within a moment are joined, so a
 * quick series (ask, answer, next turn) is read as one sentence.
 */
let timer = 0;
let queue: string[] = [];

function region(): HTMLElement | null {
  return document.getElementById("live");
}

/** Announces `text` politely (after what is being read). */
export function announce(text: string): void {
  if (!text) return;
  queue.push(text);
  if (timer) return;
  timer = window.setTimeout(() => {
    timer = 0;
    const el = region();
    const message = queue.join(" ");
    queue = [];
    if (!el) return;
    // Re-adding a node makes screen readers announce repeated sentences too.
    const p = document.createElement("p");
    p.textContent = message;
    el.replaceChildren(p);
  }, 120);
}
