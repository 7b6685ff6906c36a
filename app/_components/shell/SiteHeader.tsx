import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { NavLinks } from "./NavLinks";
import { NAV_SECTIONS } from "./sections";
import type { NavSection } from "./sections";

/** Brand, language and (on wallet pages) the wallet button on top; every section below. */
export function SiteHeader({ wallet }: { wallet?: ReactNode }) {
  const t = useTranslations("nav");
  const labels = Object.fromEntries(NAV_SECTIONS.map(({ key }) => [key, t(key)])) as Record<
    NavSection,
    string
  >;
  return (
    <header className="site-header">
      <div className="site-bar">
        <Link href="/" className="brand" aria-label={t("homeLabel")}>
          <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="8" fill="#0a6847" />
            <path
              d="M9 24 16 8l7 16M11.5 18.5h9"
              fill="none"
              stroke="#fff"
              strokeWidth="2.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          Azora
        </Link>
        <div className="site-tools">
          <LanguageSwitcher />
          {wallet}
        </div>
      </div>
      <nav aria-label={t("label")} className="site-nav">
        <NavLinks labels={labels} />
      </nav>
    </header>
  );
}
