/** Every section of the app, in the navigation's order. Their URLs are stable: other pages link to them. */
export const NAV_SECTIONS = [
  { key: "learn", href: "/learn" },
  { key: "jobs", href: "/jobs" },
  { key: "dao", href: "/dao" },
  { key: "citadel", href: "/citadel" },
  { key: "verify", href: "/verify" },
  { key: "me", href: "/me" },
] as const;
export type NavSection = (typeof NAV_SECTIONS)[number]["key"];
