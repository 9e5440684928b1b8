import { readFileSync } from "node:fs";
import { listenAddressFromEnv, startTracing } from "@samraad/observability";
import { PERSONAS } from "@samraad/synthetic";
import { SUPERGRAPH_PATH, subgraphUrls } from "./compose/subgraphs.ts";
import { queryPlannerFromEnv, startGateway } from "./gateway.ts";
import { hardeningFromEnv } from "./hardening/fromEnv.ts";
import { identityFromEnv } from "./identity/config.ts";

// First: spans exported only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
const tracing = await startTracing("samraad-gateway");
const identity = await identityFromEnv(PERSONAS);
const gateway = await startGateway(
  {
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, "utf8"),
    subgraphUrls: subgraphUrls(),
    ...hardeningFromEnv(),
    tracing: tracing !== null,
    queryPlanner: queryPlannerFromEnv(),
    ...identity,
  },
  listenAddressFromEnv("gateway", 4000),
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
