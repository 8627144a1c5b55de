/**
 * SVG as text: every chart is a string that the browser inserts as it is and
 * the server draws into a PDF (svg-to-pdfkit). Text and attribute values are
 * always escaped here, so a name such as `<b>Zoë</b>` is shown as those
 * characters and never becomes markup.
 */

/** An attribute value: numbers are written with at most one decimal; `undefined` leaves the attribute out. */
export type AttrValue = string | number | undefined;

/** `text` with the five XML special characters as entities, safe as element text and as a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
}

const value = (v: string | number) => (typeof v === "number" ? String(Math.round(v * 10) / 10) : v);

/** Attributes as SVG text, each value escaped; `undefined` ones left out. */
function attributes(attrs: Readonly<Record<string, AttrValue>>): string {
  return Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(value(v))}"`)
    .join("");
}

/** One element: `name` with its attributes (escaped) and children, which are already SVG (from {@link el} or {@link text}). */
export function el(name: string, attrs: Readonly<Record<string, AttrValue>>, children: readonly string[] = []): string {
  const list = attributes(attrs);
  return children.length === 0 ? `<${name}${list}/>` : `<${name}${list}>${children.join("")}</${name}>`;
}

/** A text element: `content` is escaped, so it is shown exactly as given. */
export function text(attrs: Readonly<Record<string, AttrValue>>, content: string): string {
  return `<text${attributes(attrs)}>${escapeXml(content)}</text>`;
}

/** The outer `svg` element of a chart of `width` x `height` user units; it has no size of its own and fills the width of its box (on screen by CSS, in the PDF the box given to svg-to-pdfkit), its height following from the `viewBox`. */
export function svgRoot(
  attrs: Readonly<Record<string, AttrValue>>,
  width: number,
  height: number,
  children: readonly string[],
): string {
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${value(width)} ${value(height)}`,
      preserveAspectRatio: "xMidYMid meet",
      ...attrs,
    },
    children,
  );
}
