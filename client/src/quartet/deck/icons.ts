/**
 * The Lucide icons of the five themes, bundled as SVG text (no network
 * request) and turned into white images for the card faces and badges.
 */
import type { ThemeId } from "@iot/shared/quartet/cardIds";
import network from "lucide-static/icons/network.svg?raw";
import sparkles from "lucide-static/icons/sparkles.svg?raw";
import graduationCap from "lucide-static/icons/graduation-cap.svg?raw";
import coins from "lucide-static/icons/coins.svg?raw";
import landmark from "lucide-static/icons/landmark.svg?raw";

/** Raw SVG of every bundled icon by its Lucide name. */
export const ICON_SVG: Readonly<Record<string, string>> = {
  network,
  sparkles,
  "graduation-cap": graduationCap,
  coins,
  landmark,
};

/** The SVG with its stroke colour and pixel size set (for `<img>` and canvas use). */
export function colouredSvg(svg: string, colour: string, size: number): string {
  return svg
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/stroke="currentColor"/, `stroke="${colour}"`)
    .replace(/width="24"/, `width="${size}"`)
    .replace(/height="24"/, `height="${size}"`);
}

/** Loads an icon as an image drawn in `colour`; resolves when it can be drawn. */
export function loadIcon(svg: string, colour: string, size = 96): Promise<HTMLImageElement> {
  const img = new Image(size, size);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(colouredSvg(svg, colour, size))}`;
  return img.decode().then(
    () => img,
    () => img,
  );
}

/** Loads the white icon of every theme. */
export async function loadThemeIcons(
  names: Record<ThemeId, string>,
): Promise<Record<ThemeId, HTMLImageElement | null>> {
  const entries = await Promise.all(
    Object.entries(names).map(async ([theme, name]) => {
      const svg = ICON_SVG[name];
      return [theme, svg ? await loadIcon(svg, "#ffffff") : null] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ThemeId, HTMLImageElement | null>;
}
