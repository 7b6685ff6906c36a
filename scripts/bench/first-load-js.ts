// The app's first-load JS per route, from Next's production build (made first when missing).
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { REPO_ROOT } from "../stack/paths";
import { binOf, runToCompletion } from "../stack/processes";
import { table } from "./report";
import type { Rows } from "./report";
import type { FigureGroup } from "./setup";

/** Sums the gzipped size of every script a route loads first, from Next's build output. */
async function firstLoadJs(): Promise<Rows> {
  const manifestFile = path.join(REPO_ROOT, ".next", "app-build-manifest.json");
  const diagnostics = path.join(REPO_ROOT, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(diagnostics) && !existsSync(manifestFile)) {
    console.log("\n(no production build yet: running next build…)");
    await runToCompletion("next build", binOf("next"), ["build"]);
  }
  const gz = async (file: string) => gzipSync(await readFile(path.join(REPO_ROOT, ".next", file))).length;
  const rows: Rows = [];
  if (existsSync(diagnostics)) {
    const stats = JSON.parse(await readFile(diagnostics, "utf8")) as {
      route: string;
      firstLoadChunkPaths?: string[];
    }[];
    for (const { route, firstLoadChunkPaths = [] } of stats) {
      let total = 0;
      for (const chunk of firstLoadChunkPaths) total += await gz(chunk.replace(/^\.next\//, ""));
      rows.push([route, `${(total / 1024).toFixed(1)} kB`]);
    }
  } else {
    const files = await readdir(path.join(REPO_ROOT, ".next", "static", "chunks"));
    rows.push(["(all chunks)", `${files.length} files`]);
  }
  return rows;
}

export const firstLoadJsGroup: FigureGroup = {
  name: "first-load-js",
  async measure() {
    const rows = await firstLoadJs();
    return () => table("App first-load JS per route (gzipped, production build)", rows);
  },
};
