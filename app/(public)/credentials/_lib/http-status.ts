import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { serverUrls } from "@/app/_lib/public-urls";

// The HTTP status of a credential page, decided before it renders (a page cannot set its own):
// 400 for an id that is not a whole number below 2^256, 503 when the chain does not answer. The
// page still renders the same words (the verdict or the reason); 404 comes from the page itself.

const ID = /^\/credentials\/([^/]+)\/?$/;
const MAX_ID = (1n << 256n) - 1n;

function isCredentialId(text: string): boolean {
  return /^[0-9]{1,78}$/.test(text) && BigInt(text) <= MAX_ID;
}

/** Whether the chain at RPC_URL answers `eth_blockNumber` within two seconds. */
async function chainAnswers(): Promise<boolean> {
  try {
    const response = await fetch(serverUrls().rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
      signal: AbortSignal.timeout(2_000),
      cache: "no-store",
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** For `/credentials/<id>` pages: the same page with status 400 or 503, else nothing. */
export async function credentialPageStatus(request: NextRequest): Promise<NextResponse | undefined> {
  const match = ID.exec(request.nextUrl.pathname);
  if (!match?.[1]) return undefined;
  if (!isCredentialId(match[1])) return NextResponse.rewrite(request.nextUrl, { status: 400 });
  if (!(await chainAnswers())) return NextResponse.rewrite(request.nextUrl, { status: 503 });
  return undefined;
}
