import { handleGatewayRequest } from "@/content/gateway";
import { sharedContentStore } from "@/content/open";

/** GET /ipfs/<cid>[/path]: the trustless gateway over the content store (see content/gateway.ts). */
export async function GET(request: Request): Promise<Response> {
  return handleGatewayRequest(await sharedContentStore(), request);
}
