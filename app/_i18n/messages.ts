import "@/app/_lib/server-side";
import type { Locale } from "./config";
import { SECTIONS } from "./sections";
import type { Messages } from "./types";

const cache = new Map<Locale, Promise<Messages>>();

/** Every section of one locale's catalog, merged into one object keyed by section. */
export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = cache.get(locale);
  if (!messages) {
    messages = Promise.all(
      SECTIONS.map(
        async (section) =>
          [
            section,
            ((await import(`./messages/${locale}/${section}.json`)) as { default: unknown }).default,
          ] as const,
      ),
    ).then((entries) => Object.fromEntries(entries) as unknown as Messages);
    cache.set(locale, messages);
  }
  return messages;
}
