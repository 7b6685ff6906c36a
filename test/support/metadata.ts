const JSON_PREFIX = "data:application/json;base64,";
const SVG_PREFIX = "data:image/svg+xml;base64,";

export interface CredentialMetadata {
  name: string;
  description: string;
  /** The credential's public page, when governance set the app's base URL. */
  external_url?: string;
  image: string;
  attributes: { trait_type: string; value: string | number; display_type?: string }[];
  learner: string;
  course_id: number;
  score_bps: number;
  issued_at: number;
  expires_at: number;
  issuer: string;
  status: "Valid" | "Expired" | "Revoked";
  chain_id: number;
  contract: string;
}

/** Parses an on-chain `data:application/json;base64,` token URI (it must be valid JSON). */
export function decodeTokenUri(uri: string): CredentialMetadata {
  if (!uri.startsWith(JSON_PREFIX)) throw new Error(`not a base64 JSON data URI: ${uri.slice(0, 40)}`);
  return JSON.parse(
    Buffer.from(uri.slice(JSON_PREFIX.length), "base64").toString("utf8"),
  ) as CredentialMetadata;
}

/** The SVG inside a metadata `image` data URI. */
export function decodeImage(image: string): string {
  if (!image.startsWith(SVG_PREFIX)) throw new Error(`not a base64 SVG data URI: ${image.slice(0, 40)}`);
  return Buffer.from(image.slice(SVG_PREFIX.length), "base64").toString("utf8");
}
