/**
 * The facilitator's addresses (the page's hash), so that a reload, a
 * bookmark and the browser's back button find the same screen: the list
 * (`#facilitator`), a workshop's console (`#facilitator/workshops/<id>`) and
 * its projector view (`#facilitator/workshops/<id>/projector`). Plain
 * functions, light enough for the first screen.
 */

/** A facilitator's screen named by an address. */
export type FacilitatorRoute =
  | { readonly page: "list" }
  | { readonly page: "console"; readonly id: string }
  | { readonly page: "projector"; readonly id: string };

const WORKSHOP = /^#facilitator\/workshops\/([^/?#]+)(\/projector)?\/?$/;

/** The facilitator's screen that `hash` (e.g. `location.hash`) names; null when it names none. */
export function facilitatorRoute(hash: string): FacilitatorRoute | null {
  if (hash === "#facilitator" || hash === "#facilitator/") return { page: "list" };
  const m = WORKSHOP.exec(hash);
  if (!m?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  return m[2] ? { page: "projector", id } : { page: "console", id };
}

/** The address of `route`. */
export function facilitatorHash(route: FacilitatorRoute): string {
  if (route.page === "list") return "#facilitator";
  const base = `#facilitator/workshops/${encodeURIComponent(route.id)}`;
  return route.page === "projector" ? `${base}/projector` : base;
}
