import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

/**
 * The fonts of every PDF the server writes (the quartet and planner workshop
 * reports and the personal planner report): DejaVu Sans, regular and bold,
 * from the `dejavu-fonts-ttf` package, embedded (as a subset) in each PDF.
 * It covers Latin with its extensions (Łukasz, Şahin, Dvořák, İlkay),
 * Greek, Cyrillic, Hebrew and Arabic, so names print as typed, and
 * pdftotext or a screen reader reads them back.
 *
 * The files are resolved from node_modules at run time, relative to this
 * module, which works from `server/src/` (tsx) and from the bundle in
 * `dist/server/` alike (packages stay imports there).
 *
 * Right to left: pdfkit lays text out with fontkit, which shapes Arabic
 * (joined letter forms) and writes a run of Arabic or Hebrew right to left,
 * so a name in one of those scripts reads correctly. There is no bidi
 * algorithm, though: a line that mixes directions (a Latin name next to an
 * Arabic one in one line) may show its runs in the wrong order. Names are
 * printed as typed, nothing is transliterated.
 *
 * Characters the font has no glyph for (most emoji, CJK): see {@link printable}.
 */
const require = createRequire(import.meta.url);

/** The font files, as paths in node_modules. */
export const FONT_FILES = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
} as const;

/** The names the fonts are registered under in each document. */
export const FONT = { regular: "DejaVuSans", bold: "DejaVuSans-Bold" } as const;

/** The part of fontkit (the font engine pdfkit uses) this module needs. */
interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
const fontkit = require("fontkit") as { create(buffer: Buffer): FontkitFont };

let loaded: { regular: Buffer; bold: Buffer; faces: FontkitFont[] } | undefined;

/** Reads the font files once per process. */
function fonts(): NonNullable<typeof loaded> {
  if (!loaded) {
    const regular = readFileSync(FONT_FILES.regular);
    const bold = readFileSync(FONT_FILES.bold);
    loaded = { regular, bold, faces: [fontkit.create(regular), fontkit.create(bold)] };
  }
  return loaded;
}

/** Registers the regular and bold font on `doc` and makes the regular one current. */
export function useUnicodeFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  const f = fonts();
  doc.registerFont(FONT.regular, f.regular);
  doc.registerFont(FONT.bold, f.bold);
  return doc.font(FONT.regular);
}

/** What is printed for a character (a grapheme: an emoji with its modifiers and joiners counts as one) the fonts lack. */
export const MISSING_GLYPH = "?";

/** Joiners and selectors that only modify what stands next to them; alone they are never the reason to replace a grapheme. */
const isModifier = (cp: number) => cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f);

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * `text` as the PDF fonts can print it: every grapheme that has a code
 * point neither font has a glyph for (most emoji, CJK, rare scripts) becomes
 * {@link MISSING_GLYPH}, so "Anna 🦄" prints as "Anna ?" instead of an empty
 * box; what the fonts have (including the few emoji DejaVu draws, such as
 * ☺ or 😀) is kept as typed.
 */
export function printable(text: string): string {
  const { faces } = fonts();
  const has = (cp: number) => faces.every((f) => f.hasGlyphForCodePoint(cp));
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    const missing = [...segment].some((c) => {
      const cp = c.codePointAt(0) ?? 0;
      return !isModifier(cp) && !has(cp);
    });
    out += missing ? MISSING_GLYPH : segment;
  }
  return out;
}

/**
 * A new PDF with the Unicode fonts registered (the regular one current) and
 * its bytes, complete once `doc.end()` is called.
 */
export function unicodePdf(options: PDFKit.PDFDocumentOptions): {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  useUnicodeFonts(doc);
  return { doc, done };
}
