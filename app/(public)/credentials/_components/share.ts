import "@/app/_lib/server-side";
import QRCode from "qrcode";

/** The request headers this module reads (a Fetch `Headers`, or a Pages Router request's, adapted). */
export interface HeaderReader {
  get(name: string): string | null | undefined;
}

/** The page's own absolute URL, from the request (what a reader copies or scans). */
export function credentialUrl(id: bigint, headers: HeaderReader): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto =
    headers.get("x-forwarded-proto") ??
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
