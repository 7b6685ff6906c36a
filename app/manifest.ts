import type { MetadataRoute } from "next";
import { getTranslations } from "next-intl/server";

/** The web app manifest: installable from the browser, opening on the courses. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const t = await getTranslations("common");
  return {
    name: "Azora",
    short_name: "Azora",
    description: t("meta.description"),
    start_url: "/learn",
    scope: "/",
    display: "standalone",
    background_color: "#f6f8f7",
    theme_color: "#0a6847",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
