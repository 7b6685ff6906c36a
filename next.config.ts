import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The chain and indexer URLs are not configured here: the layouts read them per request
// (see app/_lib/server-config.ts), so one build runs against any chain and ports.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    // The service worker (built by `serwist build` into public/sw.js) must never be cached by
    // HTTP, so an update is seen on the next visit.
    return [
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache, no-store, must-revalidate" }] },
    ];
  },
};

// next-intl without i18n routing: the locale comes from a cookie or Accept-Language.
export default createNextIntlPlugin("./app/_i18n/request.ts")(nextConfig);
