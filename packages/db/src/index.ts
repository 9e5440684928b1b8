export * from "./database.ts";
export * from "./embedded.ts";
export * from "./migrator.ts";
export * from "./notifications.ts";
export * from "./testDatabase.ts";
