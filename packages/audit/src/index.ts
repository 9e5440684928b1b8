export * from "./auditLog.ts";
export * from "./checkpoint.ts";
export * from "./entry.ts";
