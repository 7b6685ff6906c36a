import { services } from "@/grader/server";

/** POST /api/relay/vote: submits a signed ballot (the Governor's castVoteBySig) and pays its gas (grader/relayer.ts). */
export const POST = (request: Request) => services().relayer.vote(request);
