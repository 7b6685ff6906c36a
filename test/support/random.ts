/**
 * A small seeded PRNG (mulberry32) so random sequences in invariant tests are reproducible:
 * a failure prints its seed, and `SEED=<n> npm test` replays it.
 */
export function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    /** Integer in [0, n). */
    int: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
  };
}

export function seedFromEnv(): number {
  return process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31);
}

/**
 * Runs one step of a random sequence drawn from `r`; a failure is rethrown naming the step
 * (`what`: its number and draw) and the seed that replays the whole sequence.
 */
export async function replayable(
  r: { seed: number },
  what: string,
  step: () => Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    throw new Error(`${what} failed; replay with SEED=${r.seed}`, { cause: error });
  }
}
