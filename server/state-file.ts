import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PublicClient } from "viem";

/** Where the grader and relayer keep what must survive a restart, unless `AZORA_DATA_DIR` says otherwise. */
export const DEFAULT_DATA_DIR = ".azora/grader";

/** One lock per file for the whole process (Next may load a module once per route). */
const locks: Map<string, Promise<unknown>> = ((
  globalThis as { azoraStateLocks?: Map<string, Promise<unknown>> }
).azoraStateLocks ??= new Map());

/** What the grader and the relayer are each built with: the chain, their state, limits over their defaults, a clock. */
export interface ServiceOptions<State extends object, Limits> {
  publicClient: PublicClient;
  state: StateFile<State>;
  limits?: Partial<Limits>;
  /** The clock, in ms (tests move it). */
  now?: () => number;
}

/**
 * A small JSON document on disk that survives a restart: each `update` reads the file, applies
 * a change and writes it atomically (a temp file renamed over the old one), one update at a time
 * per file in this process. Fine for one server process; several replicas would need a database.
 */
export class StateFile<T extends object> {
  constructor(
    readonly file: string,
    private readonly empty: () => T,
  ) {}

  /** Applies `change` to the stored state and persists it; resolves to what `change` returns. */
  update<R>(change: (state: T) => R): Promise<R> {
    const previous = locks.get(this.file) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const state = await this.read();
        const result = change(state);
        await mkdir(path.dirname(this.file), { recursive: true });
        const temp = `${this.file}.${process.pid}.tmp`;
        await writeFile(temp, JSON.stringify(state));
        await rename(temp, this.file);
        return result;
      });
    locks.set(this.file, next);
    return next;
  }

  private async read(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return this.empty();
      throw error;
    }
    return { ...this.empty(), ...(JSON.parse(text) as T) };
  }
}
