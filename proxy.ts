import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { credentialPageStatus } from "./app/(public)/credentials/_lib/http-status";

/** Statuses pages cannot set themselves: a credential page's 400 (malformed id) and 503 (chain down). */
export async function proxy(request: NextRequest) {
  return (await credentialPageStatus(request)) ?? NextResponse.next();
}

export const config = { matcher: ["/credentials/:id"] };
