// The service worker, bundled by `serwist build` (serwist.config.mjs) into public/sw.js after
// `next build`. What it keeps, so a learner on a costly, flaky link can read again offline:
// - the build's hashed assets (/_next/static), as pages use them: they never change, and old
//   ones stay, so a page kept from an earlier version still finds its scripts;
// - IPFS content (/ipfs/<cid>…): addressed by its hash, it never changes either;
// - the home page and every /learn page opened (catalog, course, lesson), fresh from the
//   network when there is one, from the cache when not;
// - the offline page (precached), shown for any other page when the network is gone.
// Updates never mix versions in one tab: a new worker waits until every tab of the old one is
// closed (no skipWaiting), then takes over.
import {
  CacheFirst,
  CacheableResponsePlugin,
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  Serwist,
  StaleWhileRevalidate,
} from "serwist";
import type { PrecacheEntry, RouteMatchCallbackOptions, RuntimeCaching } from "serwist";

declare const self: { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const DAY = 24 * 60 * 60;
/** Pages kept for offline reading (the same list as app/_components/shell/ServiceWorker.tsx). */
const OFFLINE_PAGES = /^\/(learn(\/.*)?)?$/;
const OFFLINE_FALLBACK = "/offline";

const ok = () => new CacheableResponsePlugin({ statuses: [200] });
/** Documents, the router's RSC fetches, and the page's own "keep this page" requests (CACHE_URLS). */
const isPage = ({ request }: RouteMatchCallbackOptions) =>
  request.method === "GET" &&
  (request.mode === "navigate" || request.destination === "document" || request.destination === "");

const runtimeCaching: RuntimeCaching[] = [
  {
    matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
    handler: new CacheFirst({
      cacheName: "azora-static",
      plugins: [ok(), new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 60 * DAY })],
    }),
  },
  {
    matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/ipfs/"),
    handler: new CacheFirst({
      cacheName: "azora-ipfs",
      plugins: [ok(), new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 90 * DAY })],
    }),
  },
  {
    matcher: (options) => options.sameOrigin && OFFLINE_PAGES.test(options.url.pathname) && isPage(options),
    handler: new NetworkFirst({
      cacheName: "azora-pages",
      networkTimeoutSeconds: 10,
      // HTML and RSC payloads of a page differ by URL (`?_rsc=`); Next's Vary headers would only
      // make a page kept by a CACHE_URLS request miss a later navigation.
      matchOptions: { ignoreVary: true },
      plugins: [ok(), new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 60 * DAY })],
    }),
  },
  {
    matcher: ({ url, sameOrigin }) =>
      sameOrigin &&
      (url.pathname === "/manifest.webmanifest" ||
        url.pathname === "/icon.svg" ||
        url.pathname.startsWith("/icons/")),
    handler: new StaleWhileRevalidate({ cacheName: "azora-shell", plugins: [ok()] }),
  },
  // Every other page: the network only (its figures must be live); offline, the offline page.
  {
    matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
    handler: new NetworkOnly(),
  },
];

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching,
  fallbacks: {
    entries: [{ url: OFFLINE_FALLBACK, matcher: ({ request }) => request.destination === "document" }],
  },
});

serwist.addEventListeners();
