import { handleGatewayRequest } from "@/content/gateway";
import { sharedContentStore } from "@/content/open";
import { methodNotAllowed } from "@/server/http";

/** GET /ipfs/<cid>[/path]: the trustless gateway over the content store (see content/gateway.ts). */
export async function GET(request: Request): Promise<Response> {
  return handleGatewayRequest(await sharedContentStore(), request);
}
export const POST = methodNotAllowed("GET");
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
