import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { REPO_ROOT } from "./paths";

/** A port the OS says is free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The JS entry point of a package's CLI, run with this process's Node (22 under npm run). */
export function binOf(pkg: "hardhat" | "ponder" | "next"): string {
  const entries = { hardhat: "dist/src/cli.js", ponder: "dist/esm/bin/ponder.js", next: "dist/bin/next" };
  return path.join(REPO_ROOT, "node_modules", pkg, entries[pkg]);
}

export interface Service {
  name: string;
  child: ChildProcess;
  /** The last lines it printed, for error messages. */
  tail(): string;
  /** Whether its output (the last megabyte of it) matches `pattern`. */
  printed(pattern: RegExp): boolean;
  stop(): Promise<void>;
}

const running = new Set<Service>();

// Last resort: if this process exits while services still run (a crash, an uncaught error),
// kill their process groups so nothing outlives it.
process.once("exit", () => {
  for (const { child } of running) {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

/**
 * Starts `bin args…` under this Node in its own process group, so that stopping it also stops
 * whatever it spawned. Output goes to `logFile` (when given), to the console (when `echo`),
 * and to a short in-memory tail.
 */
export function startService(
  name: string,
  bin: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; logFile?: string; echo?: boolean } = {},
): Service {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let printedSoFar = "";
  const log = options.logFile ? createWriteStream(options.logFile, { flags: "a" }) : undefined;
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    log?.write(text);
    if (options.echo)
      for (const line of text.split("\n")) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
    lines.push(...text.split("\n").filter((l) => l.trim()));
    // Bounded, for long-running services: keep the most recent megabyte.
    printedSoFar = (printedSoFar + text).slice(-1_000_000);
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const service: Service = {
    name,
    child,
    tail: () => lines.join("\n"),
    printed: (pattern) => pattern.test(printedSoFar),
    async stop() {
      running.delete(service);
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const group = -child.pid;
      try {
        process.kill(group, "SIGTERM");
      } catch {
        return; // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(group, "SIGKILL");
        } catch {
          // exited between the check and the kill
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
      log?.end();
    },
  };
  running.add(service);
  return service;
}

/** Stops every service this process started, newest first. */
export async function stopAllServices(): Promise<void> {
  for (const service of [...running].reverse()) await service.stop();
}

/**
 * For a script that runs services until Ctrl-C (`npm run dev`, `npm run indexer:replicas`): on
 * SIGINT or SIGTERM, says "Stopping `what`…", stops every service started and exits. `watch(service)`
 * does the same, with exit code 1 and the service's last lines, when that service stops by itself;
 * `shutdown(code)` when the script itself fails.
 */
export function superviseServices(what: string) {
  let stopping = false;
  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping ${what}…`);
    await stopAllServices();
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  function watch(service: Service): void {
    service.child.once("exit", (code) => {
      if (stopping) return;
      console.error(
        `\n${service.name} stopped unexpectedly (exit ${code}). Its last lines:\n${service.tail()}`,
      );
      void shutdown(1);
    });
  }
  return { shutdown, watch };
}

/** Resolves when `url` answers 2xx; rejects with the service's output after `timeoutMs`. */
export async function waitForHttp(url: string, service: Service, timeoutMs = 120_000, init?: RequestInit) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(`${service.name} exited with code ${service.child.exitCode}:\n${service.tail()}`);
    }
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `${service.name} did not answer at ${url} within ${timeoutMs / 1000} s:\n${service.tail()}`,
  );
}

/** Runs `bin args…` under this Node to completion; rejects with its output when it fails. */
export async function runToCompletion(name: string, bin: string, args: string[]): Promise<void> {
  const service = startService(name, bin, args);
  const code = await new Promise<number | null>((resolve) => service.child.once("exit", resolve));
  running.delete(service);
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${service.tail()}`);
}
