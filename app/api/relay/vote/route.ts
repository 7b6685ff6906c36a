import { methodNotAllowed } from "@/server/http";
import { services } from "@/server/services";

/** POST /api/relay/vote: submits a signed ballot (the Governor's castVoteBySig) and pays its gas (server/relayer.ts). */
export const POST = (request: Request) => services().relayer.vote(request);
export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
