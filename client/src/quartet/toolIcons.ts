/** Lucide icons of the table's tools, inline (decorative: every button also has a text name). */
import { h, type JSX } from "preact";
import logOut from "lucide-static/icons/log-out.svg?raw";
import scrollText from "lucide-static/icons/scroll-text.svg?raw";
import zap from "lucide-static/icons/zap.svg?raw";
import zapOff from "lucide-static/icons/zap-off.svg?raw";

const clean = (svg: string) => ({ __html: svg.replace(/<!--[\s\S]*?-->/g, "") });
const SVG = { log: clean(scrollText), leave: clean(logOut), motionOn: clean(zap), motionOff: clean(zapOff) } as const;

/** The icon, hidden from screen readers. */
export function toolIcon(name: keyof typeof SVG): JSX.Element {
  return h("span", { className: "tool-icon", "aria-hidden": "true", dangerouslySetInnerHTML: SVG[name] });
}
