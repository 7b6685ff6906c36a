/**
 * The message catalog is split by section so that each flow edits its own files:
 * `messages/<locale>/<section>.json`. Every section exists in every locale (a test checks that
 * every key of English exists in French and Swahili, and nothing more). To add a section, add a
 * file per locale and its name here.
 */
export const SECTIONS = [
  "accounts",
  "citadel",
  "common",
  "credentials",
  "dao",
  "errors",
  "home",
  "jobs",
  "learn",
  "me",
  "nav",
  "offline",
  "verify",
  "wallet",
] as const;
export type Section = (typeof SECTIONS)[number];
