import { services } from "@/server/services";

/** POST /api/relay/claim: submits a Completion voucher's claim and pays its gas (server/relayer.ts). */
export const POST = (request: Request) => services().relayer.claim(request);
