import type { NextConfig } from "next";

// The chain and indexer URLs are not configured here: the root layout reads them per request
// (see app/_lib/server-config.ts), so one build runs against any chain and ports.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
