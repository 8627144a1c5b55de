/** Lucide icons of the table's tools, inline (decorative: every button also has a text name). */
import logOut from "lucide-static/icons/log-out.svg?raw";
import scrollText from "lucide-static/icons/scroll-text.svg?raw";
import zap from "lucide-static/icons/zap.svg?raw";
import zapOff from "lucide-static/icons/zap-off.svg?raw";

const SVG = { log: scrollText, leave: logOut, motionOn: zap, motionOff: zapOff } as const;

/** The icon as an element hidden from screen readers. */
export function toolIcon(name: keyof typeof SVG): HTMLElement {
  const span = document.createElement("span");
  span.className = "tool-icon";
  span.setAttribute("aria-hidden", "true");
  span.innerHTML = SVG[name].replace(/<!--[\s\S]*?-->/g, "");
  return span;
}
