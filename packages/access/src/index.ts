export * from "./caseGrant.ts";
export * from "./classification.ts";
export * from "./directives.ts";
export * from "./expiringCache.ts";
export * from "./internalToken.ts";
export * from "./organisations.ts";
export * from "./principal.ts";
export * from "./scopes.ts";
