import { readFileSync } from "node:fs";
import { internalSigningKey } from "@samraad/access";
import { loadConfig } from "@samraad/config";
import { startTracing } from "@samraad/observability";
import { PERSONAS } from "@samraad/synthetic";
import { SUPERGRAPH_PATH } from "./compose/subgraphs.ts";
import { gatewayEnvironment } from "./config.ts";
import { startGateway } from "./gateway.ts";
import { loadTrustedDocuments } from "./hardening/trustedDocuments.ts";
import { identity as identityFrom } from "./identity/config.ts";

// The environment, parsed once: a wrong value stops the start here, naming the variable.
const config = loadConfig("gateway", gatewayEnvironment);
// First: spans exported only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
const tracing = await startTracing("samraad-gateway", { endpoint: config.tracesEndpoint });
const identity = await identityFrom(PERSONAS, config);
const gateway = await startGateway(
  {
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, "utf8"),
    subgraphUrls: config.subgraphUrls,
    production: config.production,
    limits: config.limits,
    rateLimitDatabaseUrl: config.rateLimitDatabaseUrl,
    trustedProxyHops: config.trustedProxyHops,
    trustedDocuments: config.trustedDocuments ? loadTrustedDocuments(config.trustedDocuments) : undefined,
    tracing: tracing !== null,
    queryPlanner: config.queryPlanner,
    internalSigningKey: await internalSigningKey(config.internalSigningKey),
    hiveLogLevel: config.hiveLogLevel,
    ...identity,
  },
  config.listen,
);
console.log(
  JSON.stringify({
    level: "info",
    msg: "gateway ready",
    url: gateway.url,
    devIssuer: Boolean(identity.devIssuer),
    // "per-replica": each replica counts alone, so N replicas allow N × the budget.
    rateLimits: gateway.rateLimitScope,
  }),
);
const stop = async () => {
  await gateway.stop();
  await tracing?.shutdown();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
