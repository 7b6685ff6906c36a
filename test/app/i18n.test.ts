import { expect } from "chai";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { LOCALES, DEFAULT_LOCALE, negotiateLocale } from "../../app/_i18n/config";
import { SECTIONS } from "../../app/_i18n/sections";
import { REPO_ROOT } from "../../scripts/stack/paths";

const MESSAGES = path.join(REPO_ROOT, "app", "_i18n", "messages");

/** Every leaf of a catalog file as "a.b.0.c" → string. */
function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (Array.isArray(value))
    value.forEach((v, i) => leaves(v, `${prefix}.${i}`).forEach((s, k) => out.set(k, s)));
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value))
      leaves(v, prefix ? `${prefix}.${k}` : k).forEach((s, key) => out.set(key, s));
  else out.set(prefix, String(value));
  return out;
}

/** The ICU arguments ({name}) and rich-text tags (<tag>) of a message: a translation keeps them all. */
function slots(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([A-Za-z0-9_]+)/g)].map((m) => `{${m[1]}}`);
  const tags = [...message.matchAll(/<\/?([A-Za-z0-9_]+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

async function catalog(locale: string, section: string) {
  return leaves(JSON.parse(await readFile(path.join(MESSAGES, locale, `${section}.json`), "utf8")));
}

describe("app › i18n catalog (English, French, Swahili)", function () {
  it("has one file per section in every locale, and no other file", async function () {
    for (const locale of LOCALES) {
      const files = (await readdir(path.join(MESSAGES, locale))).sort();
      expect(files, locale).to.deep.equal(SECTIONS.map((s) => `${s}.json`).sort());
    }
  });

  for (const section of SECTIONS) {
    it(`${section}: every English key exists in every locale, no locale has a key English lacks, and each keeps the same arguments`, async function () {
      const english = await catalog("en", section);
      for (const locale of LOCALES.filter((l) => l !== "en")) {
        const translated = await catalog(locale, section);
        const missing = [...english.keys()].filter((k) => !translated.has(k));
        const extra = [...translated.keys()].filter((k) => !english.has(k));
        expect(missing, `${locale}/${section}.json lacks`).to.deep.equal([]);
        expect(extra, `${locale}/${section}.json has keys English lacks`).to.deep.equal([]);
        for (const [key, text] of translated) {
          expect(text.trim(), `${locale}/${section}.json ${key} is empty`).to.not.equal("");
          expect(slots(text), `${locale}/${section}.json ${key}: arguments and tags`).to.deep.equal(
            slots(english.get(key) ?? ""),
          );
        }
      }
      for (const [key, text] of english)
        expect(text.trim(), `en/${section}.json ${key} is empty`).to.not.equal("");
    });
  }

  it("picks the reader's language from Accept-Language, by quality, else English", function () {
    expect(negotiateLocale("sw-KE,sw;q=0.9,en;q=0.8")).to.equal("sw");
    expect(negotiateLocale("fr-CA")).to.equal("fr");
    expect(negotiateLocale("de-DE,fr;q=0.5,en;q=0.7")).to.equal("en");
    expect(negotiateLocale("de-DE,fr;q=0.5")).to.equal("fr");
    expect(negotiateLocale("en;q=0.2, sw;q=0.9")).to.equal("sw");
    expect(negotiateLocale("zh, *")).to.equal(DEFAULT_LOCALE);
    expect(negotiateLocale("fr;q=0")).to.equal(DEFAULT_LOCALE);
    expect(negotiateLocale(null)).to.equal(DEFAULT_LOCALE);
  });
});
