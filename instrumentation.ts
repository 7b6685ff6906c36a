/**
 * Runs once when the Next server starts. On Node (not the edge runtime) the grader and relayer
 * keys are checked for the manifest's chain, and the server refuses to start without usable
 * keys (server/startup.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./server/startup");
}
