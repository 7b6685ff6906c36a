/**
 * The app's languages. URLs are the same in every language: the locale comes from the
 * `NEXT_LOCALE` cookie (set by the language switcher), else from `Accept-Language`, else English.
 * Client-safe: no server imports.
 */
export const LOCALES = ["en", "fr", "sw"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that remembers a reader's choice (next-intl's conventional name). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** Each language in its own words, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français", sw: "Kiswahili" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an `Accept-Language` header ("sw-KE,sw;q=0.9,en;q=0.8"): ranges by
 * descending quality, each matched on its primary language; `*` and unknown ones skipped.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(",")
    .map((part, order) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: range.trim().toLowerCase().split("-")[0] ?? "", quality, order };
    })
    .filter(({ quality }) => Number.isFinite(quality) && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  for (const { language } of ranges) if (isLocale(language)) return language;
  return DEFAULT_LOCALE;
}

/** The reader's language: the switcher's cookie when it names one of ours, else `Accept-Language`. */
export function localeFor(
  cookieValue: string | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  return isLocale(cookieValue) ? cookieValue : negotiateLocale(acceptLanguage);
}
