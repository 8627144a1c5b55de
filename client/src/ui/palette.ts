/** The charts' and trucks' palette, one for the screens and the PDFs: see `@iot/shared/charts/palette`. */
export { cycle, OKABE_ITO } from "@iot/shared/charts/palette";
