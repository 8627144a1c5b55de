/**
 * The share box of a friends' table while it waits for its players: the
 * join code in large type, the link `/join/<code>` with a copy button, and
 * the QR code of the link (drawn by the server). The players seated so far
 * are in the ask panel; the host's start button too.
 */
import "./friends.css";
import { h } from "preact";
import { t } from "../../i18n/index.js";
import { mount } from "../../ui/render.js";
import { apiBase } from "../../workshop/workshopApi.js";

/** The link that takes a friend to the home screen with the code filled in. */
export function joinLink(code: string): string {
  return `${location.origin}/join/${encodeURIComponent(code)}`;
}

/**
 * Shows the share box of table `code` in `host` (a new element placed
 * before `before`); returns the function that removes it.
 */
export function showShare(host: HTMLElement, before: Element | null, code: string): () => void {
  const el = document.createElement("section");
  el.className = "friends-share";
  el.setAttribute("aria-labelledby", "friends-share-title");
  host.insertBefore(el, before);
  let copied = false;
  const link = joinLink(code);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard (an insecure page or a refusal): select the link so it can be copied by hand.
      const field = el.querySelector<HTMLInputElement>("input");
      field?.select();
    }
    draw();
  };

  const draw = mount(
    () =>
      h(
        "div",
        { className: "friends-share-body" },
        h("h2", { id: "friends-share-title" }, t("friends.shareTitle")),
        h("p", {}, t("friends.shareIntro")),
        h(
          "p",
          { className: "friends-code", "aria-label": t("friends.codeLabel", { code: code.split("").join(" ") }) },
          code,
        ),
        h(
          "div",
          { className: "friends-link" },
          h(
            "label",
            { className: "field" },
            h("span", {}, t("friends.link")),
            h("input", {
              type: "text",
              readOnly: true,
              value: link,
              onFocus: (e: Event) => (e.currentTarget as HTMLInputElement).select(),
            }),
          ),
          h("button", { type: "button", className: "friends-copy", onClick: () => void copy() }, t("friends.copy")),
        ),
        h("p", { className: "friends-copied", role: "status" }, copied ? t("friends.copied") : ""),
        h("img", {
          className: "friends-qr",
          src: `${apiBase()}/api/tables/${encodeURIComponent(code)}/qr.svg`,
          alt: t("friends.qr", { code }),
          width: 160,
          height: 160,
        }),
      ),
    el,
  );
  return () => el.remove();
}
