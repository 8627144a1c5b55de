// @ts-check
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Rules that keep shared/ pure: no framework, no Node built-ins, no clocks or ambient randomness. */
const purity = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { group: ["phaser", "phaser/*"], message: "shared/ must not depend on Phaser." },
        { group: ["colyseus", "@colyseus/*"], message: "shared/ must not depend on Colyseus." },
        { group: ["node:*"], message: "shared/ must not use Node built-ins." },
      ],
    },
  ],
  "no-restricted-properties": [
    "error",
    { object: "Math", property: "random", message: "Use the seeded Rng from shared/src/rng.ts." },
    { object: "Date", property: "now", message: "Rules take time as input; they never read a clock." },
    { object: "performance", property: "now", message: "Rules take time as input; they never read a clock." },
  ],
  "no-restricted-globals": [
    "error",
    { name: "setTimeout", message: "No timers in shared/." },
    { name: "setInterval", message: "No timers in shared/." },
    { name: "setImmediate", message: "No timers in shared/." },
    { name: "queueMicrotask", message: "No timers in shared/." },
  ],
  "no-restricted-syntax": [
    "error",
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "No clock reads in shared/." },
  ],
};

export default tseslint.config(
  { ignores: ["**/node_modules/**", "dist/**", ".tsbuild/**", "artifacts/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  { files: ["client/**/*.ts"], languageOptions: { globals: { ...globals.browser } } },
  { files: ["shared/**/*.ts"], languageOptions: { globals: {} }, rules: purity },
  prettier,
);
