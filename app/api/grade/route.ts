import { methodNotAllowed } from "@/server/http";
import { services } from "@/server/services";

/** GET /api/grade?learner=&courseId=: the learner's open attempt (its questions, drawn for them) (server/grader.ts). */
export const GET = (request: Request) => services().grader.attempt(request);
/** POST /api/grade: grades a learner's signed answers to their attempt; a pass carries the signed voucher. */
export const POST = (request: Request) => services().grader.handle(request);
export const PUT = methodNotAllowed("GET or POST");
export const PATCH = PUT;
export const DELETE = PUT;
