import "server-only";
import { manifest } from "../deployments/index";
import { serverKey } from "./keys";

// Imported once at server start (instrumentation.ts): no usable keys for the manifest's chain,
// no server.
try {
  serverKey("verifier", manifest.chainId);
  serverKey("relayer", manifest.chainId);
} catch (error) {
  console.error(`Azora server refuses to start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
