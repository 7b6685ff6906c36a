import { services } from "@/grader/server";

/** POST /api/grade: grades a learner's signed quiz submission; a pass carries the signed voucher (grader/grader.ts). */
export const POST = (request: Request) => services().grader.handle(request);
