import "server-only";
import { manifest } from "../deployments/index";
import { stampClientAddresses } from "./client-address";
import { serverKey } from "./keys";
import { guardRequestTargets } from "./request-target";

// Imported once at server start (instrumentation.ts): no usable keys for the manifest's chain,
// no server. Every request is stamped with its client's address (AZORA_TRUSTED_PROXIES), and a URL
// too long or badly percent-encoded is refused before Next routes it.
try {
  stampClientAddresses();
  guardRequestTargets();
  serverKey("verifier", manifest.chainId);
  serverKey("relayer", manifest.chainId);
} catch (error) {
  console.error(`Azora server refuses to start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
