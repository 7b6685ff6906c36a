import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";

/** The frame of every page: skip link, header with navigation, main, footer. */
export async function Shell({ wallet, children }: { wallet?: ReactNode; children: ReactNode }) {
  const t = await getTranslations("nav");
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
