"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { VerifierLink } from "@/app/_components/ui/VerifierLink";
import { NAV_SECTIONS } from "./sections";
import type { NavSection } from "./sections";

/** The section links; the current section is marked for screen readers and styled. */
export function NavLinks({ labels }: { labels: Record<NavSection, string> }) {
  const pathname = usePathname() ?? "/";
  return (
    <ul className="nav-links">
      {NAV_SECTIONS.map(({ key, href }) => {
        const current =
          pathname === href ||
          pathname.startsWith(`${href}/`) ||
          (key === "verify" && pathname.startsWith("/credentials/"));
        return (
          <li key={key}>
            {href === "/verify" ? (
              <VerifierLink href={href} aria-current={current ? "page" : undefined}>
                {labels[key]}
              </VerifierLink>
            ) : (
              <Link href={href} aria-current={current ? "page" : undefined} prefetch={false}>
                {labels[key]}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
