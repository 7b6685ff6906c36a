import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";

/** The page's own absolute URL, from the request (what a reader copies or scans). */
export async function credentialUrl(id: bigint): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto =
    h.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}/credentials/${id}`;
}

/** A QR code of `url` as an SVG string (rendered on the server: no script in the page). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
    color: { dark: "#000000", light: "#ffffff" },
  });
}
