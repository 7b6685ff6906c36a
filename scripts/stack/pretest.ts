// Runs before `npm test`: the browser tests drive Debian's Chromium, and every test talks to
// local services over 127.0.0.1.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { ensureLoopback } from "./loopback";

ensureLoopback();

// Install Chromium when it is missing (these machines run as root), or say exactly what to run.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const INSTALL = "apt-get update && apt-get install -y chromium";
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`Browser tests need Debian's Chromium at ${CHROMIUM}. Install it with:\n  sudo ${INSTALL}`);
    process.exit(1);
  }
  console.log(`Chromium is missing: running "${INSTALL}"…`);
  const result = spawnSync("sh", ["-c", INSTALL], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0 || !existsSync(CHROMIUM)) {
    console.error(`Installing Chromium failed. Run this yourself, then npm test again:\n  ${INSTALL}`);
    process.exit(1);
  }
}
