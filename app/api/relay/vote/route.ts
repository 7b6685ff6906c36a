import { services } from "@/server/services";

/** POST /api/relay/vote: submits a signed ballot (the Governor's castVoteBySig) and pays its gas (server/relayer.ts). */
export const POST = (request: Request) => services().relayer.vote(request);
