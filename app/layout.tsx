import "@rainbow-me/rainbowkit/styles.css";
import "./globals.css";
import { GeistSans } from "geist/font/sans";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "./_components/Providers";
import { SiteHeader } from "./_components/SiteHeader";
import { getRuntimeConfig } from "./_lib/server-config";

export const metadata: Metadata = {
  title: { default: "Azora — learn, prove it, earn AZR", template: "%s · Azora" },
  description:
    "Learn, pass a quiz, earn AZR. Credentials anyone can check, jobs paid in AZR, and a DAO of AZR holders.",
};

export const viewport: Viewport = { themeColor: "#0a6847" };

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // Per request, so the same build serves any chain and indexer URL.
  const runtime = await getRuntimeConfig();
  return (
    <html lang="en" className={GeistSans.variable}>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Providers runtime={runtime}>
          <SiteHeader />
          <main id="main">{children}</main>
        </Providers>
        <footer className="site-footer">
          <p>
            Azora reads AZR from the chain at <code>{runtime.rpcUrl}</code> and its history from the indexer
            at <code>{runtime.indexerUrl}</code>.
          </p>
        </footer>
      </body>
    </html>
  );
}
