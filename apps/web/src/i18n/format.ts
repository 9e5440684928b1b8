import type { Language } from "./messages.ts";

const LOCALE: Record<Language, string> = { da: "da-DK", en: "en-GB" };
const TIME_ZONE = "Europe/Copenhagen";

/** Dates as people in Denmark read them: Danish time, the language's own format. */
export function formatDate(language: Language, iso: string | null | undefined): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: "medium", timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatDateTime(language: Language, iso: string | null | undefined): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date(iso));
}

export function formatNumber(language: Language, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: fractionDigits }).format(value);
}
