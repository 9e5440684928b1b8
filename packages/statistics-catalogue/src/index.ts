export * from "./facts.ts";
export * from "./indicators.ts";
