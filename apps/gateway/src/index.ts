export { unclassifiedFields } from "./compose/classification.ts";
export { composeSupergraph, withSubgraphUrls } from "./compose/compose.ts";
export { SUBGRAPHS, SUPERGRAPH_PATH, type SubgraphName, subgraphUrls } from "./compose/subgraphs.ts";
export { type GatewayOptions, startGateway } from "./gateway.ts";
export { LIMIT_CODES } from "./hardening/armor.ts";
export { DEFAULT_LIMITS, type GatewayLimits, LIMIT_ENV, limitsFromEnv } from "./hardening/limits.ts";
export { identityFromEnv } from "./identity/config.ts";
export { AUDIENCE, createDevIssuer, DEV_ISSUER } from "./identity/devIssuer.ts";
export { createVerifier } from "./identity/verifier.ts";
