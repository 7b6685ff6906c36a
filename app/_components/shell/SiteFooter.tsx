import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { manifest } from "@/deployments/index";

/** Which chain the app reads, in words; never a URL (a server's RPC URL may carry a key). */
export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="site-footer">
      <p>{t("footer.chain", { chainId: manifest.chainId })}</p>
      <p>
        {t("footer.checkable")} <Link href="/verify">{t("footer.verify")}</Link>
      </p>
    </footer>
  );
}
