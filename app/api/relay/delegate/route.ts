import { services } from "@/server/services";

/** POST /api/relay/delegate: submits a signed AZR delegation (delegateBySig) and pays its gas (server/relayer.ts). */
export const POST = (request: Request) => services().relayer.delegate(request);
