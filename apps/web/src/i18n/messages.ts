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

/** Placeholder names in a message, for the completeness test. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
