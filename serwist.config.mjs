// @ts-check
// `serwist build` (Serwist's configurator mode) bundles app/sw.ts into public/sw.js after
// `next build` — bundler-agnostic, so it works with Next 16's Turbopack build.
import { readFileSync } from "node:fs";
import { serwist } from "@serwist/next/config";

/** The build's id: the precached offline page is fetched again after each new build. */
const revision = readFileSync(".next/BUILD_ID", "utf8").trim();

export default serwist({
  swSrc: "app/sw.ts",
  swDest: "public/sw.js",
  // Precache only the offline page and the icons: the build's scripts are cached as pages use
  // them, so a first visit does not download every page's code on a costly link.
  globPatterns: ["public/icons/*.png"],
  precachePrerendered: false,
  additionalPrecacheEntries: [{ url: "/offline", revision }],
});
