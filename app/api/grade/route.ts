import { services } from "@/server/services";

/** POST /api/grade: grades a learner's signed quiz submission; a pass carries the signed voucher (server/grader.ts). */
export const POST = (request: Request) => services().grader.handle(request);
