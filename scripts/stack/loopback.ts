import { spawnSync } from "node:child_process";

/**
 * The stack's processes talk over 127.0.0.1. A fresh network namespace with no network at all
 * (`unshare -n`) starts with its loopback interface down, so bring it up (as root) before
 * starting anything; nothing beyond loopback is touched. (sysfs may show another namespace's
 * interfaces, so ask `ip`, which answers for this one.)
 */
export function ensureLoopback(): void {
  const shown = spawnSync("ip", ["-o", "link", "show", "lo"], { encoding: "utf8" });
  if (shown.status !== 0) return; // no iproute2 (not Linux): nothing to check
  const flags = /<([^>]*)>/.exec(shown.stdout)?.[1]?.split(",") ?? [];
  if (flags.includes("UP")) return;
  const result = spawnSync("ip", ["link", "set", "lo", "up"], { stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(
      "The loopback interface is down and could not be brought up: run `ip link set lo up` as root",
    );
  }
  console.log("Brought the loopback interface up (this network namespace started without it).");
}
