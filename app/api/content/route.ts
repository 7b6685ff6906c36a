import { sharedContentStore } from "@/content/open";
import { createUploadHandler } from "@/content/upload";
import { methodNotAllowed } from "@/server/http";

const fromEnv = (name: string) => Number(process.env[name]) || undefined;

/** POST /api/content: signed, bounded uploads to the content store (see content/upload.ts). */
export const POST = createUploadHandler({
  store: sharedContentStore,
  maxBytes: fromEnv("CONTENT_UPLOAD_MAX_BYTES"),
  bytesPerClientPerDay: fromEnv("CONTENT_UPLOAD_CLIENT_BYTES_PER_DAY"),
  bytesPerDay: fromEnv("CONTENT_UPLOAD_BYTES_PER_DAY"),
});
export const GET = methodNotAllowed("POST");
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
