import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { formatDate, formatDateTime, formatNumber } from "./format.ts";
import { LANGUAGES, type Language, type MessageKey, type MessageVars, translate, translatePlural } from "./messages.ts";

const STORAGE_KEY = "samraad.language";

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, vars?: MessageVars): string;
  /** A message that depends on a number: `${base}.one` or `${base}.other`, chosen by Intl.PluralRules. */
  tp(base: string, count: number, vars?: MessageVars): string;
  /** An enum value's label, e.g. label("Sector", "POLICE") → "Politiet". */
  label(enumName: string, value: string): string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  number(value: number, fractionDigits?: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.includes(stored as Language) ? (stored as Language) : "da";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
      tp: (base, count, vars) => translatePlural(language, base, count, vars),
      label: (enumName, value) => translate(language, `enum.${enumName}.${value}` as MessageKey),
      date: (iso) => formatDate(language, iso),
      dateTime: (iso) => formatDateTime(language, iso),
      number: (value, digits) => formatNumber(language, value, digits),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
