import { parseCredentialId, readCredential } from "../../_lib/credential-chain";
import { readCourseInfo } from "../../_lib/credential-extras";
import { openBadge } from "../../_lib/ob3";
import { credentialUrl } from "../../_components/share";

export const dynamic = "force-dynamic";

function problem(status: number, message: string) {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/** The credential as an Open Badges 3.0 `OpenBadgeCredential` (JSON), read from the chain. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: param } = await params;
  const id = parseCredentialId(param);
  if (id === null) return problem(400, "A credential id is a whole number, like 1 or 42.");
  const chain = await readCredential(id);
  if (!chain.ok) return problem(503, "The chain is not answering: no verdict can be given now.");
  if (!chain.data.record) return problem(404, "No such credential exists on this chain.");
  const url = credentialUrl(id, request.headers);
  const badge = openBadge({
    credential: chain.data,
    url,
    origin: new URL(url).origin,
    course: await readCourseInfo(chain.data.course?.contentCid),
  });
  return new Response(JSON.stringify(badge, null, 2), {
    headers: {
      "content-type": "application/ld+json; charset=utf-8",
      "content-disposition": `inline; filename="azora-credential-${id}.json"`,
      "cache-control": "no-store",
    },
  });
}
