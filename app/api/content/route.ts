import { sharedContentStore } from "@/content/open";
import { createUploadHandler } from "@/content/upload";

/** POST /api/content: signed, bounded uploads to the content store (see content/upload.ts). */
export const POST = createUploadHandler({
  store: sharedContentStore,
  maxBytes: Number(process.env.CONTENT_UPLOAD_MAX_BYTES) || undefined,
});
