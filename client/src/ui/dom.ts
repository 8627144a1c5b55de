/** The app's root element: every screen is drawn into it (see render.ts). */
export function appRoot(): HTMLElement {
  const root = document.getElementById("app");
  if (!root) throw new Error("#app is missing from index.html");
  return root;
}
