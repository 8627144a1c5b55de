/** Small helpers to build accessible DOM without a framework. */

type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>;
type Child = Node | string | null | undefined | false;

/**
 * Creates an element: `attrs` become attributes (`on…` keys become event
 * listeners, `true` an empty attribute, `false`/null/undefined nothing),
 * `children` are appended (strings as text).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "className") {
      el.className = String(value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** Replaces all children of `el`. */
export function replaceChildren(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren(
    ...(children.flat().filter((c) => c !== null && c !== undefined && c !== false) as (Node | string)[]),
  );
}

/** The app's root element. */
export function appRoot(): HTMLElement {
  const root = document.getElementById("app");
  if (!root) throw new Error("#app is missing from index.html");
  return root;
}
