import { ImageResponse } from "next/og";
import { getTranslations } from "next-intl/server";
import { shortAddress } from "@/app/_lib/format";
import { parseCredentialId, readCredential } from "../../_lib/credential-chain";
import { readCourseInfo } from "../../_lib/credential-extras";

/** The Open Graph image size chat apps expect (pages/credentials/[id].tsx links it). */
const size = { width: 1200, height: 630 };

const COLOURS = {
  valid: "#166534",
  revoked: "#991b1b",
  expired: "#92400e",
  burned: "#374151",
  none: "#374151",
};

/**
 * The link preview of a credential page (its og:image): the chain's verdict, the course and the
 * holder. A plain route, not Next's opengraph-image convention: the page is a Pages Router page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id: param } = await params;
  const t = await getTranslations("credentials");
  const id = parseCredentialId(param);
  const chain = id === null ? null : await readCredential(id);
  const credential = chain?.ok ? chain.data : null;
  const course = credential ? await readCourseInfo(credential.course?.contentCid) : null;
  const verdict = credential
    ? t(`verdict.${credential.verdict}`)
    : id === null
      ? t("invalid.title")
      : t("down.title");
  const colour = credential ? COLOURS[credential.verdict] : COLOURS.none;
  const courseName = credential
    ? (course?.title ?? t("facts.courseNumber", { id: credential.courseId.toString() }))
    : "";
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#ffffff",
        color: "#111827",
        fontSize: 40,
      }}
    >
      <div style={{ display: "flex", fontSize: 36, color: "#4b5563" }}>Azora</div>
      <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
        <div
          style={{
            display: "flex",
            alignSelf: "flex-start",
            padding: "12px 32px",
            borderRadius: 16,
            background: colour,
            color: "#ffffff",
            fontSize: 56,
          }}
        >
          {verdict}
        </div>
        <div style={{ display: "flex", fontSize: 72, fontWeight: 700 }}>{courseName}</div>
        {credential && (
          <div style={{ display: "flex", color: "#374151" }}>
            {t("og.holder", { holder: shortAddress(credential.holder) })}
          </div>
        )}
      </div>
      <div style={{ display: "flex", fontSize: 28, color: "#4b5563" }}>
        {t("check.title")}: isValid({id?.toString().slice(0, 24) ?? "?"}
        {id !== null && id.toString().length > 24 ? "…" : ""})
      </div>
    </div>,
    { ...size, headers: { "cache-control": "no-store" } },
  );
}
