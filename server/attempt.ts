import { hmac } from "@noble/hashes/hmac";
import { sha256 } from "@noble/hashes/sha2";
import { hexToBytes } from "viem";
import type { Address, Hex } from "viem";

/** One question of an attempt: its id, and its options in the order shown (`order[shown] = index in course.json`). */
export interface AskedQuestion {
  id: string;
  order: number[];
}

/**
 * The questions attempt `attempt` of `learner` at `courseId` asks, and the order of their
 * options: `count` questions drawn from the bank (course.json's questions) and shuffled, each
 * with its options shuffled, by a generator seeded with HMAC-SHA256(`secret`, learner, course,
 * attempt). The same attempt always asks the same (a reload shows the same quiz); another
 * attempt or another learner draws again; nobody without `secret` can predict a draw.
 */
export function selectAttempt(
  secret: Uint8Array,
  bank: readonly { id: string; options: readonly unknown[] }[],
  count: number,
  context: { chainId: number; learner: Address; courseId: bigint; attempt: number },
): AskedQuestion[] {
  const random = randomInts(
    secret,
    `azora quiz attempt|${context.chainId}|${context.learner.toLowerCase()}|${context.courseId}|${context.attempt}`,
  );
  const picked = shuffled(
    bank.map((_, i) => i),
    random,
  ).slice(0, Math.min(count, bank.length));
  return picked.map((i) => ({
    id: bank[i]!.id,
    order: shuffled(
      bank[i]!.options.map((_, option) => option),
      random,
    ),
  }));
}

/** The secret the draws are seeded with, derived from the verifier's key (never leaves the grader). */
export function selectionSecret(verifierKey: Hex): Uint8Array {
  return hmac(sha256, hexToBytes(verifierKey), new TextEncoder().encode("azora quiz selection v1"));
}

/** Fisher–Yates on a copy. */
function shuffled<T>(items: readonly T[], random: (below: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Uniform integers below `n` from HMAC-SHA256(secret, label ‖ counter) blocks (rejection sampling). */
function randomInts(secret: Uint8Array, label: string): (below: number) => number {
  let block: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let counter = 0;
  const next32 = () => {
    if (offset + 4 > block.length) {
      block = hmac(sha256, secret, new TextEncoder().encode(`${label}|${counter++}`));
      offset = 0;
    }
    const value = new DataView(block.buffer, block.byteOffset + offset, 4).getUint32(0);
    offset += 4;
    return value;
  };
  return (below) => {
    const limit = Math.floor(2 ** 32 / below) * below;
    for (;;) {
      const value = next32();
      if (value < limit) return value % below;
    }
  };
}
