// The package's ES module build has no declarations of its own; it exports what its CommonJS build declares.
declare module "fast-json-patch/index.mjs" {
  export * from "fast-json-patch";
}
