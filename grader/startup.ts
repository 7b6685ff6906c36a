import "server-only";
import { checkServerKeys } from "./server";

// Imported once at server start (instrumentation.ts): no usable keys, no server.
try {
  checkServerKeys();
} catch (error) {
  console.error(`Azora server refuses to start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
