import mime from "mime";

/**
 * The kinds of content Azora stores, by media type: their file extensions and a check of the
 * bytes. In sniffing order: any UTF-8 text passes the markdown check, so it comes last.
 */
export const CONTENT_TYPES = {
  "image/png": { extensions: ["png"], matches: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  "image/jpeg": { extensions: ["jpg", "jpeg"], matches: startsWith(0xff, 0xd8, 0xff) },
  "image/webp": { extensions: ["webp"], matches: isWebp },
  "application/json": { extensions: ["json"], matches: isJson },
  "image/svg+xml": {
    extensions: ["svg"],
    matches: (bytes: Uint8Array) => /<svg[\s>]/i.test(text(bytes) ?? ""),
  },
  "text/markdown": {
    extensions: ["md", "markdown"],
    matches: (bytes: Uint8Array) => text(bytes) !== undefined,
  },
} as const;

export type ContentType = keyof typeof CONTENT_TYPES;

/** The media type of a `Content-Type` header value if it is one we store. */
export function contentTypeOfHeader(header: string | null): ContentType | undefined {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return Object.hasOwn(CONTENT_TYPES, type ?? "") ? (type as ContentType) : undefined;
}

/** The media type we store under a file name's extension. */
export function contentTypeOfName(name: string): ContentType | undefined {
  const extension = name.split(".").pop()?.toLowerCase() ?? "";
  const found = Object.entries(CONTENT_TYPES).find(([, { extensions }]) =>
    (extensions as readonly string[]).includes(extension),
  );
  return found?.[0] as ContentType | undefined;
}

/** Whether the bytes are what the media type says (valid JSON, UTF-8 text, an SVG, the image signature). */
export function bytesMatch(type: ContentType, bytes: Uint8Array): boolean {
  return CONTENT_TYPES[type].matches(bytes);
}

/**
 * The `Content-Type` to serve a file with: from its name when it has an extension, else from its
 * bytes (JSON, images, SVG, text), else `application/octet-stream`. Text types get `charset=utf-8`.
 */
export function servedContentType(name: string | undefined, bytes?: Uint8Array): string {
  const type = (name && typeByName(name)) || (bytes && sniff(bytes)) || "application/octet-stream";
  const textual = type.startsWith("text/") || type === "application/json" || type === "image/svg+xml";
  return textual ? `${type}; charset=utf-8` : type;
}

function typeByName(name: string): string | undefined {
  if (!name.includes(".")) return undefined;
  return contentTypeOfName(name) ?? mime.getType(name) ?? undefined;
}

function sniff(bytes: Uint8Array): string | undefined {
  const type = (Object.keys(CONTENT_TYPES) as ContentType[]).find((candidate) =>
    bytesMatch(candidate, bytes),
  );
  // Text with no name: plain text is the honest claim, markdown a guess.
  return type === "text/markdown" ? "text/plain" : type;
}

function text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isJson(bytes: Uint8Array): boolean {
  const source = text(bytes);
  if (source === undefined) return false;
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}

function startsWith(...signature: number[]) {
  return (bytes: Uint8Array) => signature.every((byte, i) => bytes[i] === byte);
}

function isWebp(bytes: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  return ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP";
}
