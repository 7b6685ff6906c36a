/**
 * Runs once when the Next server starts: the grader and relayer keys are checked for the
 * manifest's chain, and the server refuses to start without usable keys (see grader/keys.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkServerKeys } = await import("./grader/server");
  try {
    checkServerKeys();
  } catch (error) {
    console.error(`Azora server refuses to start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
