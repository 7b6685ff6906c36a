import "server-only";
import { connection } from "next/server";
import { publicRuntimeConfig } from "./public-urls";
import type { RuntimeConfig } from "./public-urls";

export type { RuntimeConfig };
export { serverUrls } from "./public-urls";

/**
 * Reads the public URLs from the environment at request time (never baked into the build), so
 * one build serves any chain and ports. Awaiting `connection()` makes every caller dynamic.
 */
export async function getRuntimeConfig(): Promise<RuntimeConfig> {
  await connection();
  return publicRuntimeConfig();
}
