import { useLocale, useTranslations } from "next-intl";
import { LOCALES, LOCALE_NAMES } from "@/app/_i18n/config";

/**
 * The language menu: a disclosure (no JavaScript needed) holding a form whose buttons post the
 * choice to /api/locale, which remembers it in a cookie and sends the reader back: the same URL
 * then renders in the new language.
 */
export function LanguageSwitcher() {
  const locale = useLocale();
  const t = useTranslations("nav");
  return (
    <details className="language">
      <summary>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path
            d="M3 12h18M12 3c2.5 2.7 3.5 5.7 3.5 9s-1 6.3-3.5 9c-2.5-2.7-3.5-5.7-3.5-9s1-6.3 3.5-9z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
          />
        </svg>
        <span>{locale.toUpperCase()}</span>
        <span className="visually-hidden">{t("languageLabel", { language: LOCALE_NAMES[locale] })}</span>
      </summary>
      <form action="/api/locale" method="post" className="language-menu">
        <p className="language-title">{t("language")}</p>
        {LOCALES.map((option) => (
          <button
            key={option}
            type="submit"
            name="locale"
            value={option}
            lang={option}
            aria-pressed={option === locale}
            data-testid={`locale-${option}`}
          >
            {LOCALE_NAMES[option]}
          </button>
        ))}
      </form>
    </details>
  );
}
