"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
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
            <Link href={href} aria-current={current ? "page" : undefined} prefetch={false}>
              {labels[key]}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
