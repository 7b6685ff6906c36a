// Client-safe formatting for the learn pages.

/** A score or pass mark in basis points (7000) as a percentage for `locale` ("70%", "70 %"). */
export function formatScore(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
    basisPoints / 10_000,
  );
}

/** A language tag ("en", "sw") as its name in `locale` ("English", "kiswahili"). */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
