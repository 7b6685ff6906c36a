"use client";
import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** Pages whose HTML the service worker keeps for reading offline (app/sw.ts decides the same). */
const OFFLINE_PAGES = /^\/(learn(\/.*)?)?$/;

/**
 * Registers the service worker (app/sw.ts, built to /sw.js by `serwist build` after `next
 * build`), then asks it to keep this page and what it loaded: the first visit happens before
 * the worker controls the page, and client-side navigations fetch no HTML it could keep.
 */
export function ServiceWorker() {
  const pathname = usePathname();
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(
      () => void navigator.serviceWorker.ready.then(cacheCurrentPage),
      () => undefined, // no service worker (e.g. a plain http origin other than localhost): the app still works online
    );
  }, []);
  useEffect(() => {
    if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) void cacheCurrentPage();
  }, [pathname]);
  return null;
}

async function cacheCurrentPage() {
  const registration = await navigator.serviceWorker.getRegistration("/");
  const worker = registration?.active;
  if (!worker) return;
  const urls = new Set<string>();
  if (OFFLINE_PAGES.test(location.pathname)) urls.add(location.href.split("#")[0] ?? location.href);
  for (const entry of performance.getEntriesByType("resource")) {
    const url = new URL(entry.name);
    if (
      url.origin === location.origin &&
      (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/ipfs/"))
    )
      urls.add(url.href);
  }
  worker.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [...urls] } });
}
