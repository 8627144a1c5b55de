import { defineConfig } from "vitest/config";

export default defineConfig({
  root: "client",
  publicDir: "../assets",
  // Phaser (about 350 KB gzip) is in the table's chunk, loaded on demand; the first screen stays small.
  build: { outDir: "../dist/client", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1600 },
  // Hot reload: `npx vite` serves the client on 5173; it talks to the game server on :2567 (or VITE_SERVER_URL).
  server: { port: 5173, proxy: { "/api": "http://localhost:2567" } },
  test: {
    root: ".",
    projects: [
      {
        test: {
          name: "unit",
          root: ".",
          include: ["tests/shared/**/*.test.ts", "tests/scripts/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "client",
          root: ".",
          include: ["tests/client/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "server",
          root: ".",
          include: ["tests/server/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
