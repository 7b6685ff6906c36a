import type { ReactNode } from "react";
import { Shell } from "@/app/_components/shell/Shell";

/**
 * Public pages: rendered on the server, readable without JavaScript, and free of wallet code
 * (no wagmi, no RainbowKit). A page that offers an optional wallet action loads it on demand.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <Shell>{children}</Shell>;
}
