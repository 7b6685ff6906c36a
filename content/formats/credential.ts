import { CID } from "multiformats/cid";
import { z } from "zod";
import { text } from "./common";

/** `ipfs://<cid>[/path]` with a valid CID, or an https URL. */
const contentUri = z
  .string()
  .refine(
    (uri) => (uri.startsWith("https://") ? URL.canParse(uri) : isCid(/^ipfs:\/\/([^/?#]+)/.exec(uri)?.[1])),
    {
      message: "expected ipfs://<cid>[/path] or an https:// URL",
    },
  );

function isCid(text: string | undefined): boolean {
  try {
    return text !== undefined && Boolean(CID.parse(text));
  } catch {
    return false;
  }
}

/** A credential's token metadata (see the description below). */
export const credentialMetadataSchema = z
  .object({
    name: text(120),
    description: text(1_000),
    image: contentUri.describe("The credential's picture"),
    external_url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe("Where to verify it"),
    attributes: z
      .array(
        z
          .object({
            trait_type: text(60),
            value: z.union([text(200), z.number()]),
            display_type: z.enum(["number", "date", "boost_number", "boost_percentage"]).optional(),
          })
          .strict(),
      )
      .max(20),
  })
  .strict()
  .meta({
    title: "Azora credential metadata",
    description:
      "A credential's ERC-721 metadata JSON, what tokenURI points to. The facts a verifier relies on " +
      "(course, issuer, dates, score, validity) are read from the chain; the attributes repeat them " +
      "for wallets and marketplaces.",
  });

export type CredentialMetadata = z.infer<typeof credentialMetadataSchema>;
