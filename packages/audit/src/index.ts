export * from "./auditLog.ts";
export * from "./entry.ts";
