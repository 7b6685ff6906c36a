import { methodNotAllowed } from "@/server/http";
import { services } from "@/server/services";

/** POST /api/relay/delegate: submits a signed AZR delegation (delegateBySig) and pays its gas (server/relayer.ts). */
export const POST = (request: Request) => services().relayer.delegate(request);
export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
