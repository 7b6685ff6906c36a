import { services } from "@/grader/server";

/** POST /api/relay/delegate: submits a signed AZR delegation (delegateBySig) and pays its gas (grader/relayer.ts). */
export const POST = (request: Request) => services().relayer.delegate(request);
