import { VerifierLink } from "@/app/_components/ui/VerifierLink";
import { useTranslations } from "next-intl";
import { manifest } from "@/deployments/index";

/** Which chain the app reads, in words; never a URL (a server's RPC URL may carry a key). */
export function SiteFooter() {
  const t = useTranslations("common");
  return (
    <footer className="site-footer">
      <p>{t("footer.chain", { chainId: manifest.chainId })}</p>
      <p>
        {t("footer.checkable")} <VerifierLink href="/verify">{t("footer.verify")}</VerifierLink>
      </p>
    </footer>
  );
}
