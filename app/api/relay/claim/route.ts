import { services } from "@/grader/server";

/** POST /api/relay/claim: submits a Completion voucher's claim and pays its gas (grader/relayer.ts). */
export const POST = (request: Request) => services().relayer.claim(request);
