import type { ComponentProps } from "react";

type VerifierPath = "/verify" | `/verify?${string}` | `/credentials/${string}`;

/**
 * A link to a verifier page (/verify, /credentials/…): a plain <a>. Those pages belong to the
 * Pages Router (pages/, no JavaScript), so the App Router's <Link> would prefetch them as RSC and
 * keep that request open; a full page load is what they are anyway.
 */
export function VerifierLink({ href, ...rest }: Omit<ComponentProps<"a">, "href"> & { href: VerifierPath }) {
  return <a href={href} {...rest} />;
}
