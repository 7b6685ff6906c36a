import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, localeFor } from "./config";
import type { Locale } from "./config";
import { loadMessages } from "./messages";

/** The reader's language: the switcher's cookie when set, else their browser's Accept-Language. */
export async function requestLocale(): Promise<Locale> {
  return localeFor((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

// next-intl without i18n routing: the same URLs in every language (see config.ts).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: await loadMessages(locale),
    // Dates rendered on the server say their time zone (the server cannot know the reader's).
    timeZone: "UTC",
  };
});
