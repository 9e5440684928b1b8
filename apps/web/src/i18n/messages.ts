import { da, type MessageKey } from "./da.ts";
import { en } from "./en.ts";

export type { MessageKey };
export type Language = "da" | "en";
export const LANGUAGES: readonly Language[] = ["da", "en"];

/** The one message catalogue, per language. Danish first. */
export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { da, en };

export type MessageVars = Record<string, string | number>;

/** The message for a key with its {placeholders} filled in. */
export function translate(language: Language, key: MessageKey, vars: MessageVars = {}): string {
  const template = CATALOGUES[language][key] ?? CATALOGUES.da[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const PLURALS: Record<Language, Intl.PluralRules> = { da: new Intl.PluralRules("da-DK"), en: new Intl.PluralRules("en-GB") };

/** A counted message through Intl.PluralRules: `${base}.one` or `${base}.other`, {count} formatted. */
export function translatePlural(language: Language, base: string, count: number, vars: MessageVars = {}): string {
  const form = PLURALS[language].select(count) === "one" ? "one" : "other";
  const formatted = new Intl.NumberFormat(language === "da" ? "da-DK" : "en-GB").format(count);
  return translate(language, `${base}.${form}` as MessageKey, { ...vars, count: formatted });
}

/** Placeholder names in a message, for the completeness test. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
