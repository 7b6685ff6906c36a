import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";

/** The frame of every page: skip link, header with navigation, main, footer. */
export function Shell({ wallet, children }: { wallet?: ReactNode; children: ReactNode }) {
  const t = useTranslations("nav");
  return (
    <>
      <a href="#main" className="skip-link">
        {t("skip")}
      </a>
      <SiteHeader wallet={wallet} />
      <main id="main">{children}</main>
      <SiteFooter />
    </>
  );
}
